package be.bruzel.platformtests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * GPs submitting referrals through the gateway at a fixed rate, open loop (each submission is sent
 * at its planned time whether or not earlier ones have returned, and its latency counts from that
 * planned time, so a stall is not hidden), and the receiving organisation's worker reading the inbox
 * meanwhile, which gives the time from submission until the referral is in the inbox. Shared by the
 * benchmarks that submit.
 */
final class ReferralLoad {

    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    private static final Pattern REFERRAL_ID = Pattern.compile("\"referrals\":\\[\\{\"id\":\"([0-9a-f-]{36})\"");
    /** Postcode 1090 and finances: routed to OCMW Jette, whose worker is {@code worker.jette}. */
    private static final String REFERRAL = """
            {"person": {"name": "Jan De Smet", "phone": "0470 98 76 54", "preferredLanguage": "nl", "postcode": "1090"},
             "themes": ["finances"], "question": "Schulden na ontslag; de huur is al twee maanden niet betaald.",
             "urgency": "SOON", "contact": {"channel": "PHONE", "moment": "voormiddag"},
             "consent": {"given": true, "method": "ORAL", "givenAt": "2026-11-01T09:00:00Z"}}
            """;

    private ReferralLoad() {}

    /** A GP's submission of one referral to OCMW Jette, to the gateway or straight to referral-service. */
    static HttpRequest submission(String base, String bearer) {
        return HttpRequest.newBuilder(URI.create(base + "/api/referrals"))
                .header("Authorization", bearer)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(REFERRAL))
                .build();
    }

    /** The id of the first referral a submission's answer lists. */
    static String firstReferralId(String answer) {
        Matcher id = REFERRAL_ID.matcher(answer);
        if (!id.find()) {
            throw new IllegalStateException("No referral in " + answer);
        }
        return id.group(1);
    }

    /** One fixed-rate run: latency from each submission's planned time, errors, and the rate achieved. */
    record Run(int plannedRate, int sent, Histogram latency, long errors, String firstError, double achievedRate) {

        boolean keptPace() {
            return ReferralLoad.keptPace(plannedRate, errors, achievedRate, latency.getValueAtPercentile(99) / 1e3);
        }

        void print(String what) {
            ReferralLoad.print(what, latency, 0);
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
                answers.add(http.sendAsync(submission(gateway, bearer), HttpResponse.BodyHandlers.ofString())
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

    /** The organisation worker's screen: reads the newest of the inbox again and again and notes when each referral appears. */
    static final class InboxWatch {
        final Histogram seen = new ConcurrentHistogram(3);
        final Histogram reads = new ConcurrentHistogram(3);
        private final Map<String, Long> expected = new ConcurrentHashMap<>();
        private final Thread reader;
        private volatile boolean running = true;

        /**
         * @param refresh how often the screen reads: the resolution of submission-to-inbox
         * @param newest how many it shows (at most 100): more than arrive between two reads, or some are never seen
         */
        InboxWatch(HttpClient http, String gateway, String bearer, Duration refresh, int newest) {
            HttpRequest read = HttpRequest.newBuilder(
                            URI.create(gateway + "/api/referrals/inbox?status=new&size=" + newest))
                    .header("Authorization", bearer)
                    .build();
            reader = Thread.ofPlatform().name("inbox-watch").start(() -> {
                while (running) {
                    LockSupport.parkNanos(refresh.toNanos());
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

        /** Forgets what was recorded so far, e.g. during a warm-up. */
        void reset() {
            seen.reset();
            reads.reset();
            expected.clear();
        }

        int unseen() {
            return expected.size();
        }

        void stop() throws InterruptedException {
            running = false;
            reader.join();
        }
    }

    /** Sustained: every submission stored, and the platform finished them as fast as they came. */
    static boolean keptPace(int plannedRate, long errors, double achievedRate, double p99Millis) {
        return errors == 0 && achievedRate >= plannedRate * 0.97 && p99Millis < 1_000;
    }

    static void print(String what, Histogram micros, int missing) {
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
}
