package be.bruzel.platformtests;

import be.bruzel.localplatform.PlatformService;
import be.bruzel.platform.testing.TestInfrastructure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.HdrHistogram.Histogram;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Benchmark, not a test: a year of statistics by municipality and month over a million
 * referrals, asked by the BruZEL analyst through the gateway, one at a time. The referrals are
 * written straight into statistics-service's store (as a year of its projection would
 * have left it), spread over the real territory, themes and organisations of the demo directory,
 * 3 000 referrers of fifteen professions, and every state. Prints the time to load them, to start a new
 * instance of the service over them (to ready), the latency
 * percentiles through the gateway and straight to statistics-service, while a referral changes between
 * every two questions (so each is counted afresh) and while the store does not, and the service's memory.
 * Run with {@code scripts/benchmark StatisticsBenchmark}.
 */
public final class StatisticsBenchmark {

    private static final int REFERRALS = 1_000_000;
    private static final int WARM_UP = 200;
    private static final int MEASURED = 2_000;
    private static final String QUERY =
            "/api/statistics/referrals?by=municipality&period=month&from=2025-01&to=2025-12";
    private static final List<String> OTHER_QUERIES = List.of(
            "/api/statistics/referrals?by=theme&period=quarter&from=2025-01&to=2025-12",
            "/api/statistics/referrals?by=care-zone&period=month&from=2025-01&to=2025-12&theme=finances",
            "/api/statistics/referrals?by=organisation&period=year&from=2025-01&to=2025-12&careZone=noord");

    private StatisticsBenchmark() {}

    public static void main(String[] args) {
        RunningPlatform.runToCompletion(StatisticsBenchmark::run);
    }

    private static void run() throws Exception {
        try (RunningPlatform platform =
                RunningPlatform.start(Files.createTempDirectory("statistics-benchmark"), RunningPlatform.LOAD)) {
            platform.awaitDirectoryCopies();
            SingleConnectionDataSource database = store();
            JdbcClient store = JdbcClient.create(database);
            long writing = System.nanoTime();
            generate(store, REFERRALS);
            System.out.printf(
                    Locale.ROOT,
                    "%nStatistics store: %d referrals of 2025 written in %.1f s%n",
                    REFERRALS,
                    (System.nanoTime() - writing) / 1e9);

            HttpClient http = HttpClient.newHttpClient();
            String bearer = "Bearer " + platform.token("analyst.bruzel");
            String service = platform.endpoints.url(PlatformService.STATISTICS);
            String serviceBearer = "Bearer " + platform.serviceToken("analyst.bruzel", PlatformService.STATISTICS);
            long loading = System.nanoTime();
            String first = get(http, service + QUERY, serviceBearer);
            System.out.printf(
                    Locale.ROOT,
                    "first query, straight to statistics-service, loading them into memory: "
                            + "%.1f s (%d bytes of JSON)%n",
                    (System.nanoTime() - loading) / 1e9,
                    first.length());

            // A new instance over the million: it reads the store before it reports ready, from the snapshot
            // of the columns the first instance kept after reading them, and then without one.
            long newest = store.sql("SELECT max(revision) FROM statistics_referral")
                    .query(Long.class)
                    .single();
            long waiting = System.nanoTime();
            while (store.sql("SELECT count(*) FROM statistics_snapshot WHERE revision >= :newest")
                            .param("newest", newest)
                            .query(Long.class)
                            .single()
                    == 0) {
                if (System.nanoTime() - waiting > 120_000_000_000L) {
                    throw new IllegalStateException("statistics-service kept no snapshot");
                }
                Thread.sleep(200);
            }
            System.out.printf(
                    Locale.ROOT,
                    "snapshot kept by the running instance %.1f s after the first answer, %s%n",
                    (System.nanoTime() - waiting) / 1e9,
                    store.sql("SELECT pg_size_pretty(octet_length(content)::bigint) FROM statistics_snapshot")
                            .query(String.class)
                            .single());
            double fromSnapshot = restart(platform, http, service + QUERY, serviceBearer);
            store.sql("DELETE FROM statistics_snapshot").update();
            double cold = restart(platform, http, service + QUERY, serviceBearer);
            System.out.printf(
                    Locale.ROOT,
                    "statistics-service started over them: ready in %.1f s from the snapshot (target <= 10 s: %s), "
                            + "%.1f s without one (reading every row)%n",
                    fromSnapshot,
                    fromSnapshot <= 10 ? "met" : "NOT met",
                    cold);

            // A referral changing between two questions: each is counted afresh over the million.
            List<UUID> changed = store.sql("SELECT referral_id FROM statistics_referral ORDER BY random() LIMIT 1000")
                    .query(UUID.class)
                    .list();
            int[] next = {0};
            Runnable aReferralChanges = () -> store.sql(
                            "UPDATE statistics_referral SET revision = nextval('statistics_revision') WHERE referral_id = :id")
                    .param("id", changed.get(next[0]++ % changed.size()))
                    .update();
            Histogram changing = measure(http, platform.gateway() + QUERY, bearer, aReferralChanges);
            Histogram changingDirect = measure(http, service + QUERY, serviceBearer, aReferralChanges);
            Histogram unchanged = measure(http, platform.gateway() + QUERY, bearer, () -> {});
            System.out.printf(
                    Locale.ROOT,
                    "One year by municipality and month (19 municipalities x 12 months and totals), "
                            + "%d warm-up, %d measured, one at a time:%n",
                    WARM_UP,
                    MEASURED);
            Latencies.print("store changing, through the gateway", changing, "queries");
            Latencies.print("store changing, to statistics-service", changingDirect, "queries");
            Latencies.print("store unchanged, through the gateway", unchanged, "queries");
            System.out.printf(
                    Locale.ROOT,
                    "target p99 <= 50 ms through the gateway: %s while the store changes, %s while " + "it does not%n",
                    verdict(changing),
                    verdict(unchanged));
            for (String other : OTHER_QUERIES) {
                Latencies.print(
                        other.substring(other.indexOf('?') + 1),
                        measure(http, platform.gateway() + other, bearer, aReferralChanges),
                        "queries");
            }
            database.destroy();
            System.out.printf(
                    Locale.ROOT,
                    "statistics-service: heap used %s, resident %s%n",
                    heapUsed(http, platform.endpoints.managementUrl(PlatformService.STATISTICS)),
                    platform.residentBytes(PlatformService.STATISTICS).stream()
                            .mapToObj(bytes -> String.format(Locale.ROOT, "%.0f MiB", bytes / 1048576.0))
                            .findFirst()
                            .orElse("n/a"));
        }
    }

