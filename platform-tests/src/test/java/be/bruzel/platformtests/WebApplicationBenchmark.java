package be.bruzel.platformtests;

import com.jayway.jsonpath.JsonPath;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.HdrHistogram.Histogram;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * How soon each screen of the web application is usable, and how much it loads: every screen is
 * opened as a whole new page (a person following a link from a mail, or pressing reload) in
 * Chromium at tablet width, through the gateway, many times over; then again with 5 000 referrals in an
 * organisation's inbox and with a year of a million referrals in the statistics. Prints figures; passes or fails
 * nothing.
 */
public final class WebApplicationBenchmark {

    private static final int WARM_UP = 10;
    private static final int LOADS = 100;

    private WebApplicationBenchmark() {}

    public static void main(String[] args) {
        RunningPlatform.runToCompletion(WebApplicationBenchmark::run);
    }

    private static void run() throws Exception {
        try (RunningPlatform platform =
                        RunningPlatform.start(Files.createTempDirectory("web-benchmark"), RunningPlatform.LOAD);
                Browsers browsers = Browsers.launch(platform.gateway())) {
            platform.awaitDirectoryCopies();
            String token = platform.token("gp.jette");
            for (int i = 0; i < 30; i++) {
                Browsers.submitThroughTheApi(platform.gateway(), token, i % 2 == 0 ? "1090" : "1030");
            }
            System.out.printf(
                    Locale.ROOT,
                    "%n%d loads of each screen after %d to warm up; 30 referrals in the lists%n",
                    LOADS,
                    WARM_UP);
            measure(
                    platform,
                    browsers.tablet().newPage(),
                    "home, signed out",
                    "/",
                    page -> page.locator("#account a.button"));
            Page gp = browsers.signIn("gp.jette");
            measure(platform, gp, "referrer: my referrals", "/referrals", Browsers::drawn);
            measure(platform, gp, "referrer: new referral", "/referrals/new", Browsers::drawn);
            gp.navigate(platform.gateway() + "/referrals");
            gp.locator("table tbody a").first().click();
            Browsers.drawn(gp).waitFor();
            String referral = gp.url().substring(platform.gateway().length());
            measure(platform, gp, "referrer: one referral", referral, Browsers::drawn);
            measure(platform, gp, "referrer: notifications", "/notifications", Browsers::drawn);
            Page worker = browsers.signIn("worker.jette");
            measure(platform, worker, "organisation: inbox", "/inbox", Browsers::drawn);
            // The inbox as it is after months of use: 5 000 more referrals, and one person to find among them.
            fill(platform.gateway(), token, 5_000);
            String reference = Browsers.submitThroughTheApi(platform.gateway(), token, "1090", "Zoë Vandamme-Éloy")
                    .substring(0, 8);
            System.out.printf(Locale.ROOT, "the inbox of OCMW Jette now holds %d referrals%n", inboxTotal(platform));
            measure(platform, worker, "organisation: inbox of 5 000", "/inbox", Browsers::drawn);
            search(platform, worker, "organisation: a name in 5 000", "vandamme");
            search(platform, worker, "organisation: a reference in 5 000", reference);
            Page analyst = browsers.signIn("analyst.bruzel");
            measure(platform, analyst, "analyst: figures of 12 months", "/statistics", Browsers::drawn);
            // The figures as BruZEL would have them after a year of the whole region: a million referrals.
            long writing = System.nanoTime();
            SingleConnectionDataSource store = StatisticsBenchmark.store();
            StatisticsBenchmark.generate(JdbcClient.create(store), 1_000_000);
            store.destroy();
            System.out.printf(
                    Locale.ROOT,
                    "the statistics store now holds 1 000 000 referrals of 2025 (written in %.0f s)%n",
                    (System.nanoTime() - writing) / 1e9);
            measure(
                    platform,
                    analyst,
                    "analyst: 1 000 000, by municipality",
                    "/statistics?from=2025-01&to=2025-12",
                    Browsers::drawn);
            measure(
                    platform,
                    analyst,
                    "analyst: 1 000 000, care-zone map",
                    "/statistics?by=care-zone&from=2025-01&to=2025-12&figure=hoursToAcceptanceMedian",
                    Browsers::drawn);
            Page admin = browsers.signIn("admin");
            measure(platform, admin, "administrator: services", "/admin/services", Browsers::drawn);
        }
    }

