package be.bruzel.platformtests;

import be.bruzel.localplatform.Endpoints;
import be.bruzel.localplatform.PlatformService;
import be.bruzel.localplatform.ServiceProcess;
import be.bruzel.platform.testing.TestInfrastructure;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The platform as the launcher runs it, one JVM per service, on the test's PostgreSQL and Kafka
 * (containers or embedded, as {@link TestInfrastructure} chose) and on free ports.
 */
final class RunningPlatform implements AutoCloseable {

    static final Path ROOT = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
    private static final Duration READY_WITHIN = Duration.ofMinutes(4);

    final Endpoints endpoints;
    private final Path logs;
    private final Map<PlatformService, ServiceProcess> processes = new EnumMap<>(PlatformService.class);

    private RunningPlatform(Endpoints endpoints, Path logs) {
        this.endpoints = endpoints;
        this.logs = logs;
    }

    static RunningPlatform start(Path logs) {
        TestInfrastructure.Postgres postgres = TestInfrastructure.postgres();
        Map<PlatformService, Integer> ports = new EnumMap<>(PlatformService.class);
        for (PlatformService service : PlatformService.values()) {
            ports.put(service, freePort());
        }
        Endpoints endpoints = new Endpoints(TestInfrastructure::database,
                database -> new Endpoints.Credentials(postgres.username(), postgres.password()),
                TestInfrastructure.kafkaBootstrapServers(), ports);
        RunningPlatform platform = new RunningPlatform(endpoints, logs);
        Stream.of(PlatformService.values()).forEach(platform::launch);
        platform.processes.values().forEach(process -> process.awaitHealthy(READY_WITHIN));
        return platform;
    }

    void launch(PlatformService service) {
        processes.put(service, ServiceProcess.start(service, ROOT, endpoints, logs));
    }

    void awaitHealthy(PlatformService service) {
        processes.get(service).awaitHealthy(READY_WITHIN);
    }

    /** Kills the service's process outright, as a crash would. */
    void kill(PlatformService service) {
        processes.remove(service).kill();
    }

    /** Signs in through the identity provider's login form with the README's script, as a person would. */
    String token(String user) throws IOException, InterruptedException {
        ProcessBuilder script = new ProcessBuilder("bash", ROOT.resolve("scripts/token").toString(), user, "demo");
        script.environment().put("ISSUER", endpoints.issuerUri());
        Process process = script.start();
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("no token for " + user + ": "
                    + new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }

    String gateway() {
        return endpoints.url(PlatformService.GATEWAY);
    }

    @Override
    public void close() {
        ServiceProcess.stopAll(List.copyOf(processes.values()));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
