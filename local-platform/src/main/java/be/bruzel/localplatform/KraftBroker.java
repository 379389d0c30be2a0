package be.bruzel.localplatform;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real Apache Kafka broker in KRaft mode (one node, combined broker and controller), run from
 * the Kafka server jars inside this JVM. Its log lives in a folder that survives a restart.
 */
final class KraftBroker implements AutoCloseable {

    static final String SCRAM = "SCRAM-SHA-512";

    private final KafkaRaftServer server;
    private final int port;

    private KraftBroker(KafkaRaftServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * A broker that lets in only the given users (SASL/SCRAM-SHA-512 over TLS; the first is its
     * administrator) and lets them do only what ACLs allow. The controller listener stays on this machine.
     */
    static KraftBroker startSecured(
            Path logDirectory, int port, int controllerPort, Map<String, String> users, BrokerCertificate certificate)
            throws Exception {
        String administrator = users.keySet().iterator().next();
        Properties config = common(logDirectory, controllerPort);
        config.put("listeners", "SASL_SSL://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        config.put("advertised.listeners", "SASL_SSL://localhost:" + port);
        config.put("listener.security.protocol.map", "SASL_SSL:SASL_SSL,CONTROLLER:PLAINTEXT");
        config.put("inter.broker.listener.name", "SASL_SSL");
        config.put("ssl.keystore.type", "PKCS12");
        config.put("ssl.keystore.location", certificate.keyStore().toString());
        config.put("ssl.keystore.password", certificate.password());
        config.put("ssl.key.password", certificate.password());
        // The broker calls itself too: it trusts its own certificate.
        config.put("ssl.truststore.type", "PEM");
        config.put("ssl.truststore.location", certificate.certificate().toString());
        config.put("sasl.enabled.mechanisms", SCRAM);
        config.put("sasl.mechanism.inter.broker.protocol", SCRAM);
        config.put(
                "listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config", jaas(administrator, users.get(administrator)));
        config.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        // The controller listener (loopback) authenticates no one: the broker's own calls to it come as ANONYMOUS.
        config.put("super.users", "User:" + administrator + ";User:ANONYMOUS");
        config.put("allow.everyone.if.no.acl.found", "false");
        List<String> credentials = users.entrySet().stream()
                .map(user -> SCRAM + "=[name=" + user.getKey() + ",password=" + user.getValue() + "]")
                .toList();
        return start(logDirectory, config, port, credentials);
    }

    /** The JAAS setting of a client (or the broker itself) that signs in as this user. */
    static String jaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\""
                + password + "\";";
    }

    private static Properties common(Path logDirectory, int controllerPort) {
        Properties config = new Properties();
        config.put("process.roles", "broker,controller");
        config.put("node.id", "1");
        config.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        config.put("controller.listener.names", "CONTROLLER");
        config.put("log.dirs", logDirectory.toString());
        config.put("num.partitions", "3");
        config.put("offsets.topic.replication.factor", "1");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("group.initial.rebalance.delay.ms", "0");
        config.put("auto.create.topics.enable", "false");
        return config;
    }

    private static KraftBroker start(Path logDirectory, Properties config, int port, List<String> scramCredentials)
            throws Exception {
        Files.createDirectories(logDirectory);
        KafkaConfig kafkaConfig = KafkaConfig.fromProps(config, false);
        if (!Files.exists(logDirectory.resolve("meta.properties"))) {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(1)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(logDirectory.toString()))
                    .setMetadataLogDirectory(logDirectory.toString())
                    .setControllerListenerName("CONTROLLER")
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setScramArguments(scramCredentials)
                    .run();
        }
        KafkaRaftServer server = new KafkaRaftServer(kafkaConfig, Time.SYSTEM);
        server.startup();
        return new KraftBroker(server, port);
    }

    String bootstrapServers() {
        return "localhost:" + port;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