    /**
     * A year of referrals as the projection stores them, one after the other as they were submitted
     * (a referral takes its place in the store when its first event arrives): through 2025, in the areas of
     * the demo territory, on its themes, received by its organisations, and then accepted,
     * reached, completed, declined or cancelled at random, with durations of hours to days.
     */
    /** A connection to statistics-service's own database, for a benchmark to write to; destroy it after. */
    static SingleConnectionDataSource store() {
        return new SingleConnectionDataSource(
                TestInfrastructure.database("statistics"),
                TestInfrastructure.postgres().username(),
                TestInfrastructure.postgres().password(),
                true);
    }

    static void generate(JdbcClient jdbc, int referrals) {
        jdbc.sql("""
                WITH area AS (
                    SELECT row_number() OVER (ORDER BY area_id) - 1 AS i, area_id, municipality_nis,
                           care_zones -> 0 ->> 'careZoneCode' AS care_zone_code
                    FROM directory_area),
                theme AS (SELECT row_number() OVER (ORDER BY theme_code) - 1 AS i, theme_code
                          FROM directory_theme WHERE active),
                organisation AS (SELECT array_agg(DISTINCT organisation_id) AS ids FROM directory_service),
                profession AS (SELECT ARRAY['general-practitioner', 'general-practitioner', 'general-practitioner',
                                            'general-practitioner', 'pharmacist', 'home-nurse', 'social-worker',
                                            'physiotherapist', 'psychologist', 'midwife', 'dentist', 'dietitian',
                                            'speech-therapist', 'occupational-therapist', 'podiatrist'] AS codes),
                referral AS (
                    SELECT g, timestamptz '2025-01-01 00:00:00+01' + ((g - 1) * 31.5 + random() * 31) * interval '1 second'
                                  AS at,
                           random() AS accepted, random() AS reached, random() AS closed, random() AS outcome,
                           random() * 72 AS hours_to_accept, random() * 96 AS hours_to_contact, random() AS overdue
                    FROM generate_series(1, :referrals) AS g)
                INSERT INTO statistics_referral (referral_id, submitted_at, municipality_nis, area_id, care_zone_code,
                    theme_codes, referrer_key, referrer_profession, organisation_id, routed_at, unmet_need,
                    accepted_at, first_contact_at, contact_attempts, contact_attempts_reached, declined_at,
                    cancelled_at, completed_at, outcome, reminded_at, escalated_at, referrer_score,
                    organisation_score)
                SELECT gen_random_uuid(), r.at, a.municipality_nis, a.area_id, a.care_zone_code, ARRAY[t.theme_code],
                       'referrer-' || (r.g % 3000), p.codes[1 + (r.g % 3000) % cardinality(p.codes)],
                       CASE WHEN r.g % 20 = 0 THEN 'helpdesk-' || a.care_zone_code
                            ELSE o.ids[1 + (a.i * 31 + t.i * 7) % cardinality(o.ids)] END,
                       r.at, r.g % 20 = 0,
                       CASE WHEN r.accepted < 0.75 THEN r.at + r.hours_to_accept * interval '1 hour' END,
                       CASE WHEN r.accepted < 0.75 AND r.reached < 0.8
                            THEN r.at + (r.hours_to_accept + r.hours_to_contact) * interval '1 hour' END,
                       CASE WHEN r.accepted < 0.75 THEN 1 + (r.g % 3) ELSE 0 END,
                       CASE WHEN r.accepted < 0.75 AND r.reached < 0.8 THEN 1 ELSE 0 END,
                       CASE WHEN r.accepted >= 0.90 THEN r.at + interval '3 days' END,
                       CASE WHEN r.accepted >= 0.75 AND r.accepted < 0.78 THEN r.at + interval '1 day' END,
                       CASE WHEN r.accepted < 0.75 AND r.reached < 0.8 AND r.closed < 0.7
                            THEN r.at + interval '20 days' END,
                       CASE WHEN r.accepted < 0.75 AND r.reached < 0.8 AND r.closed < 0.7
                            THEN (ARRAY['SOLVED', 'SOLVED', 'PARTLY_SOLVED', 'REFERRED_ON', 'PERSON_DECLINED',
                                        'UNREACHABLE'])[1 + floor(r.outcome * 6)::int] END,
                       CASE WHEN r.overdue < 0.15 THEN r.at + interval '2 days' END,
                       CASE WHEN r.overdue < 0.03 THEN r.at + interval '5 days' END,
                       CASE WHEN r.closed < 0.3 THEN 1 + (r.g % 5) END,
                       CASE WHEN r.closed < 0.2 THEN 1 + ((r.g / 5) % 5) END
                FROM referral r
                JOIN area a ON a.i = r.g % (SELECT count(*) FROM area)
                JOIN theme t ON t.i = (r.g / 7) % (SELECT count(*) FROM theme)
                CROSS JOIN organisation o CROSS JOIN profession p
                """).param("referrals", referrals).update();
    }

