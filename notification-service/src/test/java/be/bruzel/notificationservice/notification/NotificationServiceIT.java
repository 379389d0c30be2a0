package be.bruzel.notificationservice.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import be.bruzel.platform.events.CloudEventCodec;
import be.bruzel.platform.events.ReferralSubmitted;
import be.bruzel.platform.events.Topics;
import be.bruzel.platform.testing.ServiceBaseline;
import be.bruzel.platform.testing.ServiceIntegrationTest;
import be.bruzel.platform.testing.TestInfrastructure;
import be.bruzel.platform.testing.TestTokens;
import be.bruzel.platform.testing.TopicProbe;
import io.cloudevents.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;

@ServiceIntegrationTest
class NotificationServiceIT extends ServiceBaseline {

    private static final CloudEventCodec REFERRAL_SERVICE = new CloudEventCodec("/referral-service");

    @Autowired
    KafkaTemplate<String, CloudEvent> kafka;

    @Override
    protected List<String> migrationVersions() {
        return List.of("1");
    }

    @Override
    protected String protectedEndpoint() {
        return "/api/notifications";
    }

    @Test
    void aBadPageSizeIsNamedInTheProblem() {
        assertThat(mvc.get().uri("/api/notifications?size=0").header(HttpHeaders.ACCEPT_LANGUAGE, "nl")
                .header(HttpHeaders.AUTHORIZATION, referrer("gp.anywhere")))
                .hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.errors[0].field").isEqualTo("size");
                    assertThat(json).extractingPath("$.title").isEqualTo("Ongeldige aanvraag");
                });
    }

    @Test
    void aSubmittedReferralNotifiesItsReferrerAndNobodyElse() {
        ReferralSubmitted submitted = submittedBy("gp.jette");

        kafka.send(Topics.REFERRAL_EVENTS, submitted.subject(), REFERRAL_SERVICE.encode(submitted));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(mvc.get().uri("/api/notifications").header(HttpHeaders.AUTHORIZATION, referrer("gp.jette")))
                        .hasStatusOk().bodyJson().satisfies(json -> {
                            assertThat(json).extractingPath("$.unread").isEqualTo(1);
                            assertThat(json).extractingPath("$.items[0].type").isEqualTo("REFERRAL_SUBMITTED");
                            assertThat(json).extractingPath("$.items[0].referralId")
                                    .isEqualTo(submitted.referralId().toString());
                        }));
        assertThat(mvc.get().uri("/api/notifications").header(HttpHeaders.AUTHORIZATION, referrer("gp.ganshoren")))
                .hasStatusOk().bodyJson().extractingPath("$.total").isEqualTo(0);
    }

    @Test
    void aRedeliveredEventHasOneEffect() {
        ReferralSubmitted submitted = submittedBy("gp.redelivered");
        CloudEvent once = REFERRAL_SERVICE.encode(submitted);
        ReferralSubmitted marker = new ReferralSubmitted(UUID.randomUUID(), Instant.now(), submitted.referralId(),
                "gp.marker", List.of("housing"), "1090", "fr", "ROUTINE", "21010", "21010", "noord", "helpdesk-noord",
                null, true, "general-practitioner");

        kafka.send(Topics.REFERRAL_EVENTS, submitted.subject(), once);
        kafka.send(Topics.REFERRAL_EVENTS, submitted.subject(), once);
        kafka.send(Topics.REFERRAL_EVENTS, marker.subject(), REFERRAL_SERVICE.encode(marker));

        // Same key, same partition: once the marker is handled, both copies before it were too.
        await().atMost(Duration.ofSeconds(20)).until(() -> notificationsOf("gp.marker") == 1);
        assertThat(notificationsOf("gp.redelivered")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM processed_event WHERE event_id = :id")
                .param("id", submitted.eventId()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndTheConsumerCarriesOn() {
        String key = UUID.randomUUID().toString();
        try (var raw = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(Topics.REFERRAL_EVENTS, key, "not a cloud event".getBytes(StandardCharsets.UTF_8)));
        }
        ReferralSubmitted after = submittedBy("gp.after-poison");
        kafka.send(Topics.REFERRAL_EVENTS, key, REFERRAL_SERVICE.encode(after));

        await().atMost(Duration.ofSeconds(30)).until(() -> notificationsOf("gp.after-poison") == 1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(TopicProbe.raw(Topics.deadLetterOf(Topics.REFERRAL_EVENTS)))
                        .anySatisfy(dead -> {
                            assertThat(dead.key()).isEqualTo(key);
                            assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("not a cloud event");
                            assertThat(dead.headers().lastHeader("kafka_dlt-exception-message")).isNotNull();
                        }));
    }

    private long notificationsOf(String recipient) {
        return jdbc.sql("SELECT count(*) FROM notification WHERE recipient_id = :r").param("r", recipient)
                .query(Long.class).single();
    }

    private static ReferralSubmitted submittedBy(String referrer) {
        return new ReferralSubmitted(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), referrer,
                List.of("loneliness"), "1090", "nl", "ROUTINE", "21010", "21010", "noord", "ocmw-jette",
                "ocmw-jette-sociale-dienst", false, "general-practitioner");
    }

    private static String referrer(String userId) {
        return TestTokens.bearer(userId, List.of("referrer"), null);
    }
}