    /** From asking for the page until the person can use it: scripts run, data fetched, screen drawn. */
    private static void measure(
            RunningPlatform platform, Page page, String screen, String path, Function<Page, Locator> usable) {
        Histogram micros = new Histogram(60_000_000L, 3);
        // Routing every request through Playwright turns the browser's cache off: a first visit's bytes.
        page.route("**/*", Route::resume);
        long firstBytes = load(platform, page, path, usable, null);
        page.unroute("**/*");
        long bytes = 0;
        long requests = 0;
        for (int i = 0; i < WARM_UP + LOADS; i++) {
            bytes = load(platform, page, path, usable, i < WARM_UP ? null : micros);
            requests =
                    ((Number) page.evaluate("() => performance.getEntriesByType('resource').length + 1")).longValue();
        }
        System.out.printf(
                Locale.ROOT,
                "%-34s usable after p50 %6.1f ms  p90 %6.1f ms  p99 %6.1f ms  max %6.1f ms;"
                        + "  %d requests, %5.1f KB transferred (%5.1f KB with an empty cache)%n",
                screen,
                micros.getValueAtPercentile(50) / 1e3,
                micros.getValueAtPercentile(90) / 1e3,
                micros.getValueAtPercentile(99) / 1e3,
                micros.getMaxValue() / 1e3,
                requests,
                bytes / 1024.0,
                firstBytes / 1024.0);
    }

    /** Submits this many referrals to OCMW Jette, four at a time, each tried again until it is accepted. */
    private static void fill(String gateway, String token, int count) throws Exception {
        try (ExecutorService four = Executors.newFixedThreadPool(4)) {
            List<Future<String>> submitted = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                submitted.add(four.submit(() -> {
                    for (int attempt = 1; ; attempt++) {
                        try {
                            return Browsers.submitThroughTheApi(gateway, token, "1090", "Jan De Smet");
                        } catch (AssertionError | IOException refused) {
                            if (attempt == 5) {
                                throw refused;
                            }
                            Thread.sleep(1_000);
                        }
                    }
                }));
            }
            for (Future<String> one : submitted) {
                one.get();
            }
        }
    }

    private static long inboxTotal(RunningPlatform platform) throws Exception {
        HttpResponse<String> inbox = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(platform.gateway() + "/api/referrals/inbox?size=1"))
                                .header("Authorization", "Bearer " + platform.token("worker.jette"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return JsonPath.<Number>read(inbox.body(), "$.total").longValue();
    }

    /** From pressing search on the inbox until the one referral found is shown. */
    private static void search(RunningPlatform platform, Page page, String what, String words) {
        Histogram micros = new Histogram(60_000_000L, 3);
        for (int i = 0; i < WARM_UP + LOADS; i++) {
            page.navigate(platform.gateway() + "/inbox");
            Browsers.drawn(page).waitFor();
            page.getByLabel("Naam of referentie").fill(words);
            long started = System.nanoTime();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Zoeken"))
                    .click();
            page.locator("table caption:has-text('1 gevonden')").waitFor();
            if (i >= WARM_UP) {
                micros.recordValue((System.nanoTime() - started) / 1_000);
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%-34s found after p50 %6.1f ms  p90 %6.1f ms  p99 %6.1f ms  max %6.1f ms%n",
                what,
                micros.getValueAtPercentile(50) / 1e3,
                micros.getValueAtPercentile(90) / 1e3,
                micros.getValueAtPercentile(99) / 1e3,
                micros.getMaxValue() / 1e3);
    }

    /** @return the bytes this load transferred */
    private static long load(
            RunningPlatform platform, Page page, String path, Function<Page, Locator> usable, Histogram micros) {
        long started = System.nanoTime();
        page.navigate(platform.gateway() + path);
        usable.apply(page).waitFor();
        long elapsed = (System.nanoTime() - started) / 1_000;
        if (micros != null) {
            micros.recordValue(elapsed);
        }
        return ((Number) page.evaluate("() => performance.getEntriesByType('resource')"
                        + ".reduce((sum, entry) => sum + entry.transferSize, 0)"
                        + " + performance.getEntriesByType('navigation')[0].transferSize"))
                .longValue();
    }
}
