package be.bruzel.platformtests;

import static org.awaitility.Awaitility.await;

import be.bruzel.localplatform.Endpoints;
import be.bruzel.localplatform.PlatformService;
import be.bruzel.localplatform.SecuredKafka;
import be.bruzel.localplatform.ServiceProcess;
import be.bruzel.platform.testing.TestInfrastructure;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The platform as the launcher runs it, one JVM per service, on the test's PostgreSQL and Kafka
 * (containers or embedded, as {@link TestInfrastructure} chose) and on free ports.
 */
final class RunningPlatform implements AutoCloseable {

    static final Path ROOT =
            Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
    private static final Duration READY_WITHIN = Duration.ofMinutes(4);

    /** This JVM as a part of the platform: it runs the embedded broker, and a benchmark's mail server where it has one. */
    static final String THIS_JVM = "kafka broker + SMTP + benchmark (this JVM)";

    final Endpoints endpoints;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Path logs;
    private final Map<PlatformService, ServiceProcess> processes = new EnumMap<>(PlatformService.class);
    private final Map<PlatformService, Long> launchedAt = new EnumMap<>(PlatformService.class);
    private final Map<PlatformService, Long> readyAt = new EnumMap<>(PlatformService.class);
    /** The platform's own broker, when it has one rather than the test's. */
    final SecuredKafka securedKafka;

    private RunningPlatform(Endpoints endpoints, Path logs, SecuredKafka securedKafka) {
        this.endpoints = endpoints;
        this.logs = logs;
        this.securedKafka = securedKafka;
    }

    /**
     * A benchmark plays many people with one token each: the gateway's limits per person and per
     * address are raised out of its way (their buckets are still counted, so their cost is measured).
     */
    static final Map<String, String> LOAD = Map.of(
            "GATEWAY_RATE_LIMIT_ANONYMOUS",
            "100000000",
            "GATEWAY_RATE_LIMIT_PERSON",
            "100000000",
            "GATEWAY_RATE_LIMIT_WRITES",
            "100000000");

    static RunningPlatform start(Path logs) {
        return start(logs, Map.of());
    }

    /** With settings of the test's own, e.g. {@link #LOAD}. */
    static RunningPlatform start(Path logs, Map<String, String> settings) {
        return start(logs, settings, null);
    }

    /**
     * On a Kafka broker of its own, secured as {@code ./run} secures it (SASL/SCRAM over TLS, a user per
     * service, the platform's ACLs), rather than on the test's.
     */
    static RunningPlatform startOnSecuredKafka(Path logs, Map<String, String> settings) throws Exception {
        return start(
                logs, settings, SecuredKafka.start(Files.createTempDirectory("secured-kafka"), freePort(), freePort()));
    }

    private static RunningPlatform start(Path logs, Map<String, String> settings, SecuredKafka securedKafka) {
        TestInfrastructure.Postgres postgres = TestInfrastructure.postgres();
        Map<PlatformService, Integer> ports = new EnumMap<>(PlatformService.class);
        Map<PlatformService, Integer> managementPorts = new EnumMap<>(PlatformService.class);
        for (PlatformService service : PlatformService.values()) {
            ports.put(service, freePort());
            managementPorts.put(service, freePort());
        }
        Endpoints endpoints = new Endpoints(
                TestInfrastructure::database,
                database -> new Endpoints.Credentials(postgres.username(), postgres.password()),
                securedKafka == null ? TestInfrastructure.kafkaBootstrapServers() : securedKafka.bootstrapServers(),
                securedKafka == null ? service -> Map.of() : securedKafka::environmentOf,
                ports,
                managementPorts,
                settings);
        RunningPlatform platform = new RunningPlatform(endpoints, logs, securedKafka);
        try {
            Stream.of(PlatformService.values()).forEach(platform::launch);
            platform.awaitAllHealthy();
        } catch (RuntimeException notStarted) {
            // A service that does not come up must not leave the others running behind the failure.
            platform.close();
            throw notStarted;
        }
        return platform;
    }

    void launch(PlatformService service) {
        launchedAt.put(service, System.nanoTime());
        processes.put(service, ServiceProcess.start(service, ROOT, endpoints, logs));
    }

