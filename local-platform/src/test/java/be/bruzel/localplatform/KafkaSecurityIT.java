package be.bruzel.localplatform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import be.bruzel.platform.events.Topics;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The platform's broker with SASL/SCRAM and the platform's ACLs ({@link PlatformKafkaAcls}): who may
 * read and write which topic. A real KRaft broker in this JVM.
 */
class KafkaSecurityIT {

    private static final Map<String, String> USERS = new LinkedHashMap<>();
    static KraftBroker broker;

    @BeforeAll
    static void startTheSecuredBroker() throws Exception {
        USERS.put("platform-admin", "admin-secret-of-the-test");
        for (PlatformKafkaAcls.Access access : PlatformKafkaAcls.SERVICES) {
            USERS.put(access.service(), access.service() + "-secret-of-the-test");
        }
        broker = KraftBroker.startSecured(Files.createTempDirectory("kafka-security"), freePort(), freePort(), USERS);
        try (Admin admin = Admin.create(signedIn("platform-admin", USERS.get("platform-admin")))) {
            admin.createTopics(List.of(new NewTopic(Topics.DIRECTORY_SERVICES, 1, (short) 1),
                    new NewTopic(Topics.DIRECTORY_ROUTING_RULES, 1, (short) 1),
                    new NewTopic(Topics.REFERRAL_EVENTS, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            admin.createAcls(PlatformKafkaAcls.bindings()).all().get(30, TimeUnit.SECONDS);
        }
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aClientWithoutCredentialsCanNeitherWriteNorReadTheDirectory() {
        Map<String, Object> anonymous = new HashMap<>(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers()));

        assertThat(failureOf(() -> write(anonymous, Topics.DIRECTORY_SERVICES))).isInstanceOf(TimeoutException.class);
        assertThat(read(anonymous, Topics.DIRECTORY_SERVICES, "anonymous")).as("nothing read").isZero();
    }

    @Test
    void aWrongPasswordIsRefused() {
        assertThat(failureOf(() -> write(signedIn("directory-service", "guess"), Topics.DIRECTORY_SERVICES)))
                .isInstanceOf(SaslAuthenticationException.class);
    }

    @Test
    void theDirectoryWritesItsTopicsAndTheReferralServiceReadsThemButCannotWriteThem() throws Exception {
        write(signedIn("directory-service", USERS.get("directory-service")), Topics.DIRECTORY_SERVICES);

        assertThat(read(signedIn("referral-service", USERS.get("referral-service")), Topics.DIRECTORY_SERVICES,
                "referral-service.directory-copy")).isPositive();
        assertThat(failureOf(() -> write(signedIn("referral-service", USERS.get("referral-service")),
                Topics.DIRECTORY_SERVICES))).isInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void aServiceReadsOnlyWhatItConsumesInGroupsOfItsOwnAndWritesOnlyItsOwnTopics() {
        Map<String, Object> notifications = signedIn("notification-service", USERS.get("notification-service"));

        assertThat(failureOf(() -> read(notifications, Topics.DIRECTORY_ROUTING_RULES, "notification-service.rules")))
                .isInstanceOf(TopicAuthorizationException.class);
        assertThat(failureOf(() -> read(notifications, Topics.REFERRAL_EVENTS, "referral-service.statistics")))
                .isInstanceOf(GroupAuthorizationException.class);
        assertThat(failureOf(() -> write(signedIn("directory-service", USERS.get("directory-service")),
                Topics.REFERRAL_EVENTS))).isInstanceOf(TopicAuthorizationException.class);
    }

    private static Map<String, Object> signedIn(String user, String password) {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        config.put(SaslConfigs.SASL_MECHANISM, KraftBroker.SCRAM);
        config.put(SaslConfigs.SASL_JAAS_CONFIG, KraftBroker.jaas(user, password));
        return config;
    }

    private static void write(Map<String, Object> client, String topic) throws Exception {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "key", "value")).get(10, TimeUnit.SECONDS);
        }
    }

    /** How many records the client could read from the start of the topic within a few seconds. */
    private static int read(Map<String, Object> client, String topic, String group) {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            int records = 0;
            long until = System.nanoTime() + Duration.ofSeconds(6).toNanos();
            while (records == 0 && System.nanoTime() < until) {
                records += consumer.poll(Duration.ofMillis(500)).count();
            }
            return records;
        }
    }

    /** The innermost cause of what the call threw. */
    private static Throwable failureOf(ThrowingCallable call) {
        Throwable failure = catchThrowable(call);
        assertThat(failure).as("refused").isNotNull();
        while (failure.getCause() != null && failure.getCause() != failure) {
            failure = failure.getCause();
        }
        return failure;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
