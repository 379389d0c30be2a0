package be.bruzel.localplatform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import be.bruzel.platform.events.Topics;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertPathBuilderException;
import java.time.Duration;
import java.util.HashMap;
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
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The platform's broker as {@code ./run} runs it ({@link SecuredKafka}): SASL/SCRAM over TLS and the
 * platform's ACLs ({@link PlatformKafkaAcls}), who may read and write which topic. A real KRaft broker
 * in this JVM.
 */
class KafkaSecurityIT {

    private static final Path ROOT =
            Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
    static SecuredKafka kafka;

    @BeforeAll
    static void startTheSecuredBroker() throws Exception {
        kafka = SecuredKafka.start(Files.createTempDirectory("kafka-security"), freePort(), freePort());
        try (Admin admin = Admin.create(signedIn(SecuredKafka.ADMINISTRATOR))) {
            admin.createTopics(List.of(
                            new NewTopic(Topics.DIRECTORY_SERVICES, 1, (short) 1),
                            new NewTopic(Topics.DIRECTORY_ROUTING_RULES, 1, (short) 1),
                            new NewTopic(Topics.REFERRAL_EVENTS, 1, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void aClientWithoutCredentialsCanNeitherWriteNorReadTheDirectoryOverTlsOrWithout() {
        Map<String, Object> plaintext =
                new HashMap<>(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));

        for (Map<String, Object> anonymous : List.of(kafka.anonymousClient(), plaintext)) {
            assertThat(failureOf(() -> write(anonymous, Topics.DIRECTORY_SERVICES)))
                    .isInstanceOf(TimeoutException.class);
            assertThat(read(anonymous, Topics.DIRECTORY_SERVICES, "anonymous"))
                    .as("nothing read")
                    .isZero();
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        Map<String, Object> guessing = signedIn("directory-service");
        guessing.put(SaslConfigs.SASL_JAAS_CONFIG, KraftBroker.jaas("directory-service", "guess"));

        assertThat(failureOf(() -> write(guessing, Topics.DIRECTORY_SERVICES)))
                .isInstanceOf(SaslAuthenticationException.class);
    }

    @Test
    void aClientThatDoesNotTrustTheBrokersCertificateGetsNoConnection() {
        Map<String, Object> trustingOnlyTheJdk = signedIn("directory-service");
        trustingOnlyTheJdk.remove(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG);
        trustingOnlyTheJdk.remove(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG);

        assertThat(failureOf(() -> write(trustingOnlyTheJdk, Topics.DIRECTORY_SERVICES)))
                .isInstanceOf(CertPathBuilderException.class);
    }

    @Test
    void theDirectoryWritesItsTopicsAndTheReferralServiceReadsThemButCannotWriteThem() throws Exception {
        write(signedIn("directory-service"), Topics.DIRECTORY_SERVICES);

        assertThat(read(signedIn("referral-service"), Topics.DIRECTORY_SERVICES, "referral-service.directory-copy"))
                .isPositive();
        assertThat(failureOf(() -> write(signedIn("referral-service"), Topics.DIRECTORY_SERVICES)))
                .isInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void theNotificationServiceReadsTheDirectoryTopicsItsMailboxesListenTo() throws Exception {
        // DirectoryMailboxes listens to services, territory and themes in one group: one topic refused stops them all.
        for (String topic : List.of(Topics.DIRECTORY_SERVICES, Topics.DIRECTORY_TERRITORY, Topics.DIRECTORY_THEMES)) {
            write(signedIn("directory-service"), topic);
            assertThat(read(signedIn("notification-service"), topic, "notification-service.directory-mailboxes"))
                    .as(topic)
                    .isPositive();
        }
    }

    @Test
    void aServiceReadsOnlyWhatItConsumesInGroupsOfItsOwnAndWritesOnlyItsOwnTopics() {
        Map<String, Object> notifications = signedIn("notification-service");

        assertThat(failureOf(() -> read(notifications, Topics.DIRECTORY_ROUTING_RULES, "notification-service.rules")))
                .isInstanceOf(TopicAuthorizationException.class);
        assertThat(failureOf(() -> read(notifications, Topics.REFERRAL_EVENTS, "statistics-service.referral-events")))
                .isInstanceOf(GroupAuthorizationException.class);
        assertThat(failureOf(() -> write(signedIn("directory-service"), Topics.REFERRAL_EVENTS)))
                .isInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyServiceMayDeclareEveryTopicItsConfigurationDeclaresWithItsDeadLetters() throws Exception {
        for (PlatformKafkaAcls.Access access : PlatformKafkaAcls.SERVICES) {
            Map<String, Object> configuration = new Yaml()
                    .load(Files.readString(
                            ROOT.resolve(access.service()).resolve("src/main/resources/application.yml")));
            List<Map<String, Object>> declared = (List<Map<String, Object>>)
                    ((Map<String, Object>) ((Map<String, Object>) configuration.get("platform")).get("kafka"))
                            .get("topics");
            try (Admin admin = Admin.create(signedIn(access.service()))) {
                for (Map<String, Object> topic : declared) {
                    String name = (String) topic.get("name");
                    for (String each : List.of(name, Topics.deadLetterOf(name))) {
                        Throwable refused =
                                catchThrowable(() -> admin.createTopics(List.of(new NewTopic(each, 1, (short) 1)))
                                        .all()
                                        .get(30, TimeUnit.SECONDS));
                        assertThat(refused == null || refused.getCause() instanceof TopicExistsException)
                                .as(access.service() + " declares " + each + ": " + refused)
                                .isTrue();
                    }
                }
            }
        }
    }

    private static Map<String, Object> signedIn(String user) {
        return kafka.clientSignedInAs(user);
    }

    private static void write(Map<String, Object> client, String topic) throws Exception {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "key", "value")).get(10, TimeUnit.SECONDS);
        }
    }

    /** How many records the client could read from the start of the topic within a few seconds. */
    private static int read(Map<String, Object> client, String topic, String group) {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
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
