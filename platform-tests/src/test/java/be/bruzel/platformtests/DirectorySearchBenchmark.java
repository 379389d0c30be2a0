package be.bruzel.platformtests;

import be.bruzel.directoryservice.search.SearchQuery;
import be.bruzel.directoryservice.search.ServiceCriteria;
import be.bruzel.directoryservice.territory.PlaceKind;
import be.bruzel.directoryservice.territory.PlaceRef;
import be.bruzel.platform.testing.TestInfrastructure;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.IntConsumer;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Benchmark, not a test: the directory search with 50 000 services across Brussels. Starts the
 * platform on embedded PostgreSQL and Kafka, adds generated services straight into the
 * directory's tables, then runs the same filtered searches through the gateway (signed in as a
 * GP) and as the service's own SQL on the same database, and prints latency percentiles. Each service found comes
 * with its live figures: the searches run through the gateway once before and once after {@value #OFFERS} offers of
 * the last 95 days are added for them, so the figures' share is measured in the same run.
 * Run with {@code scripts/benchmark DirectorySearchBenchmark}.
 */
public final class DirectorySearchBenchmark {

    private static final int SERVICES = 50_000;
    private static final int WARM_UP = 3_000;
    private static final int MEASURED = 10_000;
    /** Referrals offered to the services, for their live figures: ten per service over 95 days. */
    private static final int OFFERS = SERVICES * 10;

    /** What a GP typically asks: a theme near the person, in their language, sometimes with words. */
    private static final List<ServiceCriteria> SEARCHES = List.of(
            criteria("finances", "1090", "fr", null),
            criteria("loneliness", "1030", "nl", null),
            criteria("housing", "1070", "fr", null),
            criteria("rights", "1180", "nl", null),
            criteria("family", "1060", "fr", null),
            criteria("food", "1140", "nl", null),
            criteria("finances", "1090", null, "schulden"),
            criteria(null, "1080", "fr", "logement"),
            criteria("loneliness", "1160", null, "ontmoeting"),
            criteria("language", "1210", "fr", "néerlandais"));

    private DirectorySearchBenchmark() {}

    public static void main(String[] args) {
        RunningPlatform.runToCompletion(DirectorySearchBenchmark::run);
    }

    private static void run() throws Exception {
        Path logs = Files.createTempDirectory("directory-benchmark");
        try (RunningPlatform platform = RunningPlatform.start(logs, RunningPlatform.LOAD)) {
            String url = TestInfrastructure.database("directory");
            SingleConnectionDataSource database = new SingleConnectionDataSource(
                    url,
                    TestInfrastructure.postgres().username(),
                    TestInfrastructure.postgres().password(),
                    true);
            long loadStart = System.nanoTime();
            int added = GeneratedSocialMap.store(database.getConnection(), SERVICES);
            JdbcClient jdbc = JdbcClient.create(database);
            // As the service's own connections do (its application.yml).
            jdbc.sql("SET plan_cache_mode = force_custom_plan").update();
            jdbc.sql("SELECT refresh_service_filter_keys(NULL)").query().singleRow();
            jdbc.sql("ANALYZE").update();
            long services =
                    jdbc.sql("SELECT count(*) FROM service").query(Long.class).single();
            System.out.printf(
                    Locale.ROOT,
                    "%nDirectory: %d services (%d generated, stored in %.1f s)%n",
                    services,
                    added,
                    (System.nanoTime() - loadStart) / 1e9);

            HttpClient http = HttpClient.newHttpClient();
            String bearer = "Bearer " + platform.token("gp.jette");
            List<URI> uris = SEARCHES.stream()
                    .map(search -> URI.create(platform.gateway() + "/api/directory/services?" + query(search)))
                    .toList();
            List<SearchQuery> sql = SEARCHES.stream()
                    .map(search -> SearchQuery.of(search, placesOf(jdbc, search)))
                    .toList();

            IntConsumer throughGateway = i -> {
                HttpRequest request = HttpRequest.newBuilder(uris.get(i % uris.size()))
                        .header("Authorization", bearer)
                        .build();
                try {
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(response.statusCode() + " " + response.body());
                    }
                } catch (IOException | InterruptedException failed) {
                    throw new IllegalStateException(failed);
                }
            };
            IntConsumer plainSql = i -> {
                SearchQuery query = sql.get(i % sql.size());
                jdbc.sql(query.sql()).params(query.params()).query().listOfRows();
            };
            Histogram withoutOffers = all(measure(throughGateway));
            long offersStart = System.nanoTime();
            int offers = jdbc.sql("""
                    INSERT INTO service_referral (service_id, referral_id, offered_at, accepted_at, declined_at)
                    SELECT id, gen_random_uuid(), offered,
                           CASE WHEN answer < 0.7 THEN offered + answer * interval '100 hours' END,
                           CASE WHEN answer >= 0.7 AND answer < 0.85 THEN offered + interval '1 day' END
                    FROM (SELECT s.id, now() - random() * interval '95 days' AS offered, random() AS answer
                          FROM service s CROSS JOIN generate_series(1, :perService)) AS offer
                    """).param("perService", OFFERS / SERVICES).update();
            jdbc.sql("ANALYZE service_referral").update();
            System.out.printf(
                    Locale.ROOT,
                    "Live figures: %d offers added in %.1f s%n",
                    offers,
                    (System.nanoTime() - offersStart) / 1e9);
            Histogram[] gatewayByShape = measure(throughGateway);
            Histogram[] directByShape = measure(plainSql);
            Histogram gateway = all(gatewayByShape);
            Histogram direct = all(directByShape);
            long found = jdbc.sql(sql.getFirst().sql())
                    .params(sql.getFirst().params())
                    .query()
                    .listOfRows()
                    .size();

            System.out.printf(
                    Locale.ROOT,
                    "Searches: %d warm-up, then %d measured, one at a time, %d shapes "
                            + "(theme + postcode + language, some with free text; page of 20, first search: %d rows)%n",
                    WARM_UP,
                    MEASURED,
                    SEARCHES.size(),
                    found);
            Latencies.print("through the gateway, no offers yet", withoutOffers, "searches");
            Latencies.print("through the gateway, figures of " + offers + " offers", gateway, "searches");
            Latencies.print("plain SQL, same DB", direct, "searches");
            System.out.println("by shape (gateway | plain SQL):");
            for (int shape = 0; shape < SEARCHES.size(); shape++) {
                Latencies.print("  " + describe(SEARCHES.get(shape)), gatewayByShape[shape], "searches");
                Latencies.print("", directByShape[shape], "searches");
            }
            System.out.printf(
                    Locale.ROOT,
                    "ratio p50 %.2f, p99 %.2f (target p99 <= 20 ms and <= 1.5x plain SQL)%n",
                    ratio(gateway, direct, 50),
                    ratio(gateway, direct, 99));
            database.destroy();
        }
    }

    /** Latencies in microseconds, one histogram per search shape. */
    private static Histogram[] measure(IntConsumer search) {
        for (int i = 0; i < WARM_UP; i++) {
            search.accept(i);
        }
        Histogram[] byShape = new Histogram[SEARCHES.size()];
        Arrays.setAll(byShape, shape -> new Histogram(3));
        for (int i = 0; i < MEASURED; i++) {
            long start = System.nanoTime();
            search.accept(i);
            byShape[i % SEARCHES.size()].recordValue((System.nanoTime() - start) / 1_000);
        }
        return byShape;
    }

    private static Histogram all(Histogram[] byShape) {
        Histogram all = new Histogram(3);
        Arrays.stream(byShape).forEach(all::add);
        return all;
    }

    private static String describe(ServiceCriteria search) {
        return String.join(
                " ",
                Stream.of(
                                search.theme(),
                                search.postcode(),
                                search.language(),
                                search.q() == null ? null : "\"" + search.q() + "\"")
                        .filter(Objects::nonNull)
                        .toList());
    }

    private static double ratio(Histogram gateway, Histogram direct, double percentile) {
        return (double) gateway.getValueAtPercentile(percentile) / direct.getValueAtPercentile(percentile);
    }

    private static ServiceCriteria criteria(String theme, String postcode, String language, String words) {
        return new ServiceCriteria(theme, null, postcode, null, language, words, 0, 20);
    }

    private static String query(ServiceCriteria search) {
        List<String> parameters = new ArrayList<>(List.of("postcode=" + search.postcode(), "size=20"));
        if (search.theme() != null) {
            parameters.add("theme=" + search.theme());
        }
        if (search.language() != null) {
            parameters.add("language=" + search.language());
        }
        if (search.q() != null) {
            parameters.add("q=" + URLEncoder.encode(search.q(), StandardCharsets.UTF_8));
        }
        return String.join("&", parameters);
    }

    /** The places the service itself resolves a postcode to: its areas and all that contain them. */
    private static List<PlaceRef> placesOf(JdbcClient jdbc, ServiceCriteria search) {
        return jdbc
                .sql("""
                SELECT a.id, a.is_district, a.municipality_nis, az.care_zone_code, m.first_line_zone_code
                FROM area a JOIN area_postcode p ON p.area_id = a.id
                JOIN municipality m ON m.nis_code = a.municipality_nis
                JOIN area_zone az ON az.area_id = a.id AND az.valid_to IS NULL
                WHERE p.postcode = :postcode
                """)
                .param("postcode", search.postcode())
                .query((row, n) -> {
                    List<PlaceRef> places = new ArrayList<>();
                    if (row.getBoolean("is_district")) {
                        places.add(new PlaceRef(PlaceKind.AREA, row.getString("id")));
                    }
                    places.add(new PlaceRef(PlaceKind.MUNICIPALITY, row.getString("municipality_nis")));
                    places.add(new PlaceRef(PlaceKind.CARE_ZONE, row.getString("care_zone_code")));
                    places.add(new PlaceRef(PlaceKind.REGION, row.getString("first_line_zone_code")));
                    return places;
                })
                .list()
                .stream()
                .flatMap(List::stream)
                .distinct()
                .toList();
    }
}
