package be.bruzel.platformtests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Debian's Chromium driven by Playwright, one browser per person on a phone, tablet or desktop, signed in at the
 * identity provider's form as a person would: for the browser test and the web benchmark.
 */
final class Browsers implements AutoCloseable {

    private static final String CHROMIUM = System.getProperty("browser.chromium", "/usr/bin/chromium");

    private final Playwright playwright;
    private final Browser browser;
    private final String gateway;

    private Browsers(Playwright playwright, Browser browser, String gateway) {
        this.playwright = playwright;
        this.browser = browser;
        this.gateway = gateway;
    }

    static Browsers launch(String gateway) {
        Playwright playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(Path.of(CHROMIUM))
                        .setHeadless(true)
                        .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking")));
        return new Browsers(playwright, browser, gateway);
    }

    /** The screens the application is made for, from a phone held upright to a desktop. */
    enum Screen {
        PHONE(390, 844),
        TABLET(800, 1280),
        DESKTOP(1280, 900);

        final int width;
        final int height;

        Screen(int width, int height) {
            this.width = width;
            this.height = height;
        }
    }

    /** A tablet held upright, where most of the browser test happens. */
    BrowserContext tablet() {
        return on(Screen.TABLET);
    }

    /** A browser of its own on this screen. Every page notes what its Content-Security-Policy blocked. */
    BrowserContext on(Screen screen) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(screen.width, screen.height)
                .setLocale("nl-BE")
                // In Brussels, as the people are: after 23:00 UTC the browser's today is already the platform's.
                .setTimezoneId("Europe/Brussels"));
        context.addInitScript("""
                window.policyViolations = [];
                document.addEventListener('securitypolicyviolation',
                    (violation) => window.policyViolations.push(violation.violatedDirective + ' ' + violation.blockedURI));
                """);
        return context;
    }

    /** Signs in on a tablet, in a browser of their own, and waits for their first screen. */
    Page signIn(String user) {
        return signIn(user, Screen.TABLET);
    }

    /** Signs in on this screen, in a browser of their own, and waits for their first screen. */
    Page signIn(String user, Screen screen) {
        Page page = on(screen).newPage();
        page.navigate(gateway + "/");
        page.locator("#account a.button").click();
        page.locator("input[name=username]").fill(user);
        page.locator("input[name=password]").fill("demo");
        page.locator("button[type=submit]").click();
        page.waitForURL(Pattern.compile(Pattern.quote(gateway) + "/(referrals|inbox|statistics|admin).*"));
        assertThat(page.locator("#account .person")).isVisible();
        assertThat(drawn(page)).isVisible();
        return page;
    }

    /** A screen has drawn when its heading has taken the focus; the page as served has none that can. */
    static Locator drawn(Page page) {
        return page.locator("main h1[tabindex='-1']");
    }

    /**
     * The words in what the selector finds that a line break cuts inside (not after a hyphen): text squeezed
     * letter by letter into a column too narrow for it.
     */
    static List<String> wordsBrokenAcrossLines(Page page, String selector) {
        List<?> broken = (List<?>) page.evaluate("""
                (selector) => {
                  const broken = [];
                  for (const element of document.querySelectorAll(selector)) {
                    const texts = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
                    for (let node = texts.nextNode(); node; node = texts.nextNode()) {
                      for (const word of node.textContent.matchAll(/\\S+/g)) {
                        const range = document.createRange();
                        range.setStart(node, word.index);
                        range.setEnd(node, word.index + word[0].length);
                        const lines = new Set([...range.getClientRects()].filter((box) => box.width > 0).map((box) => Math.round(box.top)));
                        if (lines.size > word[0].split('-').length) broken.push(word[0]);
                      }
                    }
                  }
                  return broken;
                }""", selector);
        return broken.stream().map(String::valueOf).toList();
    }

    /** How wide the page is laid out: wider than the screen means something is cut off or scrolls sideways. */
    static int layoutWidth(Page page) {
        return ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
    }

    List<Page> openPages() {
        return browser.contexts().stream()
                .flatMap(context -> context.pages().stream())
                .toList();
    }

    void closeAll() {
        browser.contexts().forEach(BrowserContext::close);
    }

    /** A referral on debts for "Test Persoon", with consent, through the API. */
    static void submitThroughTheApi(String gateway, String token, String postcode)
            throws IOException, InterruptedException {
        submitThroughTheApi(gateway, token, postcode, "Test Persoon");
    }

    /** A referral on debts for this person in the municipality of the postcode, with consent; its id. */
    static String submitThroughTheApi(String gateway, String token, String postcode, String name)
            throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(gateway + "/api/referrals"))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .header("Idempotency-Key", UUID.randomUUID().toString())
                                .POST(HttpRequest.BodyPublishers.ofString(referralJson(postcode, name)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JsonPath.read(response.body(), "$.referrals[0].id");
    }

    /** A referral on debts with consent, in the municipality of the postcode. */
    static String referralJson(String postcode) {
        return referralJson(postcode, "Test Persoon");
    }

    private static String referralJson(String postcode, String name) {
        return """
                {"person": {"name": "%s", "phone": "0470 00 00 00", "preferredLanguage": "nl", "postcode": "%s"},
                 "themes": ["finances"], "question": "Schulden.",
                 "consent": {"given": true, "method": "ORAL", "givenAt": "2026-01-01T10:00:00Z"}}""".formatted(name, postcode);
    }

    @Override
    public void close() {
        playwright.close();
    }
}
