package be.bruzel.platformtests;

import be.bruzel.localplatform.PlatformService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Benchmark, not a test: GP software referring through FHIR at 20 referrals a second, open loop (each round trip
 * starts at its planned time whether or not earlier ones have returned, and counts from then). A round trip is what
 * GP software does: the transaction Bundle of {@code scripts/fhir-referral.json} ({@code POST /fhir/R4}, two themes,
 * so two Tasks), then a read of the first Task it answered. Prints p50/p90/p99 of the Bundle, the Task read and the
 * whole, errors, and each process's processor time. Run with {@code scripts/benchmark FhirReferralBenchmark}.
 */
public final class FhirReferralBenchmark {

    private static final int RATE = 20;
    private static final Duration WARM_UP = Duration.ofSeconds(30);
    private static final Duration MEASURED = Duration.ofSeconds(60);
    private static final Pattern FIRST_TASK = Pattern.compile("\"resourceType\":\"Task\",\"id\":\"([0-9a-f-]{36})\"");

    private FhirReferralBenchmark() {}

    public static void main(String[] args) {
        RunningPlatform.runToCompletion(FhirReferralBenchmark::run);
    }

    private static void run() throws Exception {
        try (RunningPlatform platform =
                RunningPlatform.start(Files.createTempDirectory("fhir-benchmark"), RunningPlatform.LOAD)) {
            platform.awaitDirectoryCopies();
            String bundle = Files.readString(RunningPlatform.ROOT.resolve("scripts/fhir-referral.json"));
            RoundTrips gp = new RoundTrips(platform.gateway(), "Bearer " + platform.token("gp.jette"), bundle);
            gp.atFixedRate(WARM_UP);
            RoundTrips measured = new RoundTrips(platform.gateway(), gp.bearer, bundle);
            Map<String, Duration> cpuBefore = platform.cpuTimes();
            measured.atFixedRate(MEASURED);
            Map<String, Duration> cpuAfter = platform.cpuTimes();

            System.out.printf(
                    Locale.ROOT,
                    "%nFHIR referral round trips through the gateway, %d/s for %d s after %d s warm-up, open loop:"
                            + " POST /fhir/R4 (transaction Bundle, 1090, finances + loneliness: two Tasks), then GET"
                            + " the first Task%n",
                    RATE,
                    MEASURED.toSeconds(),
                    WARM_UP.toSeconds());
            Latencies.print("transaction Bundle (POST /fhir/R4)", measured.bundles, "referrals");
            Latencies.print("Task read (GET /fhir/R4/Task/{id})", measured.reads, "reads");
            Latencies.print("round trip, from its planned start", measured.roundTrips, "round trips");
            System.out.printf(
                    Locale.ROOT,
                    "round trips: %d, errors: %d%nprocessor time during the %d s (%d cores):%n",
                    measured.roundTrips.getTotalCount(),
                    measured.errors.get(),
                    MEASURED.toSeconds(),
                    Runtime.getRuntime().availableProcessors());
            cpuAfter.forEach((part, after) -> System.out.printf(
                    Locale.ROOT,
                    "  %-34s %6.1f s  (%.0f%% of one core)%n",
                    part,
                    (after.toMillis() - cpuBefore.get(part).toMillis()) / 1e3,
                    (after.toMillis() - cpuBefore.get(part).toMillis()) / (MEASURED.toMillis() / 100.0)));
            System.out.printf(
                    Locale.ROOT,
                    "referral-service resident memory after: %s MiB%n",
                    platform.residentBytes(PlatformService.REFERRAL).stream()
                            .mapToObj(bytes -> String.valueOf(bytes >> 20))
                            .findFirst()
                            .orElse("n/a"));
        }
    }

    /** Round trips at {@value #RATE}/s, each on a virtual thread, latencies in microseconds. */
    private static final class RoundTrips {

        final Histogram bundles = new ConcurrentHistogram(60_000_000L, 3);
        final Histogram reads = new ConcurrentHistogram(60_000_000L, 3);
        final Histogram roundTrips = new ConcurrentHistogram(60_000_000L, 3);
        final AtomicLong errors = new AtomicLong();
        final String bearer;
        private final String gateway;
        private final String bundle;
        private final HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        RoundTrips(String gateway, String bearer, String bundle) {
            this.gateway = gateway;
            this.bearer = bearer;
            this.bundle = bundle;
        }

        void atFixedRate(Duration duration) throws InterruptedException {
            long interval = TimeUnit.SECONDS.toNanos(1) / RATE;
            long count = duration.toSeconds() * RATE;
            long start = System.nanoTime();
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                for (long i = 0; i < count; i++) {
                    long planned = start + i * interval;
                    LockSupport.parkNanos(planned - System.nanoTime());
                    threads.submit(() -> roundTrip(planned));
                }
                threads.shutdown();
                threads.awaitTermination(2, TimeUnit.MINUTES);
            }
        }

        private void roundTrip(long planned) {
            try {
                long sent = System.nanoTime();
                HttpResponse<String> referred = http.send(
                        HttpRequest.newBuilder(URI.create(gateway + "/fhir/R4"))
                                .header("Authorization", bearer)
                                .header("Content-Type", "application/fhir+json")
                                .header("Idempotency-Key", "benchmark-" + UUID.randomUUID())
                                .POST(HttpRequest.BodyPublishers.ofString(bundle))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                long answered = System.nanoTime();
                Matcher task = FIRST_TASK.matcher(referred.body());
                if (referred.statusCode() != 200 || !task.find()) {
                    errors.incrementAndGet();
                    return;
                }
                bundles.recordValue((answered - sent) / 1_000);
                HttpResponse<String> read = http.send(
                        HttpRequest.newBuilder(URI.create(gateway + "/fhir/R4/Task/" + task.group(1)))
                                .header("Authorization", bearer)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                long done = System.nanoTime();
                if (read.statusCode() != 200) {
                    errors.incrementAndGet();
                    return;
                }
                reads.recordValue((done - answered) / 1_000);
                roundTrips.recordValue((done - planned) / 1_000);
            } catch (Exception failed) {
                errors.incrementAndGet();
            }
        }
    }
}
