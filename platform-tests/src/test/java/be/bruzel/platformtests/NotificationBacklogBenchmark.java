package be.bruzel.platformtests;

import be.bruzel.localplatform.PlatformService;
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
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Benchmark, not a test: notification-service catching up with a backlog. With the service
 * stopped, 100 000 referral events (20 000 referrals, each submitted, accepted, first contact,
 * feedback, completed) go onto {@code referral.events}; then the service starts cold and the
 * benchmark watches its database until every event is handled, and prints events per second
 * and the service's memory. The in-app path: nobody involved has an e-mail address.
 * Run with {@code scripts/benchmark NotificationBacklogBenchmark}.
 */
public final class NotificationBacklogBenchmark {

    private static final int REFERRALS = 20_000;
    private static final CloudEventCodec REFERRAL_SERVICE = new CloudEventCodec("/referral-service");

    private NotificationBacklogBenchmark() {
    }

    public static void main(String[] args) {
        RunningPlatform.runToCompletion(NotificationBacklogBenchmark::run);
    }

    private static void run() throws Exception {
        try (RunningPlatform platform = RunningPlatform.start(Files.createTempDirectory("notification-benchmark"))) {
            platform.kill(PlatformService.NOTIFICATION);
            long before = handled();
            int events = produceBacklog(platform);

            long launched = System.nanoTime();
            platform.launch(PlatformService.NOTIFICATION);
            platform.awaitHealthy(PlatformService.NOTIFICATION);
            long ready = System.nanoTime();
            long firstHandled = 0;
            long now = ready;
            while (handled() - before < events) {
                if (firstHandled == 0 && handled() > before) {
                    firstHandled = System.nanoTime();
                }
                Thread.sleep(100);
                now = System.nanoTime();
                if (Duration.ofNanos(now - ready).toMinutes() > 15) {
                    throw new IllegalStateException("backlog not handled within 15 minutes: "
                            + (handled() - before) + " of " + events);
                }
            }
            long done = System.nanoTime();
            long start = firstHandled == 0 ? ready : firstHandled;
            long notifications = RunningPlatform.count("notification", "SELECT count(*) FROM notification");

            System.out.printf(Locale.ROOT, "%nNotification backlog: %d referral events of %d referrals, consumed from a "
                    + "cold start of notification-service%n", events, REFERRALS);
            System.out.printf(Locale.ROOT, "start until ready: %.1f s; ready until the last event handled: %.1f s%n",
                    (ready - launched) / 1e9, (done - ready) / 1e9);
            System.out.printf(Locale.ROOT, "throughput: %.0f events/s (first to last handled), %.0f events/s from ready "
                    + "(target >= 5000/s)%n", events / ((done - start) / 1e9), events / ((done - ready) / 1e9));
            System.out.printf(Locale.ROOT, "notifications stored: %d%n", notifications);
            System.out.printf(Locale.ROOT, "notification-service resident memory: %s%n",
                    platform.residentBytes(PlatformService.NOTIFICATION).stream()
                            .mapToObj(bytes -> String.format(Locale.ROOT, "%.0f MiB", bytes / 1048576.0))
                            .findFirst().orElse("n/a"));
        }
    }

    private static long handled() throws Exception {
        return RunningPlatform.count("notification",
                "SELECT count(*) FROM processed_event WHERE consumer = 'notification-service.referral-events'");
    }

    private static int produceBacklog(RunningPlatform platform) {
        int sent = 0;
        try (KafkaProducer<String, CloudEvent> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.endpoints.kafkaBootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024),
                new StringSerializer(), new CloudEventSerializer())) {
            long start = System.nanoTime();
            for (int i = 0; i < REFERRALS; i++) {
                for (ReferralEvent event : lifeOf(i)) {
                    producer.send(new ProducerRecord<>(Topics.REFERRAL_EVENTS, event.subject(),
                            REFERRAL_SERVICE.encode(event)));
                    sent++;
                }
            }
            producer.flush();
            System.out.printf(Locale.ROOT, "%nProduced %d events in %.1f s%n", sent, (System.nanoTime() - start) / 1e9);
        }
        return sent;
    }

    /** One referral's events, as referral-service would publish them. */
    private static List<ReferralEvent> lifeOf(int n) {
        UUID referral = UUID.randomUUID();
        String referrer = "gp." + (n % 500);
        String organisation = "organisation-" + (n % 150);
        String service = organisation + "-onthaal";
        Instant at = Instant.parse("2026-03-02T09:00:00Z").plusSeconds(n);
        return List.of(
                new ReferralSubmitted(UUID.randomUUID(), at, referral, referrer, List.of("finances"), "1090", "nl",
                        "ROUTINE", "21010", "21010", "noord", organisation, service, false, "general-practitioner"),
                new ReferralAccepted(UUID.randomUUID(), at.plusSeconds(60), referral, organisation, service),
                new ContactAttemptLogged(UUID.randomUUID(), at.plusSeconds(120), referral, UUID.randomUUID(),
                        organisation, at.plusSeconds(120), "PHONE", true),
                new FeedbackPosted(UUID.randomUUID(), at.plusSeconds(180), referral, UUID.randomUUID(), "ORGANISATION",
                        "worker." + organisation, organisation, referrer),
                new ReferralCompleted(UUID.randomUUID(), at.plusSeconds(240), referral, organisation, "SOLVED"));
    }
}