    /** Waits for every service at once, so that each one's time to ready is its own, not its predecessor's. */
    private void awaitAllHealthy() {
        Map<PlatformService, Future<Long>> ready = new EnumMap<>(PlatformService.class);
        try (ExecutorService waiting = Executors.newVirtualThreadPerTaskExecutor()) {
            processes.forEach((service, process) -> ready.put(service, waiting.submit(() -> {
                process.awaitHealthy(READY_WITHIN);
                return System.nanoTime();
            })));
            for (Map.Entry<PlatformService, Future<Long>> service : ready.entrySet()) {
                readyAt.put(service.getKey(), service.getValue().get());
            }
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof RuntimeException notReady
                    ? notReady
                    : new IllegalStateException(failed.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** From each service's launch until it was first ready, at the platform's start. */
    Map<PlatformService, Duration> readyAfter() {
        Map<PlatformService, Duration> after = new EnumMap<>(PlatformService.class);
        readyAt.forEach((service, at) -> after.put(service, Duration.ofNanos(at - launchedAt.get(service))));
        return after;
    }

    /** From the first launch until every service was ready. */
    Duration platformReadyAfter() {
        return Duration.ofNanos(Collections.max(readyAt.values()) - Collections.min(launchedAt.values()));
    }

    void awaitHealthy(PlatformService service) {
        processes.get(service).awaitHealthy(READY_WITHIN);
    }

    /** Stops the service gracefully, as an operator would: its consumers leave their groups at once. */
    void stop(PlatformService service) {
        ServiceProcess.stopAll(List.of(processes.remove(service)));
    }

    /** Kills the service's process outright, as a crash would. */
    void kill(PlatformService service) {
        processes.remove(service).kill();
    }

    /** Signs in through the identity provider's login form with the README's script, as a person would. */
    String token(String user) throws IOException, InterruptedException {
        return token(endpoints.issuerUri(), user, null);
    }

    /** A token for one service's own port (the gateway exchanges the others for one like it). */
    String serviceToken(String user, PlatformService service) throws IOException, InterruptedException {
        return token(endpoints.issuerUri(), user, service.module());
    }

    /** Signed in at the demo identity provider, which runs whoever the platform trusts. */
    String demoProviderToken(String user) throws IOException, InterruptedException {
        return token(endpoints.url(PlatformService.IDENTITY_PROVIDER), user, null);
    }

    private String token(String issuer, String user, String service) throws IOException, InterruptedException {
        ProcessBuilder script =
                new ProcessBuilder("bash", ROOT.resolve("scripts/token").toString(), user, "demo");
        script.environment().put("ISSUER", issuer);
        if (service != null) {
            script.environment().put("SERVICE", service);
        }
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

    /** A GET through the gateway, with a bearer token. */
    HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(gateway() + path))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A POST of JSON through the gateway, with a bearer token. */
    HttpResponse<String> post(String path, String token, String json) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(gateway() + path))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** What a benchmark does between starting its platform and printing its figures. */
    interface Benchmark {
        void run() throws Exception;
    }

    /** Runs a benchmark's main and ends the JVM: the embedded broker and database keep non-daemon threads. */
    static void runToCompletion(Benchmark benchmark) {
        int status = 0;
        try {
            benchmark.run();
        } catch (Exception | AssertionError failed) {
            failed.printStackTrace();
            status = 1;
        }
        TestInfrastructure.stopEmbeddedKafka();
        System.exit(status);
    }

    /** Until referral-service (which routes from it) and statistics-service (which names from it) have the directory. */
    void awaitDirectoryCopies() {
        for (String database : List.of("referral", "statistics")) {
            await().atMost(Duration.ofSeconds(90))
                    .until(() -> count(
                                    database,
                                    "SELECT (SELECT count(*) FROM directory_area WHERE '1090' = ANY (postcodes))"
                                            + " * (SELECT count(*) FROM directory_theme WHERE theme_code = 'finances' AND active)")
                            > 0);
        }
    }

    /** Resident memory of the service's process, as the operating system counts it (Linux only). */
    OptionalLong residentBytes(PlatformService service) {
        return ProcessUsage.resident(processes.get(service).pid());
    }

    /** Processor time each part of the platform has used so far: the services, PostgreSQL and this JVM. */
    Map<String, Duration> cpuTimes() {
        Map<String, Duration> times = new java.util.LinkedHashMap<>();
        processes.forEach((service, process) -> times.put(service.module(), ProcessUsage.cpu(process.pid())));
        times.put("postgresql", ProcessUsage.postgresCpu());
        times.put(THIS_JVM, ProcessUsage.cpu(ProcessHandle.current().pid()));
        return times;
    }

    /** How many events notification-service's referral-events consumer has handled, each once. */
    static long notificationEventsHandled() throws SQLException {
        return count(
                "notification",
                "SELECT count(*) FROM processed_event WHERE consumer = 'notification-service.referral-events'");
    }

    /** The organisations of the demo social map that can receive a Jette referral, and a demo worker of each. */
    static final Map<String, String> DEMO_WORKERS = Map.of(
            "ocmw-jette",
            "worker.jette",
            "caw-brussel",
            "worker.caw",
            "ldc-jette",
            "worker.ldc.jette",
            "helpdesk-noord",
            "helpdesk.noord");

    /** A demo worker of the organisation that has this referral now. */
    static String workerFor(String referralId) throws SQLException {
        return DEMO_WORKERS.get(TestInfrastructure.text(
                "referral", "SELECT receiving_organisation_id FROM referral WHERE id = ?::uuid", referralId));
    }

    /** A count in a service's own database, read directly as an auditor would. */
    static long count(String database, String sql, Object... parameters) throws SQLException {
        return TestInfrastructure.count(database, sql, parameters);
    }

    /** A change to a service's own database, as an operator would make it. */
    static void update(String database, String sql) throws SQLException {
        TestInfrastructure.update(database, sql);
    }

    @Override
    public void close() {
        ServiceProcess.stopAll(List.copyOf(processes.values()));
        if (securedKafka != null) {
            securedKafka.close();
        }
    }

    private static final AtomicInteger NEXT_PORT =
            new AtomicInteger(20_000 + ThreadLocalRandom.current().nextInt(4_000));

    /**
     * A port no one listens on, below Linux's ephemeral range (32768 and up), and never the same twice in a run: a
     * port the system hands out (bind to 0) can be taken by any outgoing connection (to Kafka, to PostgreSQL) before
     * the service started on it binds it, and then the service does not start.
     */
    static int freePort() {
        while (true) {
            int port = NEXT_PORT.getAndIncrement();
            if (port >= 32768) {
                throw new IllegalStateException("no free port left below the ephemeral range");
            }
            try (ServerSocket socket = new ServerSocket(port)) {
                return port;
            } catch (IOException taken) {
                // Someone listens there: the next one.
            }
        }
    }
}
