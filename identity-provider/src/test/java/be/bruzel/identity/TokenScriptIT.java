package be.bruzel.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The README's token script against the real provider: the flow a browser would take. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("demo")
class TokenScriptIT {

    static final int PORT = 19000;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("management.server.port", () -> 0);
        registry.add("spring.security.oauth2.authorizationserver.issuer", () -> "http://localhost:" + PORT);
    }

    @Test
    void theScriptPrintsAnAccessTokenWithTheUsersRolesAndOrganisation() throws Exception {
        TokenScript.Result result = TokenScript.run(PORT, "worker.jette", "demo");

        assertThat(result.exitCode()).as(result.error()).isZero();
        String[] parts = result.output().strip().split("\\.");
        assertThat(parts).hasSize(3);
        String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        String claims = TokenScript.claimsOf(result.output().strip());
        assertThat(header).as("an access token, RFC 9068").contains("\"typ\":\"at+jwt\"");
        assertThat(claims)
                .as("for the gateway alone, which exchanges it for one per service")
                .containsPattern("\"aud\":(\\[\"gateway\"]|\"gateway\")")
                .doesNotContain("referral-service");
        assertThat(claims)
                .contains("\"sub\":\"worker.jette\"")
                .contains("\"iss\":\"http://localhost:" + PORT + "\"")
                .contains("\"roles\":[\"organisation-worker\",\"organisation-coordinator\"]")
                .contains("\"organisation_id\":\"ocmw-jette\"");
    }

    @Test
    void aWrongPasswordGetsNoToken() throws Exception {
        TokenScript.Result result = TokenScript.run(PORT, "gp.jette", "not-the-password");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).isBlank();
    }

    @Test
    void theSignInPageSpeaksTheBrowsersLanguageOrTheOneAskedFor() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String french = http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + "/login"))
                                .header("Accept-Language", "fr-BE,fr;q=0.9")
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        String dutch = http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + "/login?lang=nl"))
                                .header("Accept-Language", "fr-BE")
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        String failed = http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + "/login?error&lang=en"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();

        assertThat(french)
                .contains("<html lang=\"fr\">")
                .contains("Mot de passe")
                .contains("name=\"_csrf\"");
        assertThat(dutch).contains("<html lang=\"nl\">").contains("Wachtwoord");
        assertThat(failed).contains("role=\"alert\"").contains("do not match");
    }

    @Test
    void guessingAPasswordLocksTheUserNameAndThePageSaysHowLongEvenForTheRightPassword() throws Exception {
        for (int attempt = 0; attempt <= SignInThrottle.FREE_ATTEMPTS_PER_USER; attempt++) {
            assertThat(TokenScript.run(PORT, "analyst.noord", "guess-" + attempt)
                            .exitCode())
                    .isNotZero();
        }

        HttpResponse<String> locked = signIn("analyst.noord", "demo");

        assertThat(locked.statusCode()).isEqualTo(303);
        assertThat(locked.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).startsWith("/login?locked="));
        assertThat(locked.headers().firstValue("Retry-After"))
                .hasValueSatisfying(
                        seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        assertThat(TokenScript.run(PORT, "analyst.noord", "demo").exitCode())
                .as("not even the right password, for now")
                .isNotZero();
        assertThat(HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create("http://localhost:" + PORT
                                                + locked.headers()
                                                        .firstValue("Location")
                                                        .orElseThrow() + "&lang=nl"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body())
                .contains("Te veel mislukte pogingen");
    }

    @Test
    void theSignInPageAllowsNoScriptNoInlineStyleAndNoFraming() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + "/login"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp)
                        .contains("default-src 'none'", "style-src 'self'", "frame-ancestors 'none'")
                        .doesNotContain("unsafe-inline"));
        assertThat(page.body()).doesNotContain("<style", "<script", "style=");
    }

    /** One form post, as a browser makes it after loading the page (which sets the session and CSRF token). */
    private static HttpResponse<String> signIn(String user, String password) throws Exception {
        java.net.CookieManager cookies = new java.net.CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        String form = browser.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + "/login"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        String csrf = form.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        return browser.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "username=" + user + "&password=" + password + "&_csrf=" + csrf))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
