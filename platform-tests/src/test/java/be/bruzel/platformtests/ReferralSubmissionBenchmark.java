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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    private static final Pattern VALUE = Pattern.compile("\"value\":([0-9.E+]+)");

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
            ReferralLoad.Submitter gp =
                    new ReferralLoad.Submitter(http, platform.gateway(), "Bearer " + platform.token("gp.jette"));
            HeapSampler heap = new HeapSampler(http, platform.endpoints.managementUrl(PlatformService.REFERRAL));

            ReferralLoad.InboxWatch inbox = new ReferralLoad.InboxWatch(
                    http, platform.gateway(), "Bearer " + platform.token("worker.jette"), INBOX_REFRESH, 10);
            gp.atFixedRate(RATE, WARM_UP, null);
            inbox.reads.reset();
            heap.start();
            Map<String, Duration> cpuBefore = platform.cpuTimes();
            ReferralLoad.Run measured = gp.atFixedRate(RATE, MEASURED, inbox);
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
            ReferralLoad.print("submission to inbox", inbox.seen, inbox.unseen());
            ReferralLoad.print("one inbox read (worker.jette)", inbox.reads, 0);
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
                ReferralLoad.Run step = gp.atFixedRate(rate, STEP, null);
                step.print(rate + "/s");
                if (!step.keptPace()) {
                    break;
                }
                highestKeepingPace = rate;
                if (step.latency().getValueAtPercentile(99) <= SUBMISSION_TARGET_P99_MICROS) {
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

    private static String mebibytes(long bytes) {
        return String.format(Locale.ROOT, "%.0f MiB", bytes / 1048576.0);
    }
}
