package be.bruzel.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway's token exchange (RFC 8693) against the real provider: a person's token from sign-in
 * becomes one for a single service, and for nothing the provider did not issue or does not know.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("demo")
class TokenExchangeIT {

    static final int PORT = 19002;
    private static final String GATEWAY_CLIENT = "Basic "
            + Base64.getEncoder().encodeToString("platform-web:platform-web-secret".getBytes(StandardCharsets.UTF_8));

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("management.server.port", () -> 0);
        registry.add("spring.security.oauth2.authorizationserver.issuer", () -> "http://localhost:" + PORT);
    }

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theGatewayExchangesAPersonsTokenForOneMeantForASingleServiceWithTheSameClaims() throws Exception {
        String signedIn = signedIn("worker.jette");

        HttpResponse<String> exchanged = exchange(GATEWAY_CLIENT, signedIn, "referral-service");

        assertThat(exchanged.statusCode()).as(exchanged.body()).isEqualTo(200);
        String claims = TokenScript.claimsOf(accessTokenOf(exchanged));
        assertThat(claims)
                .containsPattern("\"aud\":(\\[\"referral-service\"]|\"referral-service\")")
                .doesNotContain("directory-service", "\"gateway\"")
                .contains(
                        "\"sub\":\"worker.jette\"",
                        "\"roles\":[\"organisation-worker\",\"organisation-coordinator\"]",
                        "\"organisation_id\":\"ocmw-jette\"");
        assertThat(new String(
                        Base64.getUrlDecoder().decode(accessTokenOf(exchanged).split("\\.")[0]),
                        StandardCharsets.UTF_8))
                .contains("\"typ\":\"at+jwt\"");
    }

    @Test
    void theTokenScriptMakesATokenForOneServicesOwnPortTheSameWay() throws Exception {
        TokenScript.Result result = TokenScript.run(PORT, "analyst.bruzel", "demo", "referral-service");

        assertThat(result.exitCode()).as(result.error()).isZero();
        assertThat(TokenScript.claimsOf(result.output().strip()))
                .containsPattern("\"aud\":(\\[\"referral-service\"]|\"referral-service\")")
                .contains("\"care_zone\":\"bruzel\"");
    }

    @Test
    void anAudienceThatIsNoServiceOrMoreThanOneIsRefused() throws Exception {
        String signedIn = signedIn("gp.jette");

        assertThat(exchange(GATEWAY_CLIENT, signedIn, "payroll").body()).contains("invalid_target");
        HttpResponse<String> two = http.send(
                request(GATEWAY_CLIENT, form(signedIn) + "&audience=referral-service&audience=directory-service"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(two.statusCode()).isEqualTo(400);
        assertThat(two.body()).contains("invalid_target");
    }

    @Test
    void aTokenTheProviderDidNotIssueAServicesTokenOrAClientWithoutItsSecretGetsNothing() throws Exception {
        String signedIn = signedIn("gp.jette");
        String forged = signedIn.substring(0, signedIn.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";

        HttpResponse<String> notIssued = exchange(GATEWAY_CLIENT, forged, "referral-service");
        assertThat(notIssued.statusCode()).isEqualTo(400);
        assertThat(notIssued.body()).contains("invalid_grant");

        String forReferrals = accessTokenOf(exchange(GATEWAY_CLIENT, signedIn, "referral-service"));
        HttpResponse<String> again = exchange(GATEWAY_CLIENT, forReferrals, "directory-service");
        assertThat(again.statusCode())
                .as("a token for one service buys no other")
                .isEqualTo(400);
        assertThat(again.body()).contains("invalid_grant");

        HttpResponse<String> noSecret = exchange(
                "Basic " + Base64.getEncoder().encodeToString("platform-web:wrong".getBytes(StandardCharsets.UTF_8)),
                signedIn,
                "referral-service");
        assertThat(noSecret.statusCode()).isEqualTo(401);
        assertThat(noSecret.body()).doesNotContain("access_token");
    }

    private static String signedIn(String user) throws Exception {
        TokenScript.Result result = TokenScript.run(PORT, user, "demo");
        assertThat(result.exitCode()).as(result.error()).isZero();
        return result.output().strip();
    }

    private HttpResponse<String> exchange(String client, String subjectToken, String audience) throws Exception {
        return http.send(
                request(client, form(subjectToken) + "&audience=" + audience), HttpResponse.BodyHandlers.ofString());
    }

    private static String form(String subjectToken) {
        return "grant_type="
                + URLEncoder.encode("urn:ietf:params:oauth:grant-type:token-exchange", StandardCharsets.UTF_8)
                + "&subject_token=" + subjectToken
                + "&subject_token_type="
                + URLEncoder.encode("urn:ietf:params:oauth:token-type:access_token", StandardCharsets.UTF_8);
    }

    private static HttpRequest request(String client, String form) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + "/oauth2/token"))
                .header("Authorization", client)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
    }

    private static String accessTokenOf(HttpResponse<String> response) {
        Matcher token = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(response.body());
        assertThat(token.find()).as(response.body()).isTrue();
        return token.group(1);
    }
}
