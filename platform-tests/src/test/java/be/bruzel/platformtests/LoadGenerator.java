package be.bruzel.platformtests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The GPs and the worker of {@link ReferralLoad} in a JVM of their own, so that what the load costs
 * is not counted as the platform's (nor the platform's broker as the load's). The benchmark writes
 * a step to its standard input, {@code <rate> <seconds>}, and reads one line of figures back.
 */
final class LoadGenerator implements AutoCloseable {

    private static final Duration ALL_SEEN_WITHIN = Duration.ofSeconds(30);
    /** The largest inbox page: every referral is seen up to 400/s with a read every 250 ms. */
    private static final int INBOX_PAGE = 100;

    private final Process process;
    private final PrintWriter steps;
    private final BufferedReader figures;

    private LoadGenerator(Process process) {
        this.process = process;
        this.steps = new PrintWriter(process.outputWriter(StandardCharsets.UTF_8), true);
        this.figures = process.inputReader(StandardCharsets.UTF_8);
    }

    /**
     * @param inboxRefresh how often the worker reads the inbox
     * @param output where the generator's own diagnostics go
     */
    static LoadGenerator start(
            String gateway, String referrerBearer, String workerBearer, Duration inboxRefresh, Path output) {
        ProcessBuilder builder = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-XX:+UseSerialGC",
                        "-Xmx256m",
                        "-cp",
                        classPath(),
                        LoadGenerator.class.getName())
                .redirectError(ProcessBuilder.Redirect.appendTo(output.toFile()));
        Map<String, String> environment = builder.environment();
        environment.put("LOAD_GATEWAY", gateway);
        // In the environment rather than the command line, where any user of the machine may read them.
        environment.put("LOAD_REFERRER_BEARER", referrerBearer);
        environment.put("LOAD_WORKER_BEARER", workerBearer);
        environment.put("LOAD_INBOX_REFRESH_MS", String.valueOf(inboxRefresh.toMillis()));
        try {
            return new LoadGenerator(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the load generator", e);
        }
    }

    /** Submits at a fixed rate for a while and waits until the inbox showed each accepted referral (or 30 s). */
    Step run(int perSecond, Duration duration) throws IOException {
        steps.println(perSecond + " " + duration.toSeconds());
        String line = figures.readLine();
        if (line == null) {
            throw new IllegalStateException(
                    "The load generator stopped; exit code " + (process.isAlive() ? "none yet" : process.exitValue()));
        }
        return Step.parse(line);
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        steps.close();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /** The figures of one step, in milliseconds. */
    record Step(
            int plannedRate,
            int sent,
            long errors,
            String firstError,
            double achievedRate,
            double submissionP50,
            double submissionP99,
            double inboxP50,
            double inboxP99,
            int neverSeen) {

        boolean keptPace() {
            return ReferralLoad.keptPace(plannedRate, errors, achievedRate, submissionP99);
        }

        String line() {
            return String.format(
                    Locale.ROOT,
                    "rate=%d sent=%d errors=%d achieved=%.1f sub50=%.2f sub99=%.2f inbox50=%.2f inbox99=%.2f unseen=%d"
                            + " firstError=%s",
                    plannedRate,
                    sent,
                    errors,
                    achievedRate,
                    submissionP50,
                    submissionP99,
                    inboxP50,
                    inboxP99,
                    neverSeen,
                    firstError == null ? "" : firstError.replaceAll("\\s+", " "));
        }

        static Step parse(String line) {
            int error = line.indexOf(" firstError=");
            Map<String, String> values = new HashMap<>();
            for (String pair : line.substring(0, error).split(" ")) {
                String[] keyValue = pair.split("=", 2);
                values.put(keyValue[0], keyValue[1]);
            }
            String firstError = line.substring(error + " firstError=".length());
            return new Step(
                    Integer.parseInt(values.get("rate")),
                    Integer.parseInt(values.get("sent")),
                    Long.parseLong(values.get("errors")),
                    firstError.isEmpty() ? null : firstError,
                    Double.parseDouble(values.get("achieved")),
                    Double.parseDouble(values.get("sub50")),
                    Double.parseDouble(values.get("sub99")),
                    Double.parseDouble(values.get("inbox50")),
                    Double.parseDouble(values.get("inbox99")),
                    Integer.parseInt(values.get("unseen")));
        }
    }

    /** The generator's side: reads steps until its input ends. */
    public static void main(String[] args) throws Exception {
        String gateway = System.getenv("LOAD_GATEWAY");
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ReferralLoad.Submitter referrer =
                new ReferralLoad.Submitter(http, gateway, System.getenv("LOAD_REFERRER_BEARER"));
        ReferralLoad.InboxWatch inbox = new ReferralLoad.InboxWatch(
                http,
                gateway,
                System.getenv("LOAD_WORKER_BEARER"),
                Duration.ofMillis(Long.parseLong(System.getenv("LOAD_INBOX_REFRESH_MS"))),
                INBOX_PAGE);
        BufferedReader steps = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String step = steps.readLine(); step != null; step = steps.readLine()) {
            String[] rateAndSeconds = step.split(" ");
            int rate = Integer.parseInt(rateAndSeconds[0]);
            inbox.reset();
            ReferralLoad.Run run =
                    referrer.atFixedRate(rate, Duration.ofSeconds(Long.parseLong(rateAndSeconds[1])), inbox);
            inbox.awaitAllSeen(ALL_SEEN_WITHIN);
            System.out.println(new Step(
                            rate,
                            run.sent(),
                            run.errors(),
                            run.firstError(),
                            run.achievedRate(),
                            run.latency().getValueAtPercentile(50) / 1e3,
                            run.latency().getValueAtPercentile(99) / 1e3,
                            inbox.seen.getValueAtPercentile(50) / 1e3,
                            inbox.seen.getValueAtPercentile(99) / 1e3,
                            inbox.unseen())
                    .line());
        }
        inbox.stop();
    }

    /** The classes this JVM runs the benchmark with: Maven's exec plugin gives them through a class loader. */
    private static String classPath() {
        if (LoadGenerator.class.getClassLoader() instanceof URLClassLoader loader) {
            return Arrays.stream(loader.getURLs())
                    .map(LoadGenerator::path)
                    .collect(Collectors.joining(java.io.File.pathSeparator));
        }
        return System.getProperty("java.class.path");
    }

    private static String path(URL url) {
        try {
            return Path.of(url.toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(url.toString(), e);
        }
    }
}
