package be.bruzel.localplatform;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;

/**
 * The platform's Kafka as {@code ./run} (and {@code SecurityIT}) runs it: SASL/SCRAM-SHA-512 over
 * TLS, one user per service with a password made for it, and the platform's ACLs
 * ({@link PlatformKafkaAcls}). Passwords and the broker's certificate are made on the first start
 * and kept in the broker's folder.
 */
public final class SecuredKafka implements AutoCloseable {

    public static final String ADMINISTRATOR = "platform-admin";

    private final KraftBroker broker;
    private final Map<String, String> users;
    private final BrokerCertificate certificate;

    private SecuredKafka(KraftBroker broker, Map<String, String> users, BrokerCertificate certificate) {
        this.broker = broker;
        this.users = users;
        this.certificate = certificate;
    }

    public static SecuredKafka start(Path directory, int port, int controllerPort) throws Exception {
        Path log = directory.resolve("log");
        // A broker of an older ./run, without users, kept its log in the folder itself.
        Map<String, String> users = users(
                directory.resolve("users.properties"),
                Files.exists(log) || Files.exists(directory.resolve("meta.properties")));
        BrokerCertificate certificate = BrokerCertificate.ensure(directory.resolve("tls"));
        KraftBroker broker = KraftBroker.startSecured(log, port, controllerPort, users, certificate);
        SecuredKafka kafka = new SecuredKafka(broker, users, certificate);
        try (Admin admin = Admin.create(kafka.clientSignedInAs(ADMINISTRATOR))) {
            admin.createAcls(PlatformKafkaAcls.bindings()).all().get(60, TimeUnit.SECONDS);
        }
        return kafka;
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** Spring Boot's settings that make a service sign in as itself; none for a process that uses no Kafka. */
    public Map<String, String> environmentOf(PlatformService service) {
        String password = users.get(service.module());
        if (password == null) {
            return Map.of();
        }
        return Map.of(
                "SPRING_KAFKA_SECURITY_PROTOCOL",
                "SASL_SSL",
                "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM",
                KraftBroker.SCRAM,
                "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG",
                KraftBroker.jaas(service.module(), password),
                "SPRING_KAFKA_SSL_TRUST_STORE_TYPE",
                "PEM",
                "SPRING_KAFKA_SSL_TRUST_STORE_LOCATION",
                certificate.certificate().toUri().toString());
    }

    /** A Kafka client's settings to sign in as one of the broker's users. */
    public Map<String, Object> clientSignedInAs(String user) {
        Map<String, Object> config = anonymousClient();
        config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL");
        config.put(SaslConfigs.SASL_MECHANISM, KraftBroker.SCRAM);
        config.put(SaslConfigs.SASL_JAAS_CONFIG, KraftBroker.jaas(user, users.get(user)));
        return config;
    }

    /** A client that trusts the broker's certificate but has no user: it gets no further than TLS. */
    public Map<String, Object> anonymousClient() {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SSL");
        config.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PEM");
        config.put(
                SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG,
                certificate.certificate().toString());
        return config;
    }

    /** The administrator and every service, with their passwords: made once, then read back. */
    private static Map<String, String> users(Path file, boolean logExists) throws IOException {
        Properties stored = new Properties();
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                stored.load(reader);
            }
        } else if (logExists) {
            throw new IllegalStateException("Kafka's data in " + file.getParent() + " has no users (an older ./run):"
                    + " start once with --clean");
        }
        Map<String, String> users = new LinkedHashMap<>();
        users.put(ADMINISTRATOR, stored.getProperty(ADMINISTRATOR, Secrets.random()));
        for (PlatformKafkaAcls.Access access : PlatformKafkaAcls.SERVICES) {
            users.put(access.service(), stored.getProperty(access.service(), Secrets.random()));
        }
        if (!Files.exists(file)) {
            Properties made = new Properties();
            made.putAll(users);
            Files.createDirectories(file.getParent());
            try (Writer writer = Files.newBufferedWriter(file)) {
                made.store(writer, "Kafka users of ./run: made on its first start");
            }
        }
        return users;
    }

    @Override
    public void close() {
        broker.close();
    }
}
