package be.bruzel.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Web sessions in the gateway's database: none for a visitor, a short one for a sign-in under way. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"platform.web.sessions.sign-in-timeout=2s", "platform.web.sessions.purge-cron=* * * * * *"})
class WebSessionsIT extends GatewayUnderTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        register(registry, Map.of());
    }

    @Test
    void aVisitorWhoDoesNotSignInCostsNoSession() throws Exception {
        long before = GatewayDatabase.count("SELECT count(*) FROM spring_session");

        for (String path : List.of("/", "/referrals", "/app/main.js", "/app/app.css", "/web/session", "/nowhere")) {
            HttpResponse<String> answer = get(path);
            assertThat(answer.headers().allValues("Set-Cookie"))
                    .as(path)
                    .noneMatch(cookie -> cookie.startsWith("SESSION="));
        }

        assertThat(GatewayDatabase.count("SELECT count(*) FROM spring_session")).isEqualTo(before);
    }

    @Test
    void aSignInStartedIsStoredForMinutesNotTheFullTimeoutAndPurgedOnceAbandoned() throws Exception {
        HttpResponse<String> started = get("/oauth2/authorization/platform");

        assertThat(started.statusCode()).isEqualTo(302);
        String id = started.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("SESSION="))
                .map(cookie -> HttpCookie.parse(cookie).getFirst().getValue())
                .findFirst()
                .orElseThrow();
        assertThat(GatewayDatabase.count("SELECT max_inactive_interval FROM spring_session WHERE session_id = ?", id))
                .as("seconds the abandoned sign-in is kept")
                .isEqualTo(2);

        await().atMost(Duration.ofSeconds(15))
                .until(() ->
                        GatewayDatabase.count("SELECT count(*) FROM spring_session WHERE session_id = ?", id) == 0);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Accept", "text/html")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
