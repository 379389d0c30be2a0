package be.bruzel.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import be.bruzel.platform.testing.TestTokens;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The gateway in front of real HTTP servers: one that answers, one that is down, one that is slow. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // As behind a TLS proxy, whose X-Forwarded-Proto the gateway is told to trust.
        properties = {"platform.web.login.client-secret=secret-of-the-tests", "server.forward-headers-strategy=native"})
class GatewayRoutingIT extends GatewayUnderTest {

    static final FakeService referralService = FakeService.answering();
    static final FakeService slowNotificationService = FakeService.answeringAfter(5_000);
    static final int closedPort = freePort();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        register(
                registry,
                Map.of(
                        "referral",
                        referralService::url,
                        "notification",
                        slowNotificationService::url,
                        "directory",
                        () -> "http://localhost:" + closedPort));
        registry.add("platform.gateway.response-timeout", () -> "1s");
    }

    @AfterAll
    static void stopServers() {
        referralService.close();
        slowNotificationService.close();
    }

    @Test
    void theApiIsRoutedToItsServiceWithTheCallersToken() throws Exception {
        HttpResponse<String> response = get("/api/referrals/42?page=1", "en");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .as("the caller's token exchanged for one meant for referral-service")
                .isEqualTo("GET /api/referrals/42?page=1 Bearer referral-service:abc");
    }

    @Test
    void theFhirApiIsRoutedToReferralServiceWithTheCallersToken() throws Exception {
        HttpResponse<String> response = get("/fhir/R4/Task?status=requested", "en");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("GET /fhir/R4/Task?status=requested Bearer referral-service:abc");
    }

    @Test
    void fhirSubscriptionsAreRoutedToNotificationServiceAndNotToReferralService() throws Exception {
        // The notification-service of these tests is the slow one: its timeout, not referral-service's answer.
        assertThat(get("/fhir/R4/Subscription", "en").statusCode()).isEqualTo(504);
        assertThat(get("/fhir/R4/Subscription/42", "en").statusCode()).isEqualTo(504);
        assertThat(get("/fhir/R4/SubscriptionTopic", "en").body()).startsWith("GET /fhir/R4/SubscriptionTopic ");
    }

    @Test
    void aServiceThatIsDownIsA503ProblemAtOnce() throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = get("/api/directory/themes", "nl");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body())
                .contains("\"title\":\"Even niet bereikbaar\"")
                .contains("\"status\":503");
    }

    @Test
    void aServiceThatIsTooSlowIsA504ProblemWithinItsTimeout() throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = get("/api/notifications", "fr");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"title\":\"Cela prend trop de temps\"");
    }

    @Test
    void anUnknownPathIsA404Problem() throws Exception {
        HttpResponse<String> response = get("/api/unknown", "en");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void theHomePageIsServed() throws Exception {
        HttpResponse<String> response = get("/", "nl");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Doorverwijzen naar welzijn in Brussel");
    }

    @Test
    void aWriteWithItsOwnBearerTokenIsRelayedWithoutASession() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/referrals/42/accept"))
                        .header("Authorization", "Bearer abc")
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("POST /api/referrals/42/accept Bearer referral-service:abc");
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void aScreenOpenedSignedOutGoesToSignInAndTheSessionSaysNoOneIsSignedIn() throws Exception {
        HttpResponse<String> screen = http.send(
                HttpRequest.newBuilder(URI.create(
                                "http://localhost:" + port + "/referrals/8a70ae01-5e22-4582-a6e2-a95ea364f69b"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> session = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/web/session"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> signIn = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/authorization/platform"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(screen.statusCode()).isEqualTo(302);
        assertThat(screen.headers().firstValue("Location")).hasValue("/oauth2/authorization/platform");
        assertThat(session.statusCode()).isEqualTo(401);
        assertThat(session.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location)
                        .startsWith(TestTokens.ISSUER + "/oauth2/authorize?response_type=code&client_id=platform-web")
                        .contains("code_challenge_method=S256"));
    }

    @Test
    void theWebApplicationsScriptsAreServedCompressed() throws Exception {
        HttpResponse<byte[]> script = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/app/lib/messages.js"))
                        .header("Accept-Encoding", "gzip")
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(script.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(value -> assertThat(value).contains("no-cache"));
    }

    @Test
    void everyPageAndApiAnswerForbidsInlineScriptStyleAndFramingAndSaysNoMoreThanNeeded() throws Exception {
        for (HttpResponse<String> answer :
                List.of(get("/", "nl"), get("/api/referrals/42", "nl"), get("/api/unknown", "nl"))) {
            assertThat(answer.headers().firstValue("Content-Security-Policy"))
                    .hasValueSatisfying(csp -> assertThat(csp)
                            .contains(
                                    "default-src 'self'",
                                    "script-src 'self'",
                                    "style-src 'self'",
                                    "frame-ancestors 'none'")
                            .doesNotContain("unsafe-inline", "unsafe-eval", "*"));
            assertThat(answer.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(answer.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
            assertThat(answer.headers().firstValue("Permissions-Policy"))
                    .hasValueSatisfying(policy -> assertThat(policy).contains("camera=()", "geolocation=()"));
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(answer.headers().firstValue("Strict-Transport-Security"))
                    .as("plain HTTP: no HSTS")
                    .isEmpty();
        }
    }

    @Test
    void behindTlsTheGatewaySendsHstsAndTheSessionCookieIsSecure() throws Exception {
        HttpResponse<String> overTls = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/authorization/platform"))
                        .header("X-Forwarded-Proto", "https")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> plain = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/authorization/platform"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(overTls.headers().firstValue("Strict-Transport-Security"))
                .hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age=31536000", "includeSubDomains"));
        assertThat(overTls.headers().firstValue("Set-Cookie"))
                .hasValueSatisfying(cookie -> assertThat(cookie)
                        .startsWith("SESSION=")
                        .contains("; Secure", "SameSite=Lax")
                        .containsIgnoringCase("HttpOnly"));
        assertThat(plain.headers().firstValue("Set-Cookie"))
                .hasValueSatisfying(cookie ->
                        assertThat(cookie).containsIgnoringCase("HttpOnly").doesNotContain("Secure"));
    }

    @Test
    void aWriteCarryingASessionCookieNeedsTheSessionsCsrfTokenEvenWithABearerTokenOfItsOwn() throws Exception {
        int before = referralService.received();

        HttpResponse<String> ridden = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/referrals/42/accept"))
                        .header("Authorization", "Bearer abc")
                        .header("Cookie", "SESSION=8d0d1fd5-3b4c-4f2b-9d63-2f6b0c2b1e11")
                        .header("Accept-Language", "nl")
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(ridden.statusCode()).isIn(401, 403);
        assertThat(ridden.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(referralService.received()).as("nothing reached the service").isEqualTo(before);
    }

    @Test
    void aBodyLargerThanTheApiAcceptsIsA413ProblemWhetherItsLengthIsDeclaredOrNot() throws Exception {
        int before = referralService.received();
        byte[] twoMegabytes = new byte[2 * 1024 * 1024];

        HttpResponse<String> declared = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/referrals"))
                        .header("Authorization", "Bearer abc")
                        .header("Accept-Language", "fr")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(twoMegabytes))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        int afterDeclared = referralService.received();
        HttpResponse<String> chunked = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/referrals"))
                        .header("Authorization", "Bearer abc")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(
                                () -> new java.io.ByteArrayInputStream(twoMegabytes)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> smallEnough = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/referrals"))
                        .header("Authorization", "Bearer abc")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[512 * 1024]))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.body()).contains("\"title\":\"Trop volumineux\"");
        assertThat(afterDeclared)
                .as("the declared one never reached the service")
                .isEqualTo(before);
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(smallEnough.statusCode()).isEqualTo(200);
    }

    @Test
    void anHsdsImportMayBeLargerThanAnyOtherRequest() throws Exception {
        HttpResponse<String> socialMap = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/directory/hsds"))
                        .header("Authorization", "Bearer abc")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[3 * 1024 * 1024]))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(socialMap.statusCode())
                .as("not refused for its size: the directory is down here")
                .isEqualTo(503);
    }

    private HttpResponse<String> get(String path, String language) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", "Bearer abc")
                        .header("Accept-Language", language)
                        .timeout(Duration.ofSeconds(15))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
