package be.bruzel.localplatform;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Where everything is: the infrastructure the services use and the port of each service.
 *
 * @param jdbcUrl the JDBC URL of a database, by name
 * @param credentials user and password of a service's database, by database name
 * @param ports where each service answers its callers
 * @param managementPorts where each service answers health checks and Prometheus: never through the gateway
 * @param kafkaClient how each service signs in to Kafka (Spring Boot settings; none on a plaintext broker)
 * @param settings environment every service starts with besides these, e.g. a test's own limits
 */
public record Endpoints(
        Function<String, String> jdbcUrl,
        Function<String, Credentials> credentials,
        String kafkaBootstrapServers,
        Function<PlatformService, Map<String, String>> kafkaClient,
        Map<PlatformService, Integer> ports,
        Map<PlatformService, Integer> managementPorts,
        Map<String, String> settings) {

    /** Where the services listen in {@code ./run}: this machine only. */
    static final String LOOPBACK = "127.0.0.1";

    /** The setting that names the issuer. */
    public static final String ISSUER = "PLATFORM_ISSUER_URI";

    public record Credentials(String username, String password) {}

    public Endpoints {
        ports = new EnumMap<>(ports);
        managementPorts = new EnumMap<>(managementPorts);
        settings = Map.copyOf(settings);
    }

    /** The same platform, its services started with these settings too. */
    public Endpoints with(Map<String, String> more) {
        Map<String, String> all = new HashMap<>(settings);
        all.putAll(more);
        return new Endpoints(jdbcUrl, credentials, kafkaBootstrapServers, kafkaClient, ports, managementPorts, all);
    }

    public int port(PlatformService service) {
        return ports.get(service);
    }

    public String url(PlatformService service) {
        return "http://localhost:" + port(service);
    }

    /** Actuator: health, metrics, Prometheus. */
    public String managementUrl(PlatformService service) {
        return "http://localhost:" + managementPorts.get(service);
    }

    /** Answers 200 once the service can do its work. An OpenID provider is ready when its discovery document is. */
    public String readinessUrl(PlatformService service) {
        return service == PlatformService.IDENTITY_PROVIDER
                ? url(service) + "/.well-known/openid-configuration"
                : managementUrl(service) + "/actuator/health/readiness";
    }

    /** The issuer the platform trusts: the demo identity provider, unless a setting names another (Keycloak, say). */
    public String issuerUri() {
        return settings.getOrDefault(ISSUER, url(PlatformService.IDENTITY_PROVIDER));
    }

    /** The environment a service process starts with: its port, its database, Kafka and the issuer. */
    public Map<String, String> environmentOf(PlatformService service) {
        Map<String, String> environment = new HashMap<>(settings);
        // Demo users, demo social map, demo secrets: what ./run is for, and only there.
        environment.put("SPRING_PROFILES_ACTIVE", "demo");
        environment.put("PORT", String.valueOf(port(service)));
        environment.put("MANAGEMENT_PORT", String.valueOf(managementPorts.get(service)));
        // Only the gateway and the sign-in page are for browsers; nothing else is reachable from another machine.
        environment.put("MANAGEMENT_SERVER_ADDRESS", LOOPBACK);
        if (service != PlatformService.GATEWAY && service != PlatformService.IDENTITY_PROVIDER) {
            environment.put("SERVER_ADDRESS", LOOPBACK);
        }
        environment.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers);
        environment.putAll(kafkaClient.apply(service));
        // The demo identity provider issues its own tokens whoever the platform trusts.
        environment.put(
                ISSUER,
                service == PlatformService.IDENTITY_PROVIDER ? url(PlatformService.IDENTITY_PROVIDER) : issuerUri());
        service.database().ifPresent(database -> {
            Credentials owner = credentials.apply(database);
            environment.put(service.environmentPrefix() + "_DB_URL", jdbcUrl.apply(database));
            environment.put(service.environmentPrefix() + "_DB_USER", owner.username());
            environment.put(service.environmentPrefix() + "_DB_PASSWORD", owner.password());
        });
        // Where the web application is: the identity provider sends people back there, mails link there.
        environment.put("PLATFORM_WEB_URL", url(PlatformService.GATEWAY));
        if (service == PlatformService.GATEWAY) {
            environment.put("REFERRAL_SERVICE_URL", url(PlatformService.REFERRAL));
            environment.put("DIRECTORY_SERVICE_URL", url(PlatformService.DIRECTORY));
            environment.put("NOTIFICATION_SERVICE_URL", url(PlatformService.NOTIFICATION));
            environment.put("STATISTICS_SERVICE_URL", url(PlatformService.STATISTICS));
        }
        return environment;
    }

    /** The ports a developer's machine uses: 8080 for the gateway, 9000 for the identity provider. */
    public static Map<PlatformService, Integer> defaultPorts() {
        return Map.of(
                PlatformService.GATEWAY,
                8080,
                PlatformService.REFERRAL,
                8081,
                PlatformService.DIRECTORY,
                8082,
                PlatformService.NOTIFICATION,
                8083,
                PlatformService.STATISTICS,
                8084,
                PlatformService.IDENTITY_PROVIDER,
                9000);
    }

    /** Each service's own management port, as its application.yml declares it. */
    public static Map<PlatformService, Integer> defaultManagementPorts() {
        return Map.of(
                PlatformService.GATEWAY,
                9080,
                PlatformService.REFERRAL,
                9081,
                PlatformService.DIRECTORY,
                9082,
                PlatformService.NOTIFICATION,
                9083,
                PlatformService.STATISTICS,
                9084,
                PlatformService.IDENTITY_PROVIDER,
                9001);
    }
}
