package be.bruzel.referralservice.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import be.bruzel.platform.directorycopy.DirectoryCopy;
import be.bruzel.platform.events.Topics;
import be.bruzel.platform.testing.DirectoryWorld;
import be.bruzel.platform.testing.ServiceIntegrationTest;
import be.bruzel.platform.testing.TcpGate;
import be.bruzel.platform.testing.TestInfrastructure;
import be.bruzel.platform.testing.TestTokens;
import be.bruzel.platform.testing.TopicProbe;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Kafka unreachable when a referral is submitted: the referral is stored and answered all the
 * same, its event waits in the outbox, and reaches the topic exactly once when the broker is back.
 */
@ServiceIntegrationTest
@TestPropertySource(
        properties = {
            // One send attempt lasts at most 2 s + 3 s here; resubmission runs are spaced wider.
            "spring.kafka.producer.properties.max.block.ms=2000",
            "spring.kafka.producer.properties.delivery.timeout.ms=3000",
            "spring.kafka.producer.properties.request.timeout.ms=2000",
            "platform.outbox.resubmit-after=PT6S",
            "platform.outbox.resubmit-every=PT6S",
            "platform.kafka.health-timeout=500ms"
        })
class OutboxWhenBrokerIsDownIT {

    static final TcpGate broker = TcpGate.closedInFrontOf(TestInfrastructure.kafkaBootstrapServers());

    @TestConfiguration(proxyBeanMethods = false)
    static class KafkaBehindTheGate {
        @Bean
        @Primary
        KafkaConnectionDetails kafkaBehindTheGate() {
            return () -> List.of(broker.address());
        }
    }

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @AfterAll
    static void closeGate() {
        broker.close();
    }

    @Autowired
    ApplicationContext context;

    @Test
    void aReferralSubmittedWhileKafkaIsDownIsStoredAndItsEventPublishedOnceKafkaIsBack() throws Exception {
        DirectoryWorld.applyDirectly(context.getBean(DirectoryCopy.class)::on);

        MvcTestResult result = mvc.post()
                .uri("/api/referrals")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("gp.jette", List.of("referrer"), null))
                .contentType(MediaType.APPLICATION_JSON)
                .content(ReferralSubmissionIT.validReferral("1090"))
                .exchange();

        assertThat(result).hasStatus(HttpStatus.CREATED);
        String id = JsonPath.read(result.getResponse().getContentAsString(StandardCharsets.UTF_8), "$.referrals[0].id");
        assertThat(jdbc.sql("SELECT count(*) FROM referral WHERE id = :id")
                        .param("id", UUID.fromString(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        await().pollDelay(Duration.ofSeconds(6))
                .atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("""
                SELECT count(*) FROM event_publication
                WHERE completion_date IS NULL AND serialized_event LIKE :id
                """)
                                .param("id", "%" + id + "%")
                                .query(Long.class)
                                .single()
                        == 1);
        assertThat(eventsAbout(id)).isZero();

        broker.open();

        await().atMost(Duration.ofSeconds(60)).until(() -> eventsAbout(id) == 1);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL")
                                .query(Long.class)
                                .single()
                        == 0);
        Thread.sleep(8_000);
        assertThat(eventsAbout(id))
                .as("published once, not again by a later resubmission")
                .isEqualTo(1);
    }

    private static long eventsAbout(String referralId) {
        return TopicProbe.cloudEvents(Topics.REFERRAL_EVENTS).stream()
                .filter(record -> referralId.equals(record.key()))
                .count();
    }
}
