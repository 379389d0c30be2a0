package be.bruzel.platformtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * What a process has used, as Linux counts it in {@code /proc}: processor time and memory. PostgreSQL
 * is many processes (a server, its helpers and a backend per connection), counted together.
 */
final class ProcessUsage {

    private static final Duration TICK = Duration.ofMillis(10);

    private ProcessUsage() {}

    /** User plus system time so far; zero once the process is gone. */
    static Duration cpu(long pid) {
        long[] ticks = ticks(pid);
        return TICK.multipliedBy(ticks[0] + ticks[1]);
    }

    /**
     * Every PostgreSQL process's time, and that of the backends that have ended, which the server
     * counts as its children's: without them, a connection closed during a measurement would lose its time.
     */
    static Duration postgresCpu() {
        long total = 0;
        for (ProcessHandle process : postgres()) {
            long[] ticks = ticks(process.pid());
            total += ticks[0] + ticks[1];
            if (process.parent().filter(ProcessUsage::isPostgres).isEmpty()) {
                total += ticks[2] + ticks[3];
            }
        }
        return TICK.multipliedBy(total);
    }

    /** Resident memory (VmRSS). */
    static OptionalLong resident(long pid) {
        return kibibytes(Path.of("/proc", String.valueOf(pid), "status"), "VmRSS:");
    }

    /**
     * PostgreSQL's memory, each process's proportional share (Pss): the shared buffers are mapped by
     * every process, and adding their resident sizes would count them once per connection.
     */
    static long postgresResident() {
        return postgres().stream()
                .mapToLong(process -> kibibytes(Path.of("/proc", String.valueOf(process.pid()), "smaps_rollup"), "Pss:")
                        .orElse(0))
                .sum();
    }

    private static List<ProcessHandle> postgres() {
        return ProcessHandle.allProcesses().filter(ProcessUsage::isPostgres).toList();
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().orElse("").endsWith("/postgres");
    }

    /** utime, stime, cutime, cstime in clock ticks of 10 ms. */
    private static long[] ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {
                Long.parseLong(fields[11]),
                Long.parseLong(fields[12]),
                Long.parseLong(fields[13]),
                Long.parseLong(fields[14])
            };
        } catch (IOException | RuntimeException gone) {
            return new long[4];
        }
    }

    private static OptionalLong kibibytes(Path file, String field) {
        try {
            return Files.readAllLines(file).stream()
                    .filter(line -> line.startsWith(field))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) * 1024)
                    .findFirst();
        } catch (IOException | RuntimeException notLinux) {
            return OptionalLong.empty();
        }
    }
}
