package be.bruzel.platformtests;

import static org.assertj.core.api.Assertions.assertThat;

import be.bruzel.localplatform.Endpoints;
import be.bruzel.localplatform.PlatformService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot run here (no Docker engine), so this keeps it true to the build:
 * every service of the platform is in it, built from a module that exists, with settings that
 * module reads; production publishes only the gateway and Grafana, and the demo lives in the override.
 */
class DockerComposeTests {

    private static final Path ROOT = RunningPlatform.ROOT;
    private static final Pattern DEFAULT_PORT = Pattern.compile("\\bport: \\$\\{PORT:(\\d+)}");
    private static final Pattern MANAGEMENT_PORT = Pattern.compile("port: \\$\\{MANAGEMENT_PORT:(\\d+)}");

    private static final Map<String, Map<String, Object>> PRODUCTION = services("docker-compose.yml");
    private static final Map<String, Map<String, Object>> DEMO = services("docker-compose.override.yml");

    @ParameterizedTest
    @EnumSource(PlatformService.class)
    @SuppressWarnings("unchecked")
    void everyServiceIsBuiltFromItsModule(PlatformService service) throws IOException {
        Map<String, Object> definition = definitionOf(service);
        assertThat(definition).as("docker-compose service " + service.module()).isNotNull();

        Map<String, Object> build = (Map<String, Object>) definition.get("build");
        String module = (String) ((Map<String, Object>) build.get("args")).get("MODULE");
        assertThat(module).isEqualTo(service.module());
        assertThat(ROOT.resolve(module).resolve("pom.xml")).exists();
        assertThat(Files.readString(ROOT.resolve("pom.xml"))).contains("<module>" + module + "</module>");
        assertThat(Files.readString(ROOT.resolve(module).resolve("pom.xml"))).contains("spring-boot-maven-plugin");
    }

    @ParameterizedTest
    @EnumSource(PlatformService.class)
    @SuppressWarnings("unchecked")
    void everyServiceIsCheckedOnItsManagementPortAndTheDemoPublishesItsPortsToThisMachineOnly(PlatformService service)
            throws IOException {
        int port = portOf(service.module(), DEFAULT_PORT);
        int managementPort = portOf(service.module(), MANAGEMENT_PORT);
        assertThat(Endpoints.defaultPorts()).containsEntry(service, port);
        assertThat(Endpoints.defaultManagementPorts()).containsEntry(service, managementPort);

        String readiness = service == PlatformService.IDENTITY_PROVIDER
                ? "localhost:" + port + "/.well-known/openid-configuration"
                : "localhost:" + managementPort + "/actuator/health/readiness";
        assertThat((List<String>) ((Map<String, Object>) definitionOf(service).get("healthcheck")).get("test"))
                .anySatisfy(part -> assertThat(part).contains(readiness));
        if (service != PlatformService.GATEWAY && service != PlatformService.IDENTITY_PROVIDER) {
            assertThat((List<String>) DEMO.get(service.module()).get("ports"))
                    .containsExactly(
                            "127.0.0.1:" + port + ":" + port, "127.0.0.1:" + managementPort + ":" + managementPort);
        }
    }

    @Test
    void productionPublishesOnlyTheGatewayAndGrafanaAndHasNoDemo() {
        assertThat(PRODUCTION).allSatisfy((name, definition) -> {
            Object ports = definition.get("ports");
            switch (name) {
                case "gateway" -> assertThat(ports).isEqualTo(List.of("8080:8080"));
                case "grafana" -> assertThat(ports).isEqualTo(List.of("3000:3000"));
                default -> assertThat(ports).as(name + " publishes nothing").isNull();
            }
            assertThat(String.valueOf(definition.get("environment")))
                    .as(name)
                    .doesNotContain("SPRING_PROFILES_ACTIVE", "demo");
        });
        assertThat(PRODUCTION).doesNotContainKeys(PlatformService.IDENTITY_PROVIDER.module(), "mail");
        assertThat(String.valueOf(PRODUCTION.get("grafana").get("environment")))
                .contains("GF_AUTH_ANONYMOUS_ENABLED=false", "GF_SECURITY_ADMIN_PASSWORD__FILE");
    }

