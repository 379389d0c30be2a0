package be.bruzel.statisticsservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import be.bruzel.platform.events.CloudEventCodec;
import be.bruzel.platform.events.ReferralSubmitted;
import be.bruzel.platform.events.Topics;
import be.bruzel.platform.testing.ServiceBaseline;
import be.bruzel.platform.testing.ServiceIntegrationTest;
import be.bruzel.platform.testing.TopicProbe;
import io.cloudevents.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

/** What every service promises, and what statistics-service promises as a consumer of referral.events. */
@ServiceIntegrationTest
class StatisticsServiceIT extends ServiceBaseline {

    @Autowired
    KafkaTemplate<String, CloudEvent> kafka;

    @Override
    protected List<String> migrationVersions() {
        return List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
    }

    @Override
    protected String protectedEndpoint() {
        return "/api/statistics/referrals";
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndTheProjectionCarriesOn() {
        String key = UUID.randomUUID().toString();
        TopicProbe.sendUnreadable(Topics.REFERRAL_EVENTS, key, "not a cloud event");
        UUID after = UUID.randomUUID();
        ReferralSubmitted submitted = new ReferralSubmitted(
                UUID.randomUUID(),
                Instant.parse("2022-03-01T09:00:00Z"),
                after,
                "gp.after-poison",
                List.of("finances"),
                "1090",
                "nl",
                "ROUTINE",
                "21010",
                "21010",
                "noord",
                "ocmw-jette",
                null,
                false,
                "general-practitioner");
        kafka.send(Topics.REFERRAL_EVENTS, key, new CloudEventCodec("/referral-service").encode(submitted));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql(
                                        "SELECT count(*) FROM statistics_referral WHERE referral_id = :id AND submitted_at IS NOT NULL")
                                .param("id", after)
                                .query(Long.class)
                                .single()
                        == 1);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(TopicProbe.raw(Topics.deadLetterOf(Topics.REFERRAL_EVENTS)))
                        .anySatisfy(dead -> {
                            assertThat(dead.key()).isEqualTo(key);
                            assertThat(new String(dead.value(), StandardCharsets.UTF_8))
                                    .isEqualTo("not a cloud event");
                        }));
    }
}
