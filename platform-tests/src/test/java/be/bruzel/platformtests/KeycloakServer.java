package be.bruzel.platformtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Keycloak: its distribution from Maven Central, which the build unpacks into {@code target/keycloak}
 * ({@code keycloak.home}), started in development mode on a free port with the platform's realm
 * ({@code docker/keycloak/realm-bruzel.json}) imported afresh.
 */
final class KeycloakServer implements AutoCloseable {

    static final String REALM = "bruzel";
    private static final Duration READY_WITHIN = Duration.ofMinutes(3);

    private final Process process;
    private final int port;

    private KeycloakServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The issuer a Keycloak on this port names in its tokens. */
    static String issuerAt(int port) {
        return "http://localhost:" + port + "/realms/" + REALM;
    }

    /**
     * @param webUrl where the platform's web application is: the realm lets the gateway's client send
     *        people back there and nowhere else
     */
    static KeycloakServer start(int port, Path logs, String webUrl) throws IOException {
        Path home = Path.of(System.getProperty("keycloak.home", "target/keycloak/keycloak"))
                .toAbsolutePath();
        if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("No Keycloak distribution at " + home + ": run the build (mvn verify)");
        }
        // Development mode keeps its database under data/: a fresh one, so the realm is imported as it is today.
        deleteRecursively(home.resolve("data"));
        Files.createDirectories(home.resolve("data/import"));
        Files.copy(
                RunningPlatform.ROOT.resolve("docker/keycloak/realm-bruzel.json"),
                home.resolve("data/import/realm-bruzel.json"));
        Files.createDirectories(logs);
        ProcessBuilder keycloak = new ProcessBuilder(
                        "bash",
                        home.resolve("bin/kc.sh").toString(),
                        "start-dev",
                        "--http-port=" + port,
                        "--http-management-port=" + RunningPlatform.freePort(),
                        "--import-realm")
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve("keycloak.log").toFile());
        keycloak.environment().put("JAVA_HOME", System.getProperty("java.home"));
        // The realm file reads these (Keycloak replaces ${NAME:default} in an imported realm).
        keycloak.environment().put("PLATFORM_WEB_URL", webUrl);
        KeycloakServer server = new KeycloakServer(keycloak.start(), port);
        try {
            server.awaitReady();
        } catch (RuntimeException notStarted) {
            server.close();
            throw notStarted;
        }
        return server;
    }

    String issuer() {
        return issuerAt(port);
    }

    private void awaitReady() {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest discovery = HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5))
                .build();
        Instant deadline = Instant.now().plus(READY_WITHIN);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak stopped while starting: see keycloak.log");
            }
            try {
                if (http.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(Duration.ofMillis(500));
        }
        throw new IllegalStateException("Keycloak was not ready within " + READY_WITHIN);
    }

    @Override
    public void close() {
        // kc.sh runs Keycloak's JVM as its child: both go.
        Stream.concat(process.descendants(), Stream.of(process.toHandle())).forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
