package be.bruzel.platformtests;

import be.bruzel.localplatform.PlatformService;
import be.bruzel.platform.testing.TestInfrastructure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Benchmark, not a test: the social map of 50 000 services out in HSDS 3.0. Starts the platform on
 * embedded PostgreSQL and Kafka, adds generated services straight into the directory's tables, then
 * takes the whole map through the gateway as another social map would: the JSON export and the CSV
 * tables a page of 1 000 organisations at a time, and the open HSDS API's fully nested services 1 000
 * at a time; then checks one exported page against the HSDS schemas as an import does (dry run).
 * Prints seconds, bytes, page latencies and directory-service's resident memory (before, highest
 * while exporting, after). Run with {@code scripts/benchmark HsdsExportBenchmark}.
 */
public final class HsdsExportBenchmark {

    private static final int SERVICES = 50_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private HsdsExportBenchmark() {}

    public static void main(String[] args) {
        RunningPlatform.runToCompletion(HsdsExportBenchmark::run);
    }

    private static void run() throws Exception {
        Path logs = Files.createTempDirectory("hsds-benchmark");
        try (RunningPlatform platform = RunningPlatform.start(logs, RunningPlatform.LOAD)) {
            SingleConnectionDataSource database = new SingleConnectionDataSource(
                    TestInfrastructure.database("directory"),
                    TestInfrastructure.postgres().username(),
                    TestInfrastructure.postgres().password(),
                    true);
            GeneratedSocialMap.store(database.getConnection(), SERVICES);
            JdbcClient jdbc = JdbcClient.create(database);
            jdbc.sql("SELECT refresh_service_filter_keys(NULL)").query().singleRow();
            jdbc.sql("ANALYZE").update();
            long services =
                    jdbc.sql("SELECT count(*) FROM service").query(Long.class).single();
            long organisations = jdbc.sql("SELECT count(*) FROM organisation")
                    .query(Long.class)
                    .single();
            System.out.printf(Locale.ROOT, "%nDirectory: %d services of %d organisations%n", services, organisations);

            HttpClient http = HttpClient.newHttpClient();
            String admin = "Bearer " + platform.token("admin");
            // A first pass warms the service up (its code and the database's caches); the second is measured.
            for (boolean measured : new boolean[] {false, true}) {
                export(
                        platform,
                        http,
                        admin,
                        "/api/directory/hsds?size=1000&page=",
                        0,
                        "application/json",
                        measured,
                        "JSON export, 1 000 organisations a page");
                export(
                        platform,
                        http,
                        admin,
                        "/api/directory/hsds?size=1000&page=",
                        0,
                        "application/zip",
                        measured,
                        "CSV tables export, 1 000 organisations a page");
                export(
                        platform,
                        http,
                        null,
                        "/api/directory/hsds/v3/services?full=true&per_page=1000&page=",
                        1,
                        "application/json",
                        measured,
                        "HSDS API, fully nested services, 1 000 a page");
            }
            byte[] page = http.send(
                            HttpRequest.newBuilder(URI.create(platform.gateway() + "/api/directory/hsds?size=1000"))
                                    .header("Authorization", admin)
                                    .header("Accept", "application/json")
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray())
                    .body();
            JsonNode exported = JSON.readTree(page);
            for (int round = 0; round < 3; round++) {
                long started = System.nanoTime();
                HttpResponse<String> report = http.send(
                        HttpRequest.newBuilder(URI.create(platform.gateway() + "/api/directory/hsds?dryRun=true"))
                                .header("Authorization", admin)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(page))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (report.statusCode() != 200) {
                    throw new IllegalStateException(report.statusCode() + " " + report.body());
                }
                System.out.printf(
                        Locale.ROOT,
                        "Import check (dry run) of one exported page: %d organisations, %d services, %.1f MB:"
                                + " %.2f s%n",
                        exported.path("organizations").size(),
                        exported.path("services").size(),
                        page.length / 1e6,
                        (System.nanoTime() - started) / 1e9);
            }
            database.destroy();
        }
    }

    private static void export(
            RunningPlatform platform,
            HttpClient http,
            String bearer,
            String pages,
            int first,
            String type,
            boolean measured,
            String what)
            throws IOException, InterruptedException {
        long before = platform.residentBytes(PlatformService.DIRECTORY).orElse(0);
        AtomicLong highest = new AtomicLong(before);
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(
                () -> highest.accumulateAndGet(
                        platform.residentBytes(PlatformService.DIRECTORY).orElse(0), Math::max),
                0,
                100,
                TimeUnit.MILLISECONDS);
        Histogram pageMillis = new Histogram(3);
        long bytes = 0;
        int count = 0;
        int pagesRead = 0;
        long started = System.nanoTime();
        for (int number = first; ; number++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.gateway() + pages + number))
                    .header("Accept", type)
                    .timeout(Duration.ofMinutes(2));
            if (bearer != null) {
                request.header("Authorization", bearer);
            }
            long pageStarted = System.nanoTime();
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            pageMillis.recordValue((System.nanoTime() - pageStarted) / 1_000_000);
            if (response.statusCode() != 200) {
                throw new IllegalStateException(what + ": " + response.statusCode());
            }
            bytes += response.body().length;
            pagesRead++;
            count += served(response, type);
            if (response.headers().firstValue("Link").isEmpty()
                    && (type.equals("application/zip") || !hasMore(response.body()))) {
                break;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        sampler.shutdownNow();
        long after = platform.residentBytes(PlatformService.DIRECTORY).orElse(0);
        if (measured) {
            System.out.printf(
                    Locale.ROOT,
                    "%s: %d pages, %d services in %.1f s, %.1f MB; page p50 %d ms, p99 %d ms, max %d ms;"
                            + " directory-service resident %d MiB before, %d MiB at most, %d MiB after%n",
                    what,
                    pagesRead,
                    count,
                    seconds,
                    bytes / 1e6,
                    pageMillis.getValueAtPercentile(50),
                    pageMillis.getValueAtPercentile(99),
                    pageMillis.getMaxValue(),
                    before >> 20,
                    highest.get() >> 20,
                    after >> 20);
        }
    }

    /** Services in an HSDS JSON answer: those of an export, or the contents of an API page; none counted in a zip. */
    private static int served(HttpResponse<byte[]> response, String type) throws IOException {
        if (!type.equals("application/json")) {
            return 0;
        }
        JsonNode body = JSON.readTree(response.body());
        return body.has("contents")
                ? body.path("contents").size()
                : body.path("services").size();
    }

    /** An HSDS API page says whether it is the last; an export page links to the next when full. */
    private static boolean hasMore(byte[] body) {
        JsonNode page = JSON.readTree(body);
        return page.has("last_page") && !page.path("last_page").asBoolean();
    }
}
