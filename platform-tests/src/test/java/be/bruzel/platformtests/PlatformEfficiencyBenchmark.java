package be.bruzel.platformtests;

import be.bruzel.localplatform.PlatformService;
import be.bruzel.localplatform.ServiceProcess;
import be.bruzel.platform.testing.TestInfrastructure;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Benchmark, not a test: what the platform costs per referral, idle and at start, against what bare
 * PostgreSQL on the same machine can do. Prints one table:
 * <ul>
 *   <li>the anchor: a JDBC loop on the platform's own PostgreSQL committing a referral-shaped row (a copy
 *       of a real one, in a table like {@code referral}) plus an outbox row (like {@code event_publication})
 *       per transaction, 8 connections, 20 s;
 *   <li>the platform idle for 30 s, once every e-mail of the warm-up is sent: processor time per second of
 *       each process;
 *   <li>submissions through the gateway at fixed rates, open loop, 60 s each after a warm-up, from a load
 *       generator in a JVM of its own while a worker reads the inbox every 250 ms; each step's processor
 *       time counts until every referral has gone through the outbox, Kafka, notification-service and
 *       the statistics projection (e-mails still owed by then are reported); marginal processor time per
 *       referral = (time under load - idle) / referrals;
 *   <li>the highest rate sustained with p99 &le; 100 ms and no errors, and its ratio to the anchor;
 *   <li>resident memory idle and at that rate, and each service's time from launch to ready;
 *   <li>what the gateway adds to the p50 of a submission and of a read, against the same calls made straight to
 *       referral-service ({@link GatewayOverhead}).
 * </ul>
 * Run with {@code scripts/benchmark PlatformEfficiencyBenchmark}.
 */
public final class PlatformEfficiencyBenchmark {

    private static final int[] RATES = {50, 100, 200, 400, 800};
    private static final Duration STEP = Duration.ofSeconds(60);
    /**
     * Long enough for six JVMs to compile their hot paths on two cores: a running platform is warm. It climbs, since
     * 100/s at once on cold JVMs ended a third of the submissions with 503s, warming the paths of refusal instead.
     */
    private static final int[] WARM_UP_RATES = {20, 50, 100};

    private static final Duration WARM_UP_STEP = Duration.ofSeconds(40);
    private static final Duration IDLE = Duration.ofSeconds(30);
    private static final Duration ANCHOR = Duration.ofSeconds(20);
    private static final int ANCHOR_CONNECTIONS = 8;
    private static final Duration INBOX_REFRESH = Duration.ofMillis(250);
    private static final double SUSTAINED_P99_MILLIS = 100;
    private static final String LOAD = "load generator (own JVM)";

    private PlatformEfficiencyBenchmark() {}

    public static void main(String[] args) {
        RunningPlatform.runToCompletion(PlatformEfficiencyBenchmark::run);
    }

