package be.bruzel.platformtests;

import static org.assertj.core.api.Assertions.assertThat;

import be.bruzel.localplatform.Endpoints;
import com.jayway.jsonpath.JsonPath;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The platform with a real Keycloak as its identity provider, pointed at it by the issuer alone: the
 * gateway and the services find Keycloak's endpoints by OpenID discovery, read the roles from
 * {@code realm_access.roles} and the organisation from a user attribute, and the gateway exchanges
 * Keycloak's tokens for one per service (Keycloak's standard token exchange).
 */
class KeycloakIT {

    private static final Path LOGS = Path.of("target", "platform-logs-keycloak");
    private static final Map<String, String> WORKERS =
            Map.of("ocmw-jette", "worker.jette", "ldc-jette", "worker.ldc.jette", "caw-brussel", "worker.caw");

    static KeycloakServer keycloak;
    static RunningPlatform platform;

    @BeforeAll
    static void start() throws IOException {
        int keycloakPort = RunningPlatform.freePort();
        // The services ask Keycloak for nothing until the first token comes, so it may start second,
        // once the gateway's address (where its realm lets sign-in return to) is known.
        platform = RunningPlatform.start(LOGS, Map.of(Endpoints.ISSUER, KeycloakServer.issuerAt(keycloakPort)));
        keycloak = KeycloakServer.start(keycloakPort, LOGS, platform.gateway());
        platform.awaitDirectoryCopies();
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @Test
    void aGpSignedInAtKeycloakRefersAndAWorkerWithAKeycloakTokenAcceptsAndTheGpReadsIt() throws Exception {
        try (Browsers browsers = Browsers.launch(platform.gateway())) {
            // Through the gateway's web sign-in, on Keycloak's own login form.
            Page gp = browsers.signIn("gp.jette");
            assertThat(gp.locator("#account .person").textContent()).contains("Dr. An Janssens");
            Map<?, ?> session = (Map<?, ?>) gp.evaluate("async () => (await fetch('/web/session')).json()");
            assertThat(session.get("roles")).isEqualTo(List.of("referrer"));

            String id = (String) gp.evaluate("""
                    async (body) => {
                      const session = await (await fetch('/web/session')).json();
                      const response = await fetch('/api/referrals', {method: 'POST', body, headers: {
                        'Content-Type': 'application/json', 'X-CSRF-TOKEN': session.csrfToken,
                        'Idempotency-Key': crypto.randomUUID()}});
                      if (response.status !== 201) throw new Error(response.status + ' ' + await response.text());
                      return (await response.json()).referrals[0].id;
                    }""", Browsers.referralJson("1090"));
            String receiver = JsonPath.read(read(gp, id), "$.receiver.organisationId");

            // A worker signed in at Keycloak by scripts/token, as the README shows.
            String worker = platform.token(WORKERS.get(receiver));
            Map<String, Object> claims = claimsOf(worker);
            assertThat(claims.get("iss")).isEqualTo(keycloak.issuer());
            assertThat(claims.get("sub")).as("Keycloak's id of the user").isNotEqualTo(WORKERS.get(receiver));
            assertThat(claims.get("organisation_id")).isEqualTo(receiver);
            HttpResponse<String> accepted = platform.post("/api/referrals/" + id + "/accept", worker, "{}");
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);

            String seen = read(gp, id);
            assertThat((String) JsonPath.read(seen, "$.status")).isEqualTo("accepted");
            assertThat((String) JsonPath.read(seen, "$.person.name")).isEqualTo("Test Persoon");
        }
    }

    @Test
    void aTokenFromTheDemoProviderIsRefusedWhileKeycloakIsTheIssuer() throws Exception {
        String demo = platform.demoProviderToken("gp.jette");
        assertThat(claimsOf(demo).get("iss")).isNotEqualTo(keycloak.issuer());

        HttpResponse<String> refused = platform.get("/api/referrals", demo);
        HttpResponse<String> accepted = platform.get("/api/referrals", platform.token("gp.jette"));

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(accepted.statusCode()).isEqualTo(200);
    }

    @Test
    void aKeycloakUserWithoutTheRoleIsRefused() throws Exception {
        String analyst = platform.token("analyst.noord");

        HttpResponse<String> submitted = platform.post("/api/referrals", analyst, Browsers.referralJson("1090"));

        assertThat(submitted.statusCode()).isEqualTo(403);
    }

    /** The referral as the signed-in browser reads it (through its session, not a token of its own). */
    private static String read(Page page, String id) {
        return (String) page.evaluate("async (id) => (await fetch('/api/referrals/' + id)).text()", id);
    }

    private static Map<String, Object> claimsOf(String jwt) {
        return JsonPath.parse(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8))
                .read("$");
    }
}
