package be.bruzel.platformtests;

import be.bruzel.localplatform.PlatformService;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Locale;

/**
 * Benchmark, not a test: notification-service catching up with a backlog. With the service
 * stopped, 100 000 referral events ({@link ReferralLives}: 20 000 referrals, five events each) go
 * onto {@code referral.events}; then the service starts cold and the
 * benchmark watches its database until every event is handled, and prints events per second
 * and the service's memory. The in-app path: nobody involved has an e-mail address.
 * Run with {@code scripts/benchmark NotificationBacklogBenchmark}.
 */
public final class NotificationBacklogBenchmark {

    private static final int REFERRALS = 20_000;

    private NotificationBacklogBenchmark() {}

    public static void main(String[] args) {
        RunningPlatform.runToCompletion(NotificationBacklogBenchmark::run);
    }

    private static void run() throws Exception {
        try (RunningPlatform platform =
                RunningPlatform.start(Files.createTempDirectory("notification-benchmark"), RunningPlatform.LOAD)) {
            platform.stop(PlatformService.NOTIFICATION);
            long before = RunningPlatform.notificationEventsHandled();
            int events = produceBacklog(platform);

            long launched = System.nanoTime();
            platform.launch(PlatformService.NOTIFICATION);
            platform.awaitHealthy(PlatformService.NOTIFICATION);
            long ready = System.nanoTime();
            long firstHandled = 0;
            long now = ready;
            while (RunningPlatform.notificationEventsHandled() - before < events) {
                if (firstHandled == 0 && RunningPlatform.notificationEventsHandled() > before) {
                    firstHandled = System.nanoTime();
                }
                Thread.sleep(100);
                now = System.nanoTime();
                if (Duration.ofNanos(now - ready).toMinutes() > 15) {
                    throw new IllegalStateException("backlog not handled within 15 minutes: "
                            + (RunningPlatform.notificationEventsHandled() - before) + " of " + events);
                }
            }
            long done = System.nanoTime();
            long start = firstHandled == 0 ? ready : firstHandled;
            long notifications = RunningPlatform.count("notification", "SELECT count(*) FROM notification");

            System.out.printf(
                    Locale.ROOT,
                    "%nNotification backlog: %d referral events of %d referrals, consumed from a "
                            + "cold start of notification-service%n",
                    events,
                    REFERRALS);
            System.out.printf(
                    Locale.ROOT,
                    "start until ready: %.1f s; ready until the last event handled: %.1f s%n",
                    (ready - launched) / 1e9,
                    (done - ready) / 1e9);
            System.out.printf(
                    Locale.ROOT,
                    "throughput: %.0f events/s (first to last handled), %.0f events/s from ready "
                            + "(target >= 5000/s)%n",
                    events / ((done - start) / 1e9),
                    events / ((done - ready) / 1e9));
            System.out.printf(Locale.ROOT, "notifications stored: %d%n", notifications);
            System.out.printf(
                    Locale.ROOT,
                    "notification-service resident memory: %s%n",
                    platform.residentBytes(PlatformService.NOTIFICATION).stream()
                            .mapToObj(bytes -> String.format(Locale.ROOT, "%.0f MiB", bytes / 1048576.0))
                            .findFirst()
                            .orElse("n/a"));
        }
    }

    private static int produceBacklog(RunningPlatform platform) {
        long start = System.nanoTime();
        int sent = ReferralLives.publish(platform.endpoints.kafkaBootstrapServers(), REFERRALS, "organisation-");
        System.out.printf(Locale.ROOT, "%nProduced %d events in %.1f s%n", sent, (System.nanoTime() - start) / 1e9);
        return sent;
    }
}
