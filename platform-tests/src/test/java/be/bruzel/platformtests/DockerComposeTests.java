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
 * every service of the platform is in it, built from a module that exists, on the port that
 * module listens on, with settings that module reads.
 */
class DockerComposeTests {

    private static final Path ROOT = RunningPlatform.ROOT;
    private static final Pattern DEFAULT_PORT = Pattern.compile("port: \\$\\{PORT:(\\d+)}");

    @SuppressWarnings("unchecked")
    private static final Map<String, Map<String, Object>> SERVICES = (Map<String, Map<String, Object>>) load()
            .get("services");

    @ParameterizedTest
    @EnumSource(PlatformService.class)
    @SuppressWarnings("unchecked")
    void everyServiceIsBuiltFromItsModule(PlatformService service) throws IOException {
        Map<String, Object> definition = SERVICES.get(service.module());
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
    void everyServicePublishesThePortItsModuleListensOn(PlatformService service) throws IOException {
        int modulePort = defaultPortOf(service.module());
        List<String> ports = (List<String>) SERVICES.get(service.module()).get("ports");

        assertThat(ports).containsExactly(modulePort + ":" + modulePort);
        assertThat(Endpoints.defaultPorts()).containsEntry(service, modulePort);
        assertThat((List<String>) ((Map<String, Object>) SERVICES.get(service.module()).get("healthcheck")).get("test"))
                .anySatisfy(part -> assertThat(part).contains("localhost:" + modulePort + service.readinessPath()));
    }

    @ParameterizedTest
    @EnumSource(PlatformService.class)
    @SuppressWarnings("unchecked")
    void everySettingGivenToAServiceIsOneItReads(PlatformService service) throws IOException {
        Map<String, Object> environment = (Map<String, Object>) SERVICES.get(service.module()).get("environment");
        String configuration = Files.readString(ROOT.resolve(service.module()).resolve("src/main/resources/application.yml"))
                + Files.readString(ROOT.resolve("service-support/src/main/resources/service-defaults.yml"));

        assertThat(environment.keySet()).allSatisfy(name -> {
            boolean springProperty = name.startsWith("SPRING_");
            assertThat(springProperty || configuration.contains("${" + name + ":"))
                    .as(name + " is read by " + service.module()).isTrue();
        });
    }

    /** The metrics the services publish that the dashboard shows; ReferralStatisticsIT and the notification tests pin them. */
    private static final List<String> PUBLISHED_METRICS = List.of("referrals_submitted_total",
            "referrals_time_to_acceptance_seconds_bucket", "referrals_completed_total", "notifications_sent_total",
            "notifications_failed_total", "notifications_email_backlog");

    @Test
    @SuppressWarnings("unchecked")
    void theGrafanaDashboardQueriesPrometheusForMetricsTheServicesPublish() throws IOException {
        Map<String, Object> grafana = SERVICES.get("grafana");
        assertThat((List<String>) grafana.get("volumes")).contains("./docker/grafana/dashboards:/var/lib/grafana/dashboards:ro");
        String datasource = Files.readString(ROOT.resolve("docker/grafana/provisioning/datasources/prometheus.yml"));
        assertThat(datasource).contains("uid: platform-prometheus").contains("url: http://prometheus:9090");
        assertThat(Files.readString(ROOT.resolve("docker/prometheus/prometheus.yml")))
                .contains("referral-service:8081", "directory-service:8082", "notification-service:8083");

        Map<String, Object> dashboard = new Yaml().load(Files.readString(ROOT.resolve("docker/grafana/dashboards/referrals.json")));
        List<Map<String, Object>> panels = (List<Map<String, Object>>) dashboard.get("panels");
        assertThat(panels).isNotEmpty().allSatisfy(panel -> {
            assertThat((Map<String, Object>) panel.get("datasource")).containsEntry("uid", "platform-prometheus");
            for (Map<String, Object> target : (List<Map<String, Object>>) panel.get("targets")) {
                Matcher metric = Pattern.compile("\\b(referrals|notifications)_[a-z_]+").matcher((String) target.get("expr"));
                assertThat(metric.find()).as(panel.get("title") + " queries a metric").isTrue();
                do {
                    assertThat(PUBLISHED_METRICS).as("metric of " + panel.get("title")).contains(metric.group());
                } while (metric.find());
            }
        });
    }

    private static int defaultPortOf(String module) throws IOException {
        Matcher port = DEFAULT_PORT.matcher(Files.readString(ROOT.resolve(module).resolve("src/main/resources/application.yml")));
        assertThat(port.find()).as(module + " declares its port").isTrue();
        return Integer.parseInt(port.group(1));
    }

    private static Map<String, Object> load() {
        try {
            return new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