    private static void run() throws Exception {
        Path logs = Files.createTempDirectory("efficiency-benchmark");
        // A real mail server, so that every referral's e-mail is sent, not retried against a closed port.
        int smtpPort;
        try (ServerSocket free = new ServerSocket(0)) {
            smtpPort = free.getLocalPort();
        }
        GreenMail mailbox = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mailbox.start();
        Map<String, String> settings = new HashMap<>(RunningPlatform.LOAD);
        settings.put("SMTP_HOST", "127.0.0.1");
        settings.put("SMTP_PORT", String.valueOf(smtpPort));
        try (RunningPlatform platform = RunningPlatform.start(logs, settings);
                LoadGenerator load = LoadGenerator.start(
                        platform.gateway(),
                        "Bearer " + platform.token("gp.jette"),
                        "Bearer " + platform.token("worker.jette"),
                        INBOX_REFRESH,
                        logs.resolve("load-generator.log"))) {
            platform.awaitDirectoryCopies();
            int caches = startCaches();
            Usage usage = new Usage(platform, load);

            List<LoadGenerator.Step> warmUp = new ArrayList<>();
            for (int rate : WARM_UP_RATES) {
                warmUp.add(load.run(rate, WARM_UP_STEP));
            }
            awaitQuiet();
            awaitNoEmailOwed();
            mailbox.purgeEmailFromAllMailboxes();
            Map<String, Long> idleResident = usage.resident();
            Map<String, Duration> idleStart = usage.cpu();
            long idleStarted = System.nanoTime();
            Thread.sleep(IDLE);
            Map<String, Double> idleCores = usage.coresSince(idleStart, System.nanoTime() - idleStarted);
            double anchor = anchorTransactionsPerSecond();

            List<Measured> steps = new ArrayList<>();
            for (int rate : RATES) {
                Map<String, Duration> before = usage.cpu();
                long started = System.nanoTime();
                LoadGenerator.Step step = load.run(rate, STEP);
                Map<String, Long> resident = usage.resident();
                awaitQuiet();
                long elapsed = System.nanoTime() - started;
                Map<String, Duration> after = usage.cpu();
                Map<String, Double> marginal = new LinkedHashMap<>();
                long referrals = step.sent() - step.errors();
                after.forEach((part, time) -> marginal.put(
                        part,
                        (time.minus(before.get(part)).toNanos() / 1e6 - idleCores.get(part) * elapsed / 1e6)
                                / Math.max(1, referrals)));
                steps.add(new Measured(step, marginal, resident, mailbox.getReceivedMessages().length, emailsOwed()));
                // Held in this JVM's memory until purged.
                mailbox.purgeEmailFromAllMailboxes();
                if (!step.keptPace()) {
                    break;
                }
            }

            // Each step has waited for the platform to catch up: the calls below meet it quiet.
            GatewayOverhead gatewayOverhead = new GatewayOverhead(
                    platform.gateway(),
                    "Bearer " + platform.token("gp.jette"),
                    platform.endpoints.url(PlatformService.REFERRAL),
                    "Bearer " + platform.serviceToken("gp.jette", PlatformService.REFERRAL));
            List<GatewayOverhead.Compared> overhead = List.of(gatewayOverhead.submission(), gatewayOverhead.read());

            print(platform, caches, warmUp, anchor, idleCores, idleResident, steps, overhead);
        } finally {
            mailbox.stop();
        }
    }

    /** One rate: the load generator's figures, marginal processor time per referral and memory per part. */
    private record Measured(
            LoadGenerator.Step step,
            Map<String, Double> marginalMillis,
            Map<String, Long> resident,
            int emails,
            long emailsOwed) {

        boolean sustained() {
            return step.keptPace() && step.submissionP99() <= SUSTAINED_P99_MILLIS;
        }

        double totalMillis(String except) {
            return marginalMillis.entrySet().stream()
                    .filter(part -> !part.getKey().equals(except))
                    .mapToDouble(Map.Entry::getValue)
                    .sum();
        }
    }

    /** Processor time and memory of each part: the services, PostgreSQL, this JVM (the broker) and the load. */
    private record Usage(RunningPlatform platform, LoadGenerator load) {

        Map<String, Duration> cpu() {
            Map<String, Duration> times = new LinkedHashMap<>(platform.cpuTimes());
            times.put(LOAD, ProcessUsage.cpu(load.pid()));
            return times;
        }

        Map<String, Double> coresSince(Map<String, Duration> start, long elapsedNanos) {
            Map<String, Double> cores = new LinkedHashMap<>();
            cpu().forEach((part, time) ->
                    cores.put(part, time.minus(start.get(part)).toNanos() / (double) elapsedNanos));
            return cores;
        }

        Map<String, Long> resident() {
            Map<String, Long> bytes = new LinkedHashMap<>();
            for (PlatformService service : PlatformService.values()) {
                bytes.put(service.module(), platform.residentBytes(service).orElse(0));
            }
            bytes.put("postgresql", ProcessUsage.postgresResident());
            bytes.put(
                    RunningPlatform.THIS_JVM,
                    ProcessUsage.resident(ProcessHandle.current().pid()).orElse(0));
            bytes.put(LOAD, ProcessUsage.resident(load.pid()).orElse(0));
            return bytes;
        }
    }

