package be.bruzel.platformtests;

import java.util.Locale;
import org.HdrHistogram.Histogram;

/** How the benchmarks print latencies recorded in microseconds. */
final class Latencies {

    private Latencies() {}

    static void print(String what, Histogram micros, String requests) {
        System.out.printf(
                Locale.ROOT,
                "%-36s p50 %6.2f ms  p90 %6.2f ms  p99 %6.2f ms  max %7.2f ms  (%.0f %s/s)%n",
                what,
                micros.getValueAtPercentile(50) / 1e3,
                micros.getValueAtPercentile(90) / 1e3,
                micros.getValueAtPercentile(99) / 1e3,
                micros.getMaxValue() / 1e3,
                1e6 / micros.getMean(),
                requests);
    }
}
