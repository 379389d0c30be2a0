package be.bruzel.localplatform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/** One service in a JVM of its own, started from the executable jar its module builds. */
public final class ServiceProcess {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    /**
     * The serial collector (one small JVM per service on few cores), and a heap that starts small with a young
     * generation of a fixed 32 MiB. Sized from the machine instead (a 64th of it to start, a third of that young),
     * each service held some 80 MiB more for nothing, at the same latency and processor time (README, Benchmarks). A
     * small heap without a young generation of its own (-Xms24m) had a young one of 7 MiB, which moved short-lived
     * objects into the old one and raised the p99 under load several-fold.
     */
    private static final List<String> HEAP = List.of("-XX:+UseSerialGC", "-Xms48m", "-Xmn32m");

    /**
     * Native memory the JVM has freed (the compilers' work areas, mostly) goes back to the system every 30 s; the C
     * library would keep it otherwise, 20 to 45 MiB a service (README, Benchmarks).
     */
    private static final String TRIM_NATIVE_MEMORY = "-XX:TrimNativeHeapInterval=30000";

    /** JDK 25 has the AOT cache; older JDKs archive the loaded classes. */
    private static final boolean AOT_CACHE = Runtime.version().feature() >= 25;

    private final PlatformService service;
    private final Process process;
    private final URI readiness;
    private final Path log;

    private ServiceProcess(PlatformService service, Process process, URI readiness, Path log) {
        this.service = service;
        this.process = process;
        this.readiness = readiness;
        this.log = log;
    }

    /**
     * @param root the repository, where each module's {@code target} holds its executable jar
     * @param logs where the process writes its output, one file per service
     */
    public static ServiceProcess start(PlatformService service, Path root, Endpoints endpoints, Path logs) {
        Path application = unpacked(executableJar(root, service));
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xss512k"));
        command.addAll(HEAP);
        command.add(TRIM_NATIVE_MEMORY);
        command.addAll(startCache(application));
        command.addAll(List.of("-jar", application.toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> environment = builder.environment();
        environment.putAll(endpoints.environmentOf(service));
        try {
            Files.createDirectories(logs);
            Path log = logs.resolve(service.module() + ".log");
            builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            return new ServiceProcess(service, builder.start(), URI.create(endpoints.readinessUrl(service)), log);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + service.module(), e);
        }
    }

    /**
     * What a start learns, kept beside the unpacked jar for every start after: from JDK 25 an AOT cache (the
     * classes loaded and linked and the methods' profiles, written when the service first stops), before that
     * an archive of the loaded classes.
     */
    static List<String> startCache(Path application) {
        Path cache = application.resolveSibling(startCacheName());
        if (AOT_CACHE) {
            return List.of(
                    Files.exists(cache) ? "-XX:AOTCache=" + cache : "-XX:AOTCacheOutput=" + cache,
                    "-Xlog:aot=off,cds=off");
        }
        return List.of(
                "-XX:SharedArchiveFile=" + cache, "-XX:+AutoCreateSharedArchive", "-Xlog:cds=off,cds+dynamic=off");
    }

    /** The file, beside each unpacked service, that {@link #startCache} keeps for this JDK. */
    public static String startCacheName() {
        return AOT_CACHE ? "application.aot" : "classes.jsa";
    }

    /** Waits until the service is ready (readiness answers 200 only when UP), and fails early when its process dies. */
    public void awaitHealthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest health =
                HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        service.module() + " stopped with exit code " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> response = HTTP.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // Still starting.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(Duration.ofMillis(250));
        }
        throw new IllegalStateException(service.module() + " not healthy within " + timeout + "; see " + log);
    }

    /** Asks all at once to shut down gracefully, so that their shutdowns overlap; then insists. */
    public static void stopAll(List<ServiceProcess> processes) {
        processes.forEach(service -> service.process.destroy());
        for (ServiceProcess service : processes) {
            try {
                if (!service.process.waitFor(20, TimeUnit.SECONDS)) {
                    service.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                service.process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    public long pid() {
        return process.pid();
    }

    /** Stops the process at once, as a crash or an out-of-memory kill would. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Path executableJar(Path root, PlatformService service) {
        Path target = root.resolve(service.module()).resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(file -> file.getFileName().toString().endsWith("-exec.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "No executable jar in " + target + "; build first: ./mvnw -DskipTests package"));
        } catch (IOException e) {
            throw new IllegalStateException(
                    "No build output in " + target + "; build first: ./mvnw -DskipTests package", e);
        }
    }

    /**
     * The executable jar unpacked as Spring Boot's tools lay it out (the application's jar beside its
     * libraries), once per content of it: the JVM can archive classes only from plain jars, not from jars in a
     * jar. The build is reproducible, so a rebuild that changes nothing keeps the directory and its start cache.
     */
    static Path unpacked(Path jar) {
        try {
            Path directory = jar.resolveSibling("unpacked-" + contentChecksum(jar));
            Path application = directory.resolve(jar.getFileName());
            if (Files.exists(application)) {
                return application;
            }
            try (Stream<Path> earlier = Files.list(jar.getParent())) {
                for (Path stale : earlier.filter(
                                path -> path.getFileName().toString().startsWith("unpacked-"))
                        .toList()) {
                    deleteRecursively(stale);
                }
            }
            Path unpacking = Files.createTempDirectory(jar.getParent(), "unpacking-");
            Process tools = new ProcessBuilder(
                            javaExecutable(),
                            "-Djarmode=tools",
                            "-jar",
                            jar.toString(),
                            "extract",
                            "--destination",
                            unpacking.resolve("application").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!tools.waitFor(2, TimeUnit.MINUTES) || tools.exitValue() != 0) {
                throw new IllegalStateException("Cannot unpack " + jar);
            }
            // Complete or absent: a launcher stopped half-way leaves no half-unpacked directory in use.
            try {
                Files.move(unpacking.resolve("application"), directory);
            } catch (FileAlreadyExistsException anotherLauncherWasFirst) {
                // Theirs is as good.
            }
            deleteRecursively(unpacking);
            return application;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack " + jar, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String contentChecksum(Path jar) throws IOException {
        CRC32C checksum = new CRC32C();
        try (InputStream content = Files.newInputStream(jar)) {
            byte[] buffer = new byte[1 << 16];
            for (int read = content.read(buffer); read >= 0; read = content.read(buffer)) {
                checksum.update(buffer, 0, read);
            }
        }
        return Long.toHexString(checksum.getValue());
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