    /** Stops the service and starts a new instance: seconds until it is ready. */
    private static double restart(RunningPlatform platform, HttpClient http, String uri, String bearer) {
        platform.stop(PlatformService.STATISTICS);
        long starting = System.nanoTime();
        platform.launch(PlatformService.STATISTICS);
        platform.awaitHealthy(PlatformService.STATISTICS);
        double ready = (System.nanoTime() - starting) / 1e9;
        get(http, uri, bearer);
        return ready;
    }

    /** Latencies of the query, with {@code before} done before each (and not timed). */
    private static Histogram measure(HttpClient http, String uri, String bearer, Runnable before) {
        for (int i = 0; i < WARM_UP; i++) {
            before.run();
            get(http, uri, bearer);
        }
        Histogram micros = new Histogram(3);
        for (int i = 0; i < MEASURED; i++) {
            before.run();
            long start = System.nanoTime();
            get(http, uri, bearer);
            micros.recordValue((System.nanoTime() - start) / 1_000);
        }
        return micros;
    }

    private static String verdict(Histogram micros) {
        return micros.getValueAtPercentile(99) <= 50_000 ? "met" : "NOT met";
    }

    private static String get(HttpClient http, String uri, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri));
        if (bearer != null) {
            request.header("Authorization", bearer);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(response.statusCode() + " " + response.body());
            }
            return response.body();
        } catch (IOException | InterruptedException failed) {
            throw new IllegalStateException(failed);
        }
    }

    private static String heapUsed(HttpClient http, String service) {
        String json = get(http, service + "/actuator/metrics/jvm.memory.used?tag=area:heap", null);
        double bytes = Double.parseDouble(json.replaceAll(".*\"value\":([0-9.E+]+).*", "$1"));
        return String.format(Locale.ROOT, "%.0f MiB", bytes / 1048576.0);
    }
}
