package be.bruzel.platformtests;

import be.bruzel.localplatform.PlatformService;
import be.bruzel.platform.testing.TestInfrastructure;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Benchmark, not a test: how long the retention job takes to erase the person's data of 100 000 referrals that are
 * past their retention period, and whether GPs submitting at the same time notice. Referral-service runs the job
 * every two seconds ({@code scripts/benchmark RetentionBenchmark} sets that); the referrals, each with its steps, a
 * contact attempt note and a feedback message, are written straight into its database in one transaction.
 */
public final class RetentionBenchmark {

    private static final int DUE = 100_000;
    private static final int RATE = 50;
    private static final Duration WARM_UP = Duration.ofSeconds(60);
    private static final Duration QUIET = Duration.ofSeconds(60);
    private static final Duration CHUNK = Duration.ofSeconds(10);

    private RetentionBenchmark() {}

    public static void main(String[] args) {
        RunningPlatform.runToCompletion(RetentionBenchmark::run);
    }

    private static void run() throws Exception {
        if (System.getenv("REFERRAL_RETENTION_EVERY") == null) {
            throw new IllegalStateException(
                    "run it with scripts/benchmark RetentionBenchmark, which sets the job's pace");
        }
        try (RunningPlatform platform =
                RunningPlatform.start(Files.createTempDirectory("retention-benchmark"), RunningPlatform.LOAD)) {
            platform.awaitDirectoryCopies();
            HttpClient http =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            ReferralLoad.Submitter gp =
                    new ReferralLoad.Submitter(http, platform.gateway(), "Bearer " + platform.token("gp.jette"));
            gp.atFixedRate(RATE, WARM_UP, null);
            ReferralLoad.Run quiet = gp.atFixedRate(RATE, QUIET, null);

            long written = System.nanoTime();
            writeDueReferrals();
            double writeSeconds = (System.nanoTime() - written) / 1e9;
            Map<String, Duration> cpuBefore = platform.cpuTimes();
            long start = System.nanoTime();
            Histogram during = new Histogram(3);
            long errors = 0;
            int chunks = 0;
            while (due() > 0 && chunks < 60) {
                ReferralLoad.Run chunk = gp.atFixedRate(RATE, CHUNK, null);
                during.add(chunk.latency());
                errors += chunk.errors();
                chunks++;
            }
            double erasedIn = (System.nanoTime() - start) / 1e9;
            Map<String, Duration> cpuAfter = platform.cpuTimes();
            long unsent = RunningPlatform.count(
                    "referral", "SELECT count(*) FROM event_publication WHERE completion_date IS NULL");

            System.out.printf(
                    Locale.ROOT,
                    "%nRetention: %,d referrals past their retention period (written in %.1f s), "
                            + "erased by the scheduled job, %d per transaction%n",
                    DUE,
                    writeSeconds,
                    500);
            System.out.printf(
                    Locale.ROOT,
                    "all erased within %.1f s (measured in %d s steps of submissions): "
                            + "%.0f referrals/s; referral.erased.v1 events not yet on Kafka then: %,d; still due: %,d%n",
                    erasedIn,
                    CHUNK.toSeconds(),
                    DUE / erasedIn,
                    unsent,
                    due());
            System.out.printf(
                    Locale.ROOT,
                    "processor time while erasing (%d cores):%n",
                    Runtime.getRuntime().availableProcessors());
            cpuAfter.forEach((part, after) -> System.out.printf(
                    Locale.ROOT,
                    "  %-34s %6.1f s  (%.0f%% of one core)%n",
                    part,
                    (after.toMillis() - cpuBefore.get(part).toMillis()) / 1e3,
                    (after.toMillis() - cpuBefore.get(part).toMillis()) / (erasedIn * 10)));
            System.out.printf(Locale.ROOT, "GPs submitting at %d/s through the gateway, open loop:%n", RATE);
            Latencies.print("without erasure (" + QUIET.toSeconds() + " s)", quiet.latency(), "submissions");
            Latencies.print("while erasing (" + chunks * CHUNK.toSeconds() + " s)", during, "submissions");
            System.out.printf(
                    Locale.ROOT,
                    "errors: %d without, %d while erasing; referral-service resident %s MiB%n",
                    quiet.errors(),
                    errors,
                    platform.residentBytes(PlatformService.REFERRAL).stream()
                            .mapToObj(bytes -> String.valueOf(bytes >> 20))
                            .findFirst()
                            .orElse("n/a"));
        }
    }

    private static long due() throws SQLException {
        return RunningPlatform.count(
                "referral",
                "SELECT count(*) FROM referral WHERE referrer_id = 'gp.benchmark'"
                        + " AND personal_data_erased_at IS NULL");
    }

    /** Completed 200 days ago, each with the person's data, three steps, a contact attempt with a note and a message. */
    private static void writeDueReferrals() throws SQLException {
        TestInfrastructure.Postgres postgres = TestInfrastructure.postgres();
        try (Connection connection = DriverManager.getConnection(
                        TestInfrastructure.database("referral"), postgres.username(), postgres.password());
                Statement sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            sql.execute("""
                    INSERT INTO referral (id, submission_id, referrer_id, referrer_name, referrer_profession, status,
                        person_name, person_phone, person_language, postcode, municipality_nis, area_id, care_zone_code,
                        theme_codes, question, urgency, contact_channel, contact_moment, consent_method,
                        consent_given_at, receiving_organisation_id, receiving_service_id, unmet_need, routing,
                        submitted_at, accepted_at, first_contact_at, closed_at, outcome, version)
                    SELECT gen_random_uuid(), gen_random_uuid(), 'gp.benchmark', 'Dr. Benchmark', 'general-practitioner',
                        'COMPLETED', 'Person ' || n, '0470 00 00 00', 'nl', '1090', '21010', '21010', 'noord',
                        ARRAY['finances'], 'Question of person ' || n, 'ROUTINE', 'PHONE', 'evenings', 'ORAL',
                        now() - interval '400 days', 'ocmw-jette', 'ocmw-jette-sociale-dienst', false, '[]'::jsonb,
                        now() - interval '400 days', now() - interval '399 days', now() - interval '398 days',
                        now() - interval '200 days' - n * interval '1 second', 'SOLVED', 0
                    FROM generate_series(1, %d) AS n
                    """.formatted(DUE));
            sql.execute("""
                    INSERT INTO referral_step (referral_id, position, happened_at, step, actor_id, actor_role, detail)
                    SELECT r.id, s.position, r.submitted_at, s.step, 'gp.benchmark', 'REFERRER', NULL
                    FROM referral r, (VALUES (1, 'SUBMITTED'), (2, 'ACCEPTED'), (3, 'COMPLETED')) AS s(position, step)
                    WHERE r.referrer_id = 'gp.benchmark'
                    """);
            sql.execute("""
                    INSERT INTO contact_attempt (id, referral_id, attempted_at, channel, reached, logged_by, logged_at, note)
                    SELECT gen_random_uuid(), id, first_contact_at, 'PHONE', true, 'worker.jette', first_contact_at,
                        'Reached the person in the evening'
                    FROM referral WHERE referrer_id = 'gp.benchmark'
                    """);
            sql.execute("""
                    INSERT INTO feedback_message (id, referral_id, author_id, author_name, author_role, body, posted_at)
                    SELECT gen_random_uuid(), id, 'worker.jette', 'Worker', 'ORGANISATION', 'We helped with the debts.',
                        closed_at
                    FROM referral WHERE referrer_id = 'gp.benchmark'
                    """);
            connection.commit();
        }
    }
}
