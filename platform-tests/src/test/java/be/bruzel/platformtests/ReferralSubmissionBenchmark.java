package be.bruzel.platformtests;

import be.bruzel.localplatform.PlatformService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Benchmark, not a test: GPs submitting referrals through the gateway at a fixed rate, open loop
 * (each submission is sent at its planned time whether or not earlier ones have returned, and its
 * latency counts from that planned time, so a stall is not hidden). Meanwhile the receiving
 * organisation's worker keeps reading the inbox, which gives the time from submission until the
 * referral is in the inbox. Then steps up the rate to find the highest one that is sustained.
 * Run with {@code scripts/benchmark ReferralSubmissionBenchmark}.
 */
public final class ReferralSubmissionBenchmark {

    private static final int RATE = 100;
    /** Long enough for five JVMs to finish compiling their hot paths on two cores: a running platform is warm. */
    private static final Duration WARM_UP = Duration.ofSeconds(60);

    private static final Duration MEASURED = Duration.ofSeconds(60);
    private static final int[] STEPPED_RATES = {150, 200, 300, 400, 600, 800};
    private static final Duration STEP = Duration.ofSeconds(20);
    private static final long SUBMISSION_TARGET_P99_MICROS = 50_000;
    /**
     * How often the worker's screen reads the newest ten of the inbox: the resolution of
     * submission-to-inbox (at 100/s, two or three referrals arrive between reads).
     */
    private static final Duration INBOX_REFRESH = Duration.ofMillis(25);

    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    private static final Pattern REFERRAL_ID = Pattern.compile("\"referrals\":\\[\\{\"id\":\"([0-9a-f-]{36})\"");
    private static final Pattern VALUE = Pattern.compile("\"value\":([0-9.E+]+)");
    private static final String REFERRAL = """
            {"person": {"name": "Jan De Smet", "phone": "0470 98 76 54", "preferredLanguage": "nl", "postcode": "1090"},
             "themes": ["finances"], "question": "Schulden na ontslag; de huur is al twee maanden niet betaald.",
             "urgency": "SOON", "contact": {"channel": "PHONE", "moment": "voormiddag"},
             "consent": {"given": true, "method": "ORAL", "givenAt": "2026-11-01T09:00:00Z"}}
            """;

    private ReferralSubmissionBenchmark() {}

    public static void main(String[] args) {
        RunningPlatform.runToCompletion(ReferralSubmissionBenchmark::run);
    }