    @ParameterizedTest
    @EnumSource(PlatformService.class)
    @SuppressWarnings("unchecked")
    void everySettingGivenToAServiceIsOneItReads(PlatformService service) throws IOException {
        Map<String, Object> environment = new java.util.HashMap<>();
        for (Map<String, Map<String, Object>> file : List.of(PRODUCTION, DEMO)) {
            Map<String, Object> definition = file.get(service.module());
            if (definition != null && definition.get("environment") != null) {
                environment.putAll((Map<String, Object>) definition.get("environment"));
            }
        }
        String configuration =
                Files.readString(ROOT.resolve(service.module()).resolve("src/main/resources/application.yml"))
                        + Files.readString(ROOT.resolve("service-support/src/main/resources/service-defaults.yml"));

        assertThat(environment.keySet()).allSatisfy(name -> {
            boolean springProperty = name.startsWith("SPRING_");
            assertThat(springProperty || configuration.contains("${" + name + ":"))
                    .as(name + " is read by " + service.module())
                    .isTrue();
        });
    }

    private static Map<String, Object> definitionOf(PlatformService service) {
        return PRODUCTION.getOrDefault(service.module(), DEMO.get(service.module()));
    }

    /** The metrics the services publish that the dashboard shows; ReferralLifecycleIT and the notification tests pin them. */
    private static final List<String> PUBLISHED_METRICS = List.of(
            "referrals_submitted_total",
            "referrals_time_to_acceptance_seconds_bucket",
            "referrals_completed_total",
            "notifications_sent_total",
            "notifications_failed_total",
            "notifications_email_backlog");

    @Test
    @SuppressWarnings("unchecked")
    void theGrafanaDashboardQueriesPrometheusForMetricsTheServicesPublish() throws IOException {
        Map<String, Object> grafana = PRODUCTION.get("grafana");
        assertThat((List<String>) grafana.get("volumes"))
                .contains("./docker/grafana/dashboards:/var/lib/grafana/dashboards:ro");
        String datasource = Files.readString(ROOT.resolve("docker/grafana/provisioning/datasources/prometheus.yml"));
        assertThat(datasource).contains("uid: platform-prometheus").contains("url: http://prometheus:9090");
        assertThat(Files.readString(ROOT.resolve("docker/prometheus/prometheus.yml")))
                .contains(
                        "referral-service:9081",
                        "directory-service:9082",
                        "notification-service:9083",
                        "statistics-service:9084",
                        "gateway:9080");

        Map<String, Object> dashboard =
                new Yaml().load(Files.readString(ROOT.resolve("docker/grafana/dashboards/referrals.json")));
        List<Map<String, Object>> panels = (List<Map<String, Object>>) dashboard.get("panels");
        assertThat(panels).isNotEmpty().allSatisfy(panel -> {
            assertThat((Map<String, Object>) panel.get("datasource")).containsEntry("uid", "platform-prometheus");
            for (Map<String, Object> target : (List<Map<String, Object>>) panel.get("targets")) {
                Matcher metric =
                        Pattern.compile("\\b(referrals|notifications)_[a-z_]+").matcher((String) target.get("expr"));
                assertThat(metric.find())
                        .as(panel.get("title") + " queries a metric")
                        .isTrue();
                do {
                    assertThat(PUBLISHED_METRICS)
                            .as("metric of " + panel.get("title"))
                            .contains(metric.group());
                } while (metric.find());
            }
        });
    }

    private static int portOf(String module, Pattern declaration) throws IOException {
        Matcher port = declaration.matcher(
                Files.readString(ROOT.resolve(module).resolve("src/main/resources/application.yml")));
        assertThat(port.find()).as(module + " declares " + declaration).isTrue();
        return Integer.parseInt(port.group(1));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services(String file) {
        try {
            return (Map<String, Map<String, Object>>) new Yaml()
                    .<Map<String, Object>>load(Files.readString(ROOT.resolve(file)))
                    .get("services");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