    /**
     * The anchor: what bare PostgreSQL commits on this machine, in the same run, of what one
     * submission must make durable at least, a referral and its event, without any service around it.
     */
    private static double anchorTransactionsPerSecond() throws Exception {
        TestInfrastructure.Postgres server = TestInfrastructure.postgres();
        String url = TestInfrastructure.database("referral");
        try (Connection setup = DriverManager.getConnection(url, server.username(), server.password());
                Statement statement = setup.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS anchor_referral, anchor_outbox");
            statement.execute("CREATE TABLE anchor_referral (LIKE referral INCLUDING ALL)");
            statement.execute("CREATE TABLE anchor_outbox (LIKE event_publication INCLUDING ALL)");
            List<String> columns = new ArrayList<>();
            try (ResultSet result = statement.executeQuery("SELECT column_name FROM information_schema.columns"
                    + " WHERE table_name = 'referral' AND is_generated = 'NEVER' ORDER BY ordinal_position")) {
                while (result.next()) {
                    columns.add(result.getString(1));
                }
            }
            List<Object> referral = new ArrayList<>();
            try (ResultSet result =
                    statement.executeQuery("SELECT " + String.join(", ", columns) + " FROM referral LIMIT 1")) {
                result.next();
                for (int column = 1; column <= columns.size(); column++) {
                    referral.add(result.getObject(column));
                }
            }
            String event;
            try (ResultSet result = statement.executeQuery(
                    "SELECT serialized_event FROM event_publication ORDER BY publication_date DESC LIMIT 1")) {
                event = result.next() ? result.getString(1) : "{}";
            }
            LongAdder committed = new LongAdder();
            long deadline = System.nanoTime() + ANCHOR.toNanos();
            String insertReferral = "INSERT INTO anchor_referral (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", columns.stream().map(column -> "?").toList()) + ")";
            List<Thread> connections = Stream.generate(() -> Thread.ofPlatform().start(() -> {
                        try (Connection connection =
                                        DriverManager.getConnection(url, server.username(), server.password());
                                PreparedStatement row = connection.prepareStatement(insertReferral);
                                PreparedStatement outbox = connection.prepareStatement(
                                        "INSERT INTO anchor_outbox (id, listener_id, event_type, serialized_event,"
                                                + " publication_date, status, completion_attempts)"
                                                + " VALUES (?, 'anchor', 'referral.submitted', ?, now(), 'PUBLISHED', 1)")) {
                            connection.setAutoCommit(false);
                            while (System.nanoTime() < deadline) {
                                for (int column = 0; column < columns.size(); column++) {
                                    row.setObject(
                                            column + 1,
                                            columns.get(column).equals("id")
                                                    ? UUID.randomUUID()
                                                    : referral.get(column));
                                }
                                row.executeUpdate();
                                outbox.setObject(1, UUID.randomUUID());
                                outbox.setString(2, event);
                                outbox.executeUpdate();
                                connection.commit();
                                committed.increment();
                            }
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    }))
                    .limit(ANCHOR_CONNECTIONS)
                    .toList();
            for (Thread connection : connections) {
                connection.join();
            }
            statement.execute("DROP TABLE anchor_referral, anchor_outbox");
            return committed.sum() / (double) ANCHOR.toSeconds();
        }
    }

