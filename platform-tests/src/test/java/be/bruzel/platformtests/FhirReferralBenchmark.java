package be.bruzel.platformtests;

import be.bruzel.localplatform.PlatformService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
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
 * so two Tasks), then a read of the first Task it answered. Then the same referral through the REST API
 * ({@code POST /api/referrals}, then {@code GET /api/referrals/{id}}), for what FHIR costs over it. Prints
 * p50/p90/p99 of the referral, the read and the whole, errors, and each process's processor time a round trip. Run
 * with {@code scripts/benchmark FhirReferralBenchmark}.
 */
public final class FhirReferralBenchmark {

    private static final int RATE = 20;
    private static final Duration WARM_UP = Duration.ofSeconds(30);
    private static final Duration MEASURED = Duration.ofSeconds(60);
    private static final Pattern FIRST_TASK = Pattern.compile("\"resourceType\":\"Task\",\"id\":\"([0-9a-f-]{36})\"");
    private static final Pattern FIRST_REFERRAL = Pattern.compile("\"referrals\":\\[\\{\"id\":\"([0-9a-f-]{36})\"");

    private FhirReferralBenchmark() {}

    public static void main(String[] args) {
        RunningPlatform.runToCompletion(FhirReferralBenchmark::run);
    }

    private static void run() throws Exception {
        try (RunningPlatform platform =
                RunningPlatform.start(Files.createTempDirectory("fhir-benchmark"), RunningPlatform.LOAD)) {
            platform.awaitDirectoryCopies();
            String bearer = "Bearer " + platform.token("gp.jette");
            Api fhir = new Api(
                    "FHIR",
                    "/fhir/R4",
                    "application/fhir+json",
                    Files.readString(RunningPlatform.ROOT.resolve("scripts/fhir-referral.json")),
                    200,
                    FIRST_TASK,
                    "/fhir/R4/Task/");
            // The same referral as the REST API takes it, for what FHIR costs over it.
            Api rest =
                    new Api("REST", "/api/referrals", "application/json", """
                    {"person": {"name": "Marie Peeters", "phone": "0470 12 34 56", "email": "marie@example.org",
                                "preferredLanguage": "nl", "postcode": "1090"},
                     "themes": ["finances", "loneliness"],
                     "question": "Mevrouw is sinds de dood van haar man veel alleen en heeft schulden.",
                     "urgency": "SOON",
                     "consent": {"given": true, "method": "ORAL", "givenAt": "2026-01-05T10:00:00Z"}}
                    """, 201, FIRST_REFERRAL, "/api/referrals/");
            new RoundTrips(platform.gateway(), bearer, fhir).atFixedRate(WARM_UP);
            new RoundTrips(platform.gateway(), bearer, rest).atFixedRate(WARM_UP);
            System.out.printf(
                    Locale.ROOT,
                    "%nReferral round trips through the gateway, %d/s for %d s each after %d s warm-up each, open"
                            + " loop: the referral (1090, finances + loneliness: two receivers), then a read of the"
                            + " first referral it made; %d cores%n",
                    RATE,
                    MEASURED.toSeconds(),
                    WARM_UP.toSeconds(),
                    Runtime.getRuntime().availableProcessors());
            for (Api api : List.of(fhir, rest)) {
                RoundTrips measured = new RoundTrips(platform.gateway(), bearer, api);
                Map<String, Duration> cpuBefore = platform.cpuTimes();
                measured.atFixedRate(MEASURED);
                Map<String, Duration> cpuAfter = platform.cpuTimes();
                System.out.printf(Locale.ROOT, "%n%s: POST %s, then GET %s{id}%n", api.name, api.path, api.read);
                Latencies.print("referral (POST " + api.path + ")", measured.referrals, "referrals");
                Latencies.print("read (GET " + api.read + "{id})", measured.reads, "reads");
                Latencies.print("round trip, from its planned start", measured.roundTrips, "round trips");
                System.out.printf(
                        Locale.ROOT,
                        "round trips: %d, errors: %d; processor time:%n",
                        measured.roundTrips.getTotalCount(),
                        measured.errors.get());
                cpuAfter.forEach((part, after) -> System.out.printf(
                        Locale.ROOT,
                        "  %-44s %6.1f s  (%.1f ms a round trip)%n",
                        part,
                        (after.toMillis() - cpuBefore.get(part).toMillis()) / 1e3,
                        (after.toMillis() - cpuBefore.get(part).toMillis())
                                / (double) Math.max(1, measured.roundTrips.getTotalCount())));
            }
            System.out.printf(
                    Locale.ROOT,
                    "referral-service resident memory after: %s MiB%n",
                    platform.residentBytes(PlatformService.REFERRAL).stream()
                            .mapToObj(bytes -> String.valueOf(bytes >> 20))
                            .findFirst()
                            .orElse("n/a"));
        }
    }

    /**
     * One way to refer and read back.
     *
     * @param created the status a referral is answered with
     * @param firstId finds the first referral's id in the answer
     */
    private record Api(
            String name, String path, String contentType, String body, int created, Pattern firstId, String read) {}

    /** Round trips at {@value #RATE}/s, each on a virtual thread, latencies in microseconds. */
    private static final class RoundTrips {

        final Histogram referrals = new ConcurrentHistogram(60_000_000L, 3);
        final Histogram reads = new ConcurrentHistogram(60_000_000L, 3);
        final Histogram roundTrips = new ConcurrentHistogram(60_000_000L, 3);
        final AtomicLong errors = new AtomicLong();
        private final String bearer;
        private final String gateway;
        private final Api api;
        private final HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        RoundTrips(String gateway, String bearer, Api api) {
            this.gateway = gateway;
            this.bearer = bearer;
            this.api = api;
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
                        HttpRequest.newBuilder(URI.create(gateway + api.path))
                                .header("Authorization", bearer)
                                .header("Content-Type", api.contentType)
                                .header("Idempotency-Key", "benchmark-" + UUID.randomUUID())
                                .POST(HttpRequest.BodyPublishers.ofString(api.body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                long answered = System.nanoTime();
                Matcher first = api.firstId.matcher(referred.body());
                if (referred.statusCode() != api.created || !first.find()) {
                    errors.incrementAndGet();
                    return;
                }
                referrals.recordValue((answered - sent) / 1_000);
                HttpResponse<String> read = http.send(
                        HttpRequest.newBuilder(URI.create(gateway + api.read + first.group(1)))
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
