package be.bruzel.platformtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import be.bruzel.localplatform.PlatformService;
import be.bruzel.localplatform.SecuredKafka;
import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole platform probed as an attacker would, from outside and with the demo accounts: every
 * probe asserts the refusal and that nothing changed. It runs on Kafka secured as {@code ./run}
 * secures it: every service signs in as itself over TLS and works within its ACLs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecurityIT {

    private static final Path LOGS = Path.of("target", "platform-logs-security");
    private static final Pattern INTERNAL_ADDRESS =
            Pattern.compile("localhost:\\d+|127\\.0\\.0\\.1|:808[1-3]|:90\\d\\d");

    static RunningPlatform platform;
    static String admin;
    static String gp;
    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * The hostile-input corpus sends thousands of requests with two tokens, so the limits per person are
     * out of its way (the gateway's own tests reach them); the sign-in limit per address is the
     * production one, which the flood meets. An abandoned sign-in is forgotten after seconds, purged every second.
     */
    private static final Map<String, String> SETTINGS = Map.of(
            "GATEWAY_RATE_LIMIT_PERSON",
            "100000000",
            "GATEWAY_RATE_LIMIT_WRITES",
            "100000000",
            "WEB_SIGN_IN_TIMEOUT",
            "PT5S",
            "WEB_SESSION_PURGE_CRON",
            "* * * * * *");

    private static final int FLOOD = 20_000;

    @BeforeAll
    static void startPlatform() throws Exception {
        platform = RunningPlatform.startOnSecuredKafka(LOGS, SETTINGS);
        platform.awaitDirectoryCopies();
        admin = platform.token("admin");
        gp = platform.token("gp.jette");
    }

    @AfterAll
    static void stopPlatform() throws Exception {
        if (platform != null) {
            platform.close();
        }
        // The flood emptied this machine's sign-in bucket, which the next test's platform would share.
        RunningPlatform.update("gateway", "DELETE FROM rate_limit_bucket");
    }

    @Test
    void monitoringIsNeverReachedThroughTheGatewayNorOnTheServicesOwnPortsAndTellsStrangersOnlyWhetherItIsUp()
            throws Exception {
        for (String path : List.of(
                "/actuator/health", "/actuator/prometheus", "/actuator/env", "/v3/api-docs", "/swagger-ui.html")) {
            assertThat(get(platform.gateway() + path, null).statusCode())
                    .as("gateway " + path)
                    .isEqualTo(404);
        }
        for (PlatformService service :
                List.of(PlatformService.REFERRAL, PlatformService.DIRECTORY, PlatformService.NOTIFICATION)) {
            assertThat(get(platform.endpoints.url(service) + "/actuator/health", null)
                            .statusCode())
                    .as(service + "'s own port")
                    .isEqualTo(404);
            HttpResponse<String> health =
                    get(platform.endpoints.managementUrl(service) + "/actuator/health/readiness", null);
            assertThat(health.statusCode()).as(service + ": " + health.body()).isEqualTo(200);
            assertThat(health.body()).contains("\"UP\"").doesNotContain("components", "db", "kafka", "diskSpace");
        }
        assertThat(get(platform.endpoints.managementUrl(PlatformService.GATEWAY) + "/actuator/health/readiness", null)
                        .body())
                .contains("\"UP\"")
                .doesNotContain("components");
    }

    @Test
    void aRefusedCallNamesNoInternalAddressAndEveryAnswerCarriesTheSecurityHeaders() throws Exception {
        for (String path : List.of(
                "/api/referrals",
                "/api/directory/themes",
                "/api/notifications",
                "/api/referrals/00000000-0000-0000-0000-000000000000",
                "/api/nothing",
                "/",
                "/web/session")) {
            HttpResponse<String> answer = get(platform.gateway() + path, null);
            String everything = answer.headers().map() + answer.body();

            assertThat(INTERNAL_ADDRESS.matcher(everything).find())
                    .as(path + " names no internal address: " + everything)
                    .isFalse();
            assertThat(answer.headers().firstValue("Content-Security-Policy"))
                    .as(path)
                    .hasValueSatisfying(csp ->
                            assertThat(csp).contains("frame-ancestors 'none'").doesNotContain("unsafe"));
            assertThat(answer.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            assertThat(answer.headers().firstValue("Referrer-Policy")).as(path).isPresent();
            assertThat(answer.headers().firstValue("Permissions-Policy"))
                    .as(path)
                    .isPresent();
        }
        assertThat(get(platform.gateway() + "/api/referrals", null).headers().firstValue("WWW-Authenticate"))
                .hasValue("Bearer");
    }

    @Test
    void aWriteRidingASignedInSessionCookieIsRefusedWithoutItsCsrfTokenEvenWithABearerTokenOfItsOwn() throws Exception {
        Session session = signIn("gp.jette");
        long before = referrals();

        HttpResponse<String> ridden = session.browser.send(
                HttpRequest.newBuilder(URI.create(platform.gateway() + "/api/referrals"))
                        .header("Authorization", "Bearer " + gp)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(Browsers.referralJson("1090")))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(ridden.statusCode()).isEqualTo(403);
        assertThat(ridden.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(referrals()).as("nothing stored").isEqualTo(before);

        HttpResponse<String> withItsToken = session.browser.send(
                HttpRequest.newBuilder(URI.create(platform.gateway() + "/api/referrals"))
                        .header("X-CSRF-TOKEN", session.csrfToken)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(Browsers.referralJson("1090")))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(withItsToken.statusCode())
                .as("the same write with the session's token: " + withItsToken.body())
                .isEqualTo(201);
    }

    @Test
    void anOversizedBodyIsA413AtTheGatewayAndAZipBombA413AtTheDirectoryWithNothingStored() throws Exception {
        long referralsBefore = referrals();
        HttpResponse<String> huge = http.send(
                HttpRequest.newBuilder(URI.create(platform.gateway() + "/api/referrals"))
                        .header("Authorization", "Bearer " + gp)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"question\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(referrals()).isEqualTo(referralsBefore);

        long auditBefore = RunningPlatform.count("directory", "SELECT count(*) FROM audit_entry");
        byte[] zipBomb = zipBomb(1024);
        long residentBefore = platform.residentBytes(PlatformService.DIRECTORY).orElse(0);
        long started = System.nanoTime();
        HttpResponse<String> bomb = http.send(
                HttpRequest.newBuilder(URI.create(platform.gateway() + "/api/directory/hsds"))
                        .header("Authorization", "Bearer " + admin)
                        .header("Content-Type", "application/zip")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(zipBomb))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Duration refusedIn = Duration.ofNanos(System.nanoTime() - started);
        long residentAfter = platform.residentBytes(PlatformService.DIRECTORY).orElse(0);

        assertThat(bomb.statusCode()).as(bomb.body()).isEqualTo(413);
        assertThat(RunningPlatform.count("directory", "SELECT count(*) FROM audit_entry"))
                .isEqualTo(auditBefore);
        System.out.printf(
                "zip bomb (1 GiB of zeros in %d KiB): refused in %d ms; directory-service resident %d -> %d MiB%n",
                zipBomb.length / 1024, refusedIn.toMillis(), residentBefore >> 20, residentAfter >> 20);
    }

    /**
     * Every operation of every service's OpenAPI document, through the gateway, with hostile values in
     * each parameter in turn, missing and unknown parameters and broken bodies, as an administrator and
     * as a referrer: never a 500.
     */
    @Test
    void noHostileInputOnAnyEndpointIsAnsweredWithA500() throws Exception {
        List<HostileInput.Probe> probes = new ArrayList<>();
        for (PlatformService service :
                List.of(PlatformService.REFERRAL, PlatformService.DIRECTORY, PlatformService.NOTIFICATION)) {
            HttpResponse<String> document = get(platform.endpoints.url(service) + "/v3/api-docs", null);
            assertThat(document.statusCode())
                    .as(service + " documents its API in the demo")
                    .isEqualTo(200);
            probes.addAll(HostileInput.from(document.body()));
        }
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (String token : List.of(admin, gp)) {
            for (HostileInput.Probe probe : probes) {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.gateway() + probe.target()))
                        .timeout(Duration.ofSeconds(20))
                        .header("Authorization", "Bearer " + token);
                if (probe.body() != null) {
                    request.header("Content-Type", probe.contentType())
                            .method(probe.method(), HttpRequest.BodyPublishers.ofString(probe.body()));
                } else {
                    request.method(probe.method(), HttpRequest.BodyPublishers.noBody());
                }
                int status;
                try {
                    status = http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                            .statusCode();
                } catch (java.io.IOException closed) {
                    // The gateway refuses a request line over 4 KiB (414) and may close before this client is done
                    // sending it: a refusal too. Any other request must be answered.
                    if (probe.target().length() <= 4096) {
                        failures.add("no answer (" + closed.getMessage() + ") " + probe);
                    }
                    statuses.merge(0, 1, Integer::sum);
                    continue;
                }
                statuses.merge(status, 1, Integer::sum);
                if (status >= 500) {
                    failures.add(status + " " + probe);
                }
            }
        }
        System.out.printf(
                "hostile input: %d probes over the documented operations, twice (administrator, referrer);"
                        + " answers by status (0: connection closed on a request line over 4 KiB) %s%n",
                probes.size(), statuses);
        assertThat(failures).as("answered with a server error").isEmpty();
        assertThat(probes.size()).isGreaterThan(500);
    }

    @Test
    void kafkaLetsInEveryServiceAsItselfAndNoOneWithoutAUser() throws Exception {
        try (Admin administrator = Admin.create(platform.securedKafka.clientSignedInAs(SecuredKafka.ADMINISTRATOR))) {
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(administrator
                                    .describeConsumerGroups(List.of(
                                            "referral-service.directory-copy",
                                            "statistics-service.referral-events",
                                            "statistics-service.directory-copy"))
                                    .all()
                                    .get(10, TimeUnit.SECONDS)
                                    .values())
                            .as("referral-service and statistics-service consume, signed in as themselves")
                            .allMatch(group -> !group.members().isEmpty()));
        }
        Map<String, Object> stranger = new HashMap<>(platform.securedKafka.anonymousClient());
        stranger.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        stranger.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000);
        try (Admin anonymous = Admin.create(stranger)) {
            assertThat(catchThrowable(() -> anonymous.listTopics().names().get(10, TimeUnit.SECONDS)))
                    .as("without a user, not even the topics' names")
                    .isNotNull();
        }
    }

    @Test
    void aTokenForOneServiceOpensNoOtherAndATokenFromSignInOpensNoServiceButThroughTheGateway() throws Exception {
        String forReferrals = platform.serviceToken("gp.jette", PlatformService.REFERRAL);
        String referrals = platform.endpoints.url(PlatformService.REFERRAL) + "/api/referrals?page=0";
        String themes = "/api/directory/themes";

        assertThat(get(referrals, forReferrals).statusCode())
                .as("its own service")
                .isEqualTo(200);
        assertThat(get(platform.endpoints.url(PlatformService.DIRECTORY) + themes, forReferrals)
                        .statusCode())
                .as("another service")
                .isEqualTo(401);
        assertThat(get(platform.gateway() + themes, forReferrals).statusCode())
                .as("nor exchanged at the gateway for another")
                .isEqualTo(401);
        assertThat(get(referrals, gp).statusCode())
                .as("the sign-in token, straight to a service")
                .isEqualTo(401);
        assertThat(get(platform.gateway() + themes, gp).statusCode())
                .as("through the gateway")
                .isEqualTo(200);
    }

    @Test
    void aSignedInPersonStaysSignedInWhenTheGatewayRestarts() throws Exception {
        Session session = signIn("worker.jette");
        assertThat(
                        RunningPlatform.count(
                                "gateway",
                                "SELECT count(*) FROM spring_session WHERE principal_name IS NOT NULL AND max_inactive_interval <> 1800"))
                .as("a signed-in session lasts the full 30 minutes")
                .isZero();

        platform.stop(PlatformService.GATEWAY);
        platform.launch(PlatformService.GATEWAY);
        platform.awaitHealthy(PlatformService.GATEWAY);

        HttpResponse<String> after = session.browser.send(
                HttpRequest.newBuilder(URI.create(platform.gateway() + "/web/session"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(after.statusCode()).as("still signed in: " + after.body()).isEqualTo(200);
        assertThat(after.body()).contains("worker.jette");
        HttpResponse<String> inbox = session.browser.send(
                HttpRequest.newBuilder(URI.create(platform.gateway() + "/api/referrals/inbox"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(inbox.statusCode())
                .as("the session's token still reaches the services")
                .isEqualTo(200);
    }

    /**
     * 20 000 anonymous sign-in starts from one address while a signed-in person goes on working. Runs
     * last: it empties this machine's sign-in bucket for a minute.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void aFloodOfSignInsCostsAFewShortSessionsAndLeavesSignedInPeopleWorking() throws Exception {
        Session person = signIn("gp.jette");
        HttpClient flooder = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        Histogram personLatency = new Histogram(60_000_000L, 3);
        List<Integer> personStatuses = new CopyOnWriteArrayList<>();
        AtomicBoolean flooding = new AtomicBoolean(true);
        Histogram quietLatency = new Histogram(60_000_000L, 3);
        for (int i = 0; i < 40; i++) {
            long started = System.nanoTime();
            person.browser.send(
                    HttpRequest.newBuilder(URI.create(platform.gateway() + "/api/referrals?page=0"))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            quietLatency.recordValue((System.nanoTime() - started) / 1_000);
        }

        Thread working = Thread.ofVirtual().start(() -> {
            while (flooding.get()) {
                long started = System.nanoTime();
                try {
                    personStatuses.add(person.browser
                            .send(
                                    HttpRequest.newBuilder(URI.create(platform.gateway() + "/api/referrals?page=0"))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode());
                    personLatency.recordValue((System.nanoTime() - started) / 1_000);
                    Thread.sleep(50);
                } catch (Exception interrupted) {
                    personStatuses.add(0);
                }
            }
        });
        long started = System.nanoTime();
        try (var senders = Executors.newFixedThreadPool(32)) {
            for (int i = 0; i < FLOOD; i++) {
                senders.submit(() -> {
                    int status;
                    try {
                        status = flooder.send(
                                        HttpRequest.newBuilder(URI.create(
                                                        platform.gateway() + "/oauth2/authorization/platform"))
                                                .timeout(Duration.ofSeconds(30))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode();
                    } catch (Exception failed) {
                        status = 0;
                    }
                    statuses.computeIfAbsent(status, any -> new LongAdder()).increment();
                });
            }
        }
        Duration flood = Duration.ofNanos(System.nanoTime() - started);
        flooding.set(false);
        working.join();
        long signInsUnderWay =
                RunningPlatform.count("gateway", "SELECT count(*) FROM spring_session WHERE principal_name IS NULL");

        System.out.printf(
                Locale.ROOT,
                "sign-in flood: %d requests in %.1f s (%.0f/s), answers by status %s;"
                        + " sessions of sign-ins under way afterwards: %d%n",
                FLOOD,
                flood.toMillis() / 1e3,
                FLOOD / (flood.toMillis() / 1e3),
                new TreeMap<>(statuses),
                signInsUnderWay);
        Latencies.print("signed-in person before the flood", quietLatency, "requests");
        Latencies.print("signed-in person during the flood", personLatency, "requests");
        // 30 at once, then one every 2 s of the flood.
        long allowed = 30 + flood.toSeconds() / 2 + 2;
        assertThat(statuses.get(429).sum())
                .as("all but the sign-in limit refused")
                .isGreaterThanOrEqualTo(FLOOD - allowed);
        assertThat(statuses.keySet())
                .as("nothing but redirects to sign in and refusals")
                .containsOnly(302, 429);
        assertThat(personStatuses)
                .as("the signed-in person kept working")
                .isNotEmpty()
                .containsOnly(200);
        assertThat(get(platform.endpoints.managementUrl(PlatformService.GATEWAY) + "/actuator/health/readiness", null)
                        .statusCode())
                .isEqualTo(200);
        assertThat(signInsUnderWay).isLessThanOrEqualTo(allowed);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(RunningPlatform.count(
                                "gateway", "SELECT count(*) FROM spring_session WHERE principal_name IS NULL"))
                        .as("abandoned sign-ins purged")
                        .isZero());
        assertThat(person.browser
                        .send(
                                HttpRequest.newBuilder(URI.create(platform.gateway() + "/web/session"))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode())
                .as("and the person is still signed in")
                .isEqualTo(200);
    }

    private HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long referrals() throws Exception {
        return RunningPlatform.count("referral", "SELECT count(*) FROM referral");
    }

    /** A browser's session at the gateway: signed in through the identity provider's form. */
    record Session(HttpClient browser, String csrfToken) {}

    private static Session signIn(String user) throws Exception {
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.ALWAYS)
                .build();
        HttpResponse<String> form = browser.send(
                HttpRequest.newBuilder(URI.create(platform.gateway() + "/oauth2/authorization/platform"))
                        .header("Accept", "text/html")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(csrf.find()).as("the sign-in form").isTrue();
        browser.send(
                HttpRequest.newBuilder(form.uri())
                        .header("Accept", "text/html")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "username=" + user + "&password=demo&_csrf=" + csrf.group(1)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> session = browser.send(
                HttpRequest.newBuilder(URI.create(platform.gateway() + "/web/session"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(session.statusCode()).as("signed in: " + session.body()).isEqualTo(200);
        assertThat(cookies.getCookieStore().getCookies())
                .extracting(HttpCookie::getName)
                .contains("SESSION");
        Matcher token = Pattern.compile("\"csrfToken\":\"([^\"]+)\"").matcher(session.body());
        assertThat(token.find()).isTrue();
        return new Session(browser, token.group(1));
    }

    /** Zeros that unpack to the given number of MiB from a few KiB. */
    private static byte[] zipBomb(int mebibytes) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("services.csv"));
            byte[] zeros = new byte[1024 * 1024];
            for (int mebibyte = 0; mebibyte < mebibytes; mebibyte++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