    /**
     * Until every referral's events have gone all the way: none left in referral-service's outbox, no
     * consumer group behind on any topic (notification-service, the statistics projection, ...).
     */
    private static void awaitQuiet() throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        try (Admin admin = Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers()))) {
            while (System.nanoTime() < deadline) {
                if (RunningPlatform.count(
                                        "referral",
                                        "SELECT count(*) FROM event_publication WHERE completion_date IS NULL")
                                == 0
                        && lag(admin) == 0) {
                    return;
                }
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("The platform did not catch up within 3 minutes");
    }

    /**
     * Until every e-mail is sent: those held for the burst window go out up to a minute later, and sending
     * them belongs to the referrals before, not to the idle after. A step does not wait for them (the
     * sender is slower than the higher rates); it reports how many were still owed.
     */
    private static void awaitNoEmailOwed() throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (emailsOwed() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(emailsOwed() + " e-mails still owed after 10 minutes");
            }
            Thread.sleep(500);
        }
    }

    private static long emailsOwed() throws Exception {
        return RunningPlatform.count(
                "notification", "SELECT count(*) FROM email WHERE status IN ('PENDING', 'FAILED')");
    }

    private static long lag(Admin admin) throws Exception {
        long lag = 0;
        for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata()
                    .get();
            Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
            committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get();
            for (var partition : committed.entrySet()) {
                if (partition.getValue() != null) {
                    lag += ends.get(partition.getKey()).offset()
                            - partition.getValue().offset();
                }
            }
        }
        return lag;
    }

    /**
     * The start caches the services started with: counted once they run, when earlier builds' directories are
     * gone and a cache being recorded is not yet written (that happens when the service stops).
     */
    private static int startCaches() throws Exception {
        int caches = 0;
        for (PlatformService service : PlatformService.values()) {
            try (Stream<Path> unpacked =
                    Files.list(RunningPlatform.ROOT.resolve(service.module()).resolve("target"))) {
                caches += (int) unpacked.filter(path -> Files.exists(path.resolve(ServiceProcess.startCacheName())))
                        .count();
            }
        }
        return caches;
    }

    private static void print(
            RunningPlatform platform,
            int caches,
            List<LoadGenerator.Step> warmUp,
            double anchor,
            Map<String, Double> idleCores,
            Map<String, Long> idleResident,
            List<Measured> steps,
            List<GatewayOverhead.Compared> overhead) {
        System.out.printf(
                Locale.ROOT,
                "%nPlatform efficiency, %s, %d cores, %s%n",
                LocalDate.now(),
                Runtime.getRuntime().availableProcessors(),
                TestInfrastructure.kind() == TestInfrastructure.Kind.EMBEDDED
                        ? "embedded PostgreSQL and Kafka"
                        : "PostgreSQL and Kafka in containers");
        warmUp.forEach(step -> System.out.printf(
                Locale.ROOT,
                "warm-up: %d/s for %d s, submission p99 %.1f ms, %d errors%n",
                step.plannedRate(),
                WARM_UP_STEP.toSeconds(),
                step.submissionP99(),
                step.errors()));
        System.out.printf(
                Locale.ROOT,
                "anchor: bare PostgreSQL, a referral row + an outbox row per transaction, %d connections, %d s: %.0f transactions/s%n",
                ANCHOR_CONNECTIONS,
                ANCHOR.toSeconds(),
                anchor);

        System.out.printf(
                Locale.ROOT,
                "%nSubmissions through the gateway (open loop, %d s per rate; the inbox read every %d ms)%n",
                STEP.toSeconds(),
                INBOX_REFRESH.toMillis());
        System.out.printf(
                Locale.ROOT,
                "%-8s %9s %9s %9s %9s %9s %7s %9s %7s %7s%n",
                "rate/s",
                "achieved",
                "sub p50",
                "sub p99",
                "inbox p50",
                "inbox p99",
                "errors",
                "unseen",
                "mails",
                "owed");
        for (Measured measured : steps) {
            LoadGenerator.Step step = measured.step();
            System.out.printf(
                    Locale.ROOT,
                    "%-8d %9.1f %7.1f ms %6.1f ms %6.1f ms %6.1f ms %7d %9d %7d %7d%s%n",
                    step.plannedRate(),
                    step.achievedRate(),
                    step.submissionP50(),
                    step.submissionP99(),
                    step.inboxP50(),
                    step.inboxP99(),
                    step.errors(),
                    step.neverSeen(),
                    measured.emails(),
                    measured.emailsOwed(),
                    step.firstError() == null ? "" : "  first error: " + abbreviated(step.firstError()));
        }

        System.out.printf(Locale.ROOT, "%nProcessor time: idle (cores) and marginal per referral (ms) at each rate%n");
        System.out.printf(Locale.ROOT, "%-36s %8s", "", "idle");
        steps.forEach(measured ->
                System.out.printf(Locale.ROOT, " %8s", measured.step().plannedRate() + "/s"));
        System.out.println();
        for (String part : idleCores.keySet()) {
            System.out.printf(Locale.ROOT, "%-36s %8.3f", part, idleCores.get(part));
            steps.forEach(measured -> System.out.printf(
                    Locale.ROOT, " %8.2f", measured.marginalMillis().get(part)));
            System.out.println();
        }
        System.out.printf(
                Locale.ROOT,
                "%-36s %8.3f",
                "platform (all but the load)",
                idleCores.entrySet().stream()
                        .filter(part -> !part.getKey().equals(LOAD))
                        .mapToDouble(Map.Entry::getValue)
                        .sum());
        steps.forEach(measured -> System.out.printf(Locale.ROOT, " %8.2f", measured.totalMillis(LOAD)));
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "%-36s %8.3f%n",
                "services (the six JVMs)",
                Stream.of(PlatformService.values())
                        .mapToDouble(service -> idleCores.get(service.module()))
                        .sum());

        Measured highest = steps.stream()
                .filter(Measured::sustained)
                .reduce((first, second) -> second)
                .orElse(null);
        System.out.printf(
                Locale.ROOT,
                "%nhighest rate sustained (submission p99 <= %.0f ms, no errors): %s%n",
                SUSTAINED_P99_MILLIS,
                highest == null
                        ? "none"
                        : String.format(
                                Locale.ROOT,
                                "%d/s = %.1f%% of the anchor",
                                highest.step().plannedRate(),
                                100.0 * highest.step().plannedRate() / anchor));

        System.out.printf(Locale.ROOT, "%nResident memory (MiB; PostgreSQL as its proportional share)%n");
        System.out.printf(
                Locale.ROOT,
                "%-36s %8s %8s%n",
                "",
                "idle",
                highest == null ? "" : highest.step().plannedRate() + "/s");
        for (String part : idleResident.keySet()) {
            System.out.printf(
                    Locale.ROOT,
                    "%-36s %8.0f %8s%n",
                    part,
                    idleResident.get(part) / 1048576.0,
                    highest == null
                            ? ""
                            : String.format(
                                    Locale.ROOT, "%.0f", highest.resident().get(part) / 1048576.0));
        }
        System.out.printf(
                Locale.ROOT,
                "%-36s %8.0f%n",
                "services (the six JVMs)",
                Stream.of(PlatformService.values())
                                .mapToLong(service -> idleResident.get(service.module()))
                                .sum()
                        / 1048576.0);

        System.out.printf(
                Locale.ROOT,
                "%nFrom launch to ready (%d of %d services had a start cache, %s)%n",
                caches,
                PlatformService.values().length,
                ServiceProcess.startCacheName());
        platform.readyAfter().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(service -> System.out.printf(
                        Locale.ROOT,
                        "%-36s %6.1f s%n",
                        service.getKey().module(),
                        service.getValue().toMillis() / 1e3));
        System.out.printf(
                Locale.ROOT,
                "%-36s %6.1f s%n",
                "the whole platform",
                platform.platformReadyAfter().toMillis() / 1e3);
        System.out.printf(
                Locale.ROOT,
                "%nThe same call through the gateway and straight to referral-service (one at a time, alternated,"
                        + " %d each after %d)%n",
                GatewayOverhead.MEASURED,
                GatewayOverhead.WARM_UP);
        overhead.forEach(GatewayOverhead.Compared::print);
        System.out.printf(
                Locale.ROOT,
                "%ntargets: marginal <= 2 ms per referral in total; highest sustained >= 15%% of the anchor;"
                        + " at 100/s submission p99 <= 50 ms and to inbox p99 <= 200 ms; idle services <= 1 GiB and"
                        + " <= 0.05 core; each service ready <= 5 s; the gateway adds <= 15%% to the p50%n");
    }

    private static String abbreviated(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "...";
    }
}