    private static void run() throws Exception {
        try (RunningPlatform platform =
                RunningPlatform.start(Files.createTempDirectory("referral-benchmark"), RunningPlatform.LOAD)) {
            platform.awaitDirectoryCopies();
            HttpClient http =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            Submitter gp = new Submitter(http, platform.gateway(), "Bearer " + platform.token("gp.jette"));
            HeapSampler heap = new HeapSampler(http, platform.endpoints.managementUrl(PlatformService.REFERRAL));

            InboxWatch inbox = new InboxWatch(http, platform.gateway(), "Bearer " + platform.token("worker.jette"));
            gp.atFixedRate(RATE, WARM_UP, null);
            inbox.reads.reset();
            heap.start();
            Map<String, Duration> cpuBefore = platform.cpuTimes();
            Run measured = gp.atFixedRate(RATE, MEASURED, inbox);
            Map<String, Duration> cpuAfter = platform.cpuTimes();
            inbox.awaitAllSeen(Duration.ofSeconds(30));
            inbox.stop();
            heap.stop();

            System.out.printf(
                    Locale.ROOT,
                    "%nReferral submission through the gateway, one referral per submission "
                            + "(postcode 1090, finances -> OCMW Jette), %d/s for %d s after %d s warm-up, open loop; "
                            + "the inbox read every %d ms%n",
                    RATE,
                    MEASURED.toSeconds(),
                    WARM_UP.toSeconds(),
                    INBOX_REFRESH.toMillis());
            measured.print("submission (POST /api/referrals)");
            print("submission to inbox", inbox.seen, inbox.unseen());
            print("one inbox read (worker.jette)", inbox.reads, 0);
            System.out.printf(
                    Locale.ROOT,
                    "referral-service memory: heap used max %s, heap committed %s, " + "resident %s%n",
                    mebibytes(heap.maxUsed.get()),
                    mebibytes(heap.committed()),
                    platform.residentBytes(PlatformService.REFERRAL).stream()
                            .mapToObj(ReferralSubmissionBenchmark::mebibytes)
                            .findFirst()
                            .orElse("n/a"));
            System.out.printf(
                    Locale.ROOT,
                    "processor time during the %d s (%d cores):%n",
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
                    "targets at %d/s: submission p99 <= 50 ms, to inbox p99 <= 200 ms, "
                            + "zero errors%n%nStepping up the rate, %d s per step:%n",
                    RATE,
                    STEP.toSeconds());

            int highestKeepingPace = 0;
            int highestWithinTarget = 0;
            for (int rate : STEPPED_RATES) {
                Run step = gp.atFixedRate(rate, STEP, null);
                step.print(rate + "/s");
                if (!step.keptPace()) {
                    break;
                }
                highestKeepingPace = rate;
                if (step.latency.getValueAtPercentile(99) <= SUBMISSION_TARGET_P99_MICROS) {
                    highestWithinTarget = rate;
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "highest sustained rate: %d/s (zero errors, keeping pace); " + "highest with p99 <= 50 ms: %d/s%n",
                    highestKeepingPace,
                    highestWithinTarget);
        }
    }

    /** One fixed-rate run: latency from each submission's planned time, errors, and the rate achieved. */
    record Run(int plannedRate, int sent, Histogram latency, long errors, String firstError, double achievedRate) {

        /** Sustained: every submission stored, and the platform finished them as fast as they came. */
        boolean keptPace() {
            return errors == 0 && achievedRate >= plannedRate * 0.97 && latency.getValueAtPercentile(99) < 1_000_000;
        }

        void print(String what) {
            ReferralSubmissionBenchmark.print(what, latency, 0);
            System.out.printf(
                    Locale.ROOT,
                    "%-36s %d sent, %d errors%s, achieved %.0f/s%n",
                    "",
                    sent,
                    errors,
                    firstError == null ? "" : " (first: " + firstError + ")",
                    achievedRate);
        }
    }

    /** A GP's client: sends referrals at planned times without waiting for earlier answers. */
    record Submitter(HttpClient http, String gateway, String bearer) {

        Run atFixedRate(int perSecond, Duration duration, InboxWatch inbox) {
            ConcurrentHistogram latency = new ConcurrentHistogram(3);
            AtomicLong errors = new AtomicLong();
            AtomicReference<String> firstError = new AtomicReference<>();
            AtomicLong lastAnswer = new AtomicLong();
            int count = (int) (perSecond * duration.toSeconds());
            long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
            List<CompletableFuture<?>> answers = new ArrayList<>(count);
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                long planned = start + i * interval;
                LockSupport.parkNanos(planned - System.nanoTime());
                HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/api/referrals"))
                        .header("Authorization", bearer)
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .POST(HttpRequest.BodyPublishers.ofString(REFERRAL))
                        .build();
                answers.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                        .whenComplete((response, failed) -> {
                            long now = System.nanoTime();
                            latency.recordValue((now - planned) / 1_000);
                            lastAnswer.accumulateAndGet(now, Math::max);
                            Matcher id = response == null ? null : REFERRAL_ID.matcher(response.body());
                            if (id == null || response.statusCode() != 201 || !id.find()) {
                                errors.incrementAndGet();
                                firstError.compareAndSet(
                                        null,
                                        failed != null
                                                ? failed.toString()
                                                : response.statusCode() + " " + response.body());
                            } else if (inbox != null) {
                                inbox.expect(id.group(1), planned);
                            }
                        }));
            }
            answers.forEach(answer -> answer.handle((response, failed) -> null).join());
            double seconds = (lastAnswer.get() - start) / 1e9;
            return new Run(perSecond, count, latency, errors.get(), firstError.get(), count / seconds);
        }
    }

    /** The organisation worker's screen: reads the inbox again and again and notes when each referral appears. */
    static final class InboxWatch {
        final Histogram seen = new ConcurrentHistogram(3);
        final Histogram reads = new ConcurrentHistogram(3);
        private final Map<String, Long> expected = new ConcurrentHashMap<>();
        private final Thread reader;
        private volatile boolean running = true;

        InboxWatch(HttpClient http, String gateway, String bearer) {
            HttpRequest read = HttpRequest.newBuilder(URI.create(gateway + "/api/referrals/inbox?status=new&size=10"))
                    .header("Authorization", bearer)
                    .build();
            reader = Thread.ofPlatform().name("inbox-watch").start(() -> {
                while (running) {
                    LockSupport.parkNanos(INBOX_REFRESH.toNanos());
                    long start = System.nanoTime();
                    String body = http.sendAsync(read, HttpResponse.BodyHandlers.ofString())
                            .join()
                            .body();
                    long now = System.nanoTime();
                    reads.recordValue((now - start) / 1_000);
                    Matcher id = ID.matcher(body);
                    while (id.find()) {
                        Long submitted = expected.remove(id.group(1));
                        if (submitted != null) {
                            seen.recordValue((now - submitted) / 1_000);
                        }
                    }
                }
            });
        }

        void expect(String referralId, long plannedAt) {
            expected.put(referralId, plannedAt);
        }

        void awaitAllSeen(Duration atMost) throws InterruptedException {
            long deadline = System.nanoTime() + atMost.toNanos();
            while (!expected.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        }

        int unseen() {
            return expected.size();
        }

        void stop() throws InterruptedException {
            running = false;
            reader.join();
        }
    }

    /** Samples referral-service's heap through its metrics endpoint once a second. */
    static final class HeapSampler {
        final AtomicLong maxUsed = new AtomicLong();
        private final HttpClient http;
        private final String service;
        private Thread sampler;
        private volatile boolean running = true;

        HeapSampler(HttpClient http, String service) {
            this.http = http;
            this.service = service;
        }

        void start() {
            sampler = Thread.ofPlatform().daemon().name("heap-sampler").start(() -> {
                while (running) {
                    maxUsed.accumulateAndGet(metric("jvm.memory.used"), Math::max);
                    LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
                }
            });
        }

        long committed() {
            return metric("jvm.memory.committed");
        }

        void stop() throws InterruptedException {
            running = false;
            sampler.join();
        }

        private long metric(String name) {
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create(service + "/actuator/metrics/" + name + "?tag=area:heap"))
                    .build();
            Matcher value = VALUE.matcher(http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .join()
                    .body());
            return value.find() ? (long) Double.parseDouble(value.group(1)) : 0;
        }
    }

    private static void print(String what, Histogram micros, int missing) {
        System.out.printf(
                Locale.ROOT,
                "%-36s p50 %7.2f ms  p90 %7.2f ms  p99 %7.2f ms  max %8.2f ms  (n = %d%s)%n",
                what,
                micros.getValueAtPercentile(50) / 1e3,
                micros.getValueAtPercentile(90) / 1e3,
                micros.getValueAtPercentile(99) / 1e3,
                micros.getMaxValue() / 1e3,
                micros.getTotalCount(),
                missing == 0 ? "" : ", " + missing + " never seen");
    }

    private static String mebibytes(long bytes) {
        return String.format(Locale.ROOT, "%.0f MiB", bytes / 1048576.0);
    }
}
