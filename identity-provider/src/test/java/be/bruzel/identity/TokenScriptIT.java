package be.bruzel.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The README's token script against the real provider: the flow a browser would take. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class TokenScriptIT {

    static final int PORT = 19000;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("spring.security.oauth2.authorizationserver.issuer", () -> "http://localhost:" + PORT);
    }

    @Test
    void theScriptPrintsAnAccessTokenWithTheUsersRolesAndOrganisation() throws Exception {
        Result result = runTokenScript("worker.jette", "demo");

        assertThat(result.exitCode()).as(result.error()).isZero();
        String[] parts = result.output().strip().split("\\.");
        assertThat(parts).hasSize(3);
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(claims)
                .contains("\"sub\":\"worker.jette\"")
                .contains("\"iss\":\"http://localhost:" + PORT + "\"")
                .contains("\"roles\":[\"organisation-worker\"]")
                .contains("\"organisation_id\":\"ocmw-jette\"");
    }

    @Test
    void aWrongPasswordGetsNoToken() throws Exception {
        Result result = runTokenScript("gp.jette", "not-the-password");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).isBlank();
    }

    @Test
    void theSignInPageSpeaksTheBrowsersLanguageOrTheOneAskedFor() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String french = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + "/login"))
                .header("Accept-Language", "fr-BE,fr;q=0.9").build(), HttpResponse.BodyHandlers.ofString()).body();
        String dutch = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + "/login?lang=nl"))
                .header("Accept-Language", "fr-BE").build(), HttpResponse.BodyHandlers.ofString()).body();
        String failed = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + "/login?error&lang=en"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();

        assertThat(french).contains("<html lang=\"fr\">").contains("Mot de passe").contains("name=\"_csrf\"");
        assertThat(dutch).contains("<html lang=\"nl\">").contains("Wachtwoord");
        assertThat(failed).contains("role=\"alert\"").contains("do not match");
    }

    record Result(int exitCode, String output, String error) {
    }

    private static Result runTokenScript(String user, String password) throws IOException, InterruptedException {
        Path script = Path.of(System.getProperty("platform.root", "..")).resolve("scripts/token");
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), user, password);
        builder.environment().put("ISSUER", "http://localhost:" + PORT);
        Process process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(),
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
