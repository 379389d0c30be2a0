package be.bruzel.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/** The README's {@code scripts/token}, run against a provider on this machine as a newcomer runs it. */
final class TokenScript {

    private TokenScript() {}

    record Result(int exitCode, String output, String error) {}

    static Result run(int port, String user, String password) throws IOException, InterruptedException {
        return run(port, user, password, null);
    }

    /** With {@code SERVICE=}: a token for that one service's own port. */
    static Result run(int port, String user, String password, String service) throws IOException, InterruptedException {
        Path script = Path.of(System.getProperty("platform.root", "..")).resolve("scripts/token");
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), user, password);
        builder.environment().put("ISSUER", "http://localhost:" + port);
        if (service != null) {
            builder.environment().put("SERVICE", service);
        }
        Process process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(
                process.exitValue(),
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    /** The claims of a JWT, as JSON text. */
    static String claimsOf(String jwt) {
        return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    }
}
