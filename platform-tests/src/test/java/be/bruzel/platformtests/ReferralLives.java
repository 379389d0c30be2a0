package be.bruzel.platformtests;

import be.bruzel.platform.events.CloudEventCodec;
import be.bruzel.platform.events.ContactAttemptLogged;
import be.bruzel.platform.events.FeedbackPosted;
import be.bruzel.platform.events.ReferralAccepted;
import be.bruzel.platform.events.ReferralCompleted;
import be.bruzel.platform.events.ReferralEvent;
import be.bruzel.platform.events.ReferralSubmitted;
import be.bruzel.platform.events.Topics;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Whole referral lives as referral-service publishes them, straight onto {@code referral.events}:
 * submitted, accepted, first contact, feedback to the referrer, completed. Each tells exactly one
 * audience per event, so a consumer's effect can be counted: five notifications per referral.
 */
final class ReferralLives {

    static final int EVENTS_PER_REFERRAL = 5;
    private static final CloudEventCodec REFERRAL_SERVICE = new CloudEventCodec("/referral-service");

    private ReferralLives() {}

    /** @return the events sent */
    static int publish(String bootstrapServers, int referrals, String organisationPrefix) {
        int sent = 0;
        try (KafkaProducer<String, CloudEvent> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ProducerConfig.LINGER_MS_CONFIG,
                        20,
                        ProducerConfig.BATCH_SIZE_CONFIG,
                        256 * 1024),
                new StringSerializer(),
                new CloudEventSerializer())) {
            for (int i = 0; i < referrals; i++) {
                for (ReferralEvent event : lifeOf(i, organisationPrefix)) {
                    producer.send(new ProducerRecord<>(
                            Topics.REFERRAL_EVENTS, event.subject(), REFERRAL_SERVICE.encode(event)));
                    sent++;
                }
            }
            producer.flush();
        }
        return sent;
    }

    private static List<ReferralEvent> lifeOf(int n, String organisationPrefix) {
        UUID referral = UUID.randomUUID();
        String referrer = "gp." + (n % 500);
        String organisation = organisationPrefix + (n % 150);
        String service = organisation + "-onthaal";
        Instant at = Instant.parse("2026-03-02T09:00:00Z").plusSeconds(n);
        return List.of(
                new ReferralSubmitted(
                        UUID.randomUUID(),
                        at,
                        referral,
                        referrer,
                        List.of("finances"),
                        "1090",
                        "nl",
                        "ROUTINE",
                        "21010",
                        "21010",
                        "noord",
                        organisation,
                        service,
                        false,
                        "general-practitioner"),
                new ReferralAccepted(UUID.randomUUID(), at.plusSeconds(60), referral, organisation, service),
                new ContactAttemptLogged(
                        UUID.randomUUID(),
                        at.plusSeconds(120),
                        referral,
                        UUID.randomUUID(),
                        organisation,
                        at.plusSeconds(120),
                        "PHONE",
                        true),
                new FeedbackPosted(
                        UUID.randomUUID(),
                        at.plusSeconds(180),
                        referral,
                        UUID.randomUUID(),
                        "ORGANISATION",
                        "worker." + organisation,
                        organisation,
                        referrer),
                new ReferralCompleted(UUID.randomUUID(), at.plusSeconds(240), referral, organisation, "SOLVED"));
    }
}
