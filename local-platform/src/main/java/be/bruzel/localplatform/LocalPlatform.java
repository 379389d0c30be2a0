package be.bruzel.localplatform;

import be.bruzel.platform.smscentre.LocalSmsCentre;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the whole platform on this machine with nothing but a JDK, and stops it on Ctrl-C.
 *
 * <pre>
 *   java -jar local-platform/target/local-platform-*-exec.jar [--clean] [--data=.platform-data]
 * </pre>
 */
public final class LocalPlatform {

    private static final Logger log = LoggerFactory.getLogger(LocalPlatform.class);

    static final int POSTGRES_PORT = 55432;
    static final int KAFKA_PORT = 59092;
    static final int KAFKA_CONTROLLER_PORT = 59093;
    /** Where notification-service sends mail by default (SMTP_PORT), and where the demo shows it. */
    static final int SMTP_PORT = 3025;

    static final int MAILBOX_PAGE_PORT = 8025;
    /** Where referral-service sends text messages to persons (SMPP), and the demo keeps them. */
    static final int SMPP_PORT = 2775;

    static final Duration READY_WITHIN = Duration.ofMinutes(3);

    private LocalPlatform() {}

    public static void main(String[] args) throws Exception {
        List<String> arguments = Arrays.asList(args);
        Path root = Path.of(System.getProperty("platform.root", "."))
                .toAbsolutePath()
                .normalize();
        Path data = arguments.stream()
                .filter(arg -> arg.startsWith("--data="))
                .findFirst()
                .map(arg -> Path.of(arg.substring("--data=".length())))
                .orElse(root.resolve(".platform-data"))
                .toAbsolutePath();
        if (arguments.contains("--clean")) {
            deleteRecursively(data);
            log.info("Starting clean: removed {}", data);
        }

        long started = System.nanoTime();
        LocalDatabase database = LocalDatabase.start(data.resolve("postgres"), POSTGRES_PORT);
        // As in production: each service signs in as itself over TLS and may do only what its ACLs allow.
        SecuredKafka kafka = SecuredKafka.start(data.resolve("kafka"), KAFKA_PORT, KAFKA_CONTROLLER_PORT);
        // The demo's SMS centre takes a password of its own each start: SMPP allows 8 characters.
        String smsPassword = Secrets.random().substring(0, 8);
        LocalSmsCentre sms = LocalSmsCentre.start(SMPP_PORT, "referral", smsPassword);
        LocalMailbox mailbox = LocalMailbox.start(SMTP_PORT, MAILBOX_PAGE_PORT, sms);
        for (PlatformService service : PlatformService.values()) {
            service.database().ifPresent(name -> ensure(database, name));
        }
        log.info("PostgreSQL on port {} and Kafka at {} (SASL_SSL) are up", database.port(), kafka.bootstrapServers());

        Endpoints endpoints = new Endpoints(
                database::jdbcUrl,
                name -> new Endpoints.Credentials(name, name),
                kafka.bootstrapServers(),
                kafka::environmentOf,
                Endpoints.defaultPorts(),
                Endpoints.defaultManagementPorts(),
                Map.of(
                        "SMS_SMPP_HOST",
                        "127.0.0.1",
                        "SMS_SMPP_PORT",
                        String.valueOf(SMPP_PORT),
                        "SMS_SMPP_SYSTEM_ID",
                        "referral",
                        "SMS_SMPP_PASSWORD",
                        smsPassword));
        List<ServiceProcess> processes = new ArrayList<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Stopping the platform...");
            ServiceProcess.stopAll(processes);
            kafka.close();
            mailbox.close();
            sms.close();
            closeQuietly(database);
            stopped.countDown();
            log.info("Stopped. Data is kept in {}", data);
        }));

        for (PlatformService service : PlatformService.values()) {
            processes.add(ServiceProcess.start(service, root, endpoints, data.resolve("logs")));
        }
        try {
            processes.forEach(process -> process.awaitHealthy(READY_WITHIN));
        } catch (IllegalStateException notReady) {
            log.error("The platform did not start: {}", notReady.getMessage());
            System.exit(1);
        }
        Duration ready = Duration.ofNanos(System.nanoTime() - started);
        System.out.println(banner(endpoints, data, ready));
        stopped.await();
    }

    private static String banner(Endpoints endpoints, Path data, Duration ready) {
        return """

                ================================================================================
                 The social referral platform is running (ready in %.1f s).

                 Web application and API:          %s
                 Identity provider:                 %s
                 Mail and texts the platform sent:  http://localhost:%d
                 API documentation (Swagger UI):    %s/swagger-ui.html  (referrals)
                                                    %s/swagger-ui.html  (directory)
                                                    %s/swagger-ui.html  (notifications)
                                                    %s/swagger-ui.html  (statistics)

                 Demo logins (password "demo" for all):
                   gp.jette          referrer, a GP in Jette (gp.schaerbeek: in French)
                   worker.jette      organisation worker, OCMW Jette (worker.ldc.jette, worker.caw too)
                   helpdesk.noord    the helpdesk of care zone Noord
                   analyst.bruzel    BruZEL analyst
                   admin             platform administrator

                 A token from the command line:  scripts/token gp.jette
   (for a service's own port and its Swagger UI: SERVICE=referral-service scripts/token gp.jette)
                 Logs and data:                  %s
                 Stop with Ctrl-C; start clean with --clean.
                ================================================================================
                """.formatted(
                        ready.toMillis() / 1000.0,
                        endpoints.url(PlatformService.GATEWAY),
                        endpoints.issuerUri(),
                        MAILBOX_PAGE_PORT,
                        endpoints.url(PlatformService.REFERRAL),
                        endpoints.url(PlatformService.DIRECTORY),
                        endpoints.url(PlatformService.NOTIFICATION),
                        endpoints.url(PlatformService.STATISTICS),
                        data);
    }

    private static void ensure(LocalDatabase database, String name) {
        try {
            database.ensureDatabase(name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot create database " + name, e);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            log.warn("Stopping {} failed: {}", closeable.getClass().getSimpleName(), e.getMessage());
        }
    }

    private static void deleteRecursively(Path directory) throws java.io.IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
