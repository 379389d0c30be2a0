package be.bruzel.referralservice.statistics;

import java.util.Arrays;

/**
 * Durations in minutes, kept in whole hours up to two weeks and exactly beyond: percentiles are
 * exact to the hour they are shown in, histograms of groups add up into their totals, and a
 * histogram is small enough (1.3 KiB) for the cells of a scan to stay in the processor's cache.
 */
final class DurationHistogram {

    private static final int MINUTES_PER_BIN = 60;
    private static final int BINS = 14 * 24;

    private int[] bins;
    private int[] longer = new int[0];
    private int longerCount;
    private int count;

    void add(int minutes) {
        int bin = minutes / MINUTES_PER_BIN;
        if (bin < BINS) {
            if (bins == null) {
                bins = new int[BINS];
            }
            bins[bin]++;
        } else {
            if (longerCount == longer.length) {
                longer = Arrays.copyOf(longer, Math.max(8, longerCount * 2));
            }
            longer[longerCount++] = minutes;
        }
        count++;
    }

    void addAll(DurationHistogram other) {
        if (other.bins != null) {
            if (bins == null) {
                bins = new int[BINS];
            }
            for (int bin = 0; bin < BINS; bin++) {
                bins[bin] += other.bins[bin];
            }
        }
        for (int i = 0; i < other.longerCount; i++) {
            if (longerCount == longer.length) {
                longer = Arrays.copyOf(longer, Math.max(8, longerCount * 2));
            }
            longer[longerCount++] = other.longer[i];
        }
        count += other.count;
    }

    int count() {
        return count;
    }

    /**
     * The nearest-rank percentile: the smallest duration that at least {@code percent} of them do
     * not exceed, in whole hours, rounded down.
     */
    int hoursAt(int percent) {
        if (count == 0) {
            throw new IllegalStateException("no durations");
        }
        int rank = Math.max(1, (int) Math.ceil(percent / 100.0 * count));
        int seen = 0;
        if (bins != null) {
            for (int bin = 0; bin < BINS; bin++) {
                seen += bins[bin];
                if (seen >= rank) {
                    return bin;
                }
            }
        }
        int[] sorted = Arrays.copyOf(longer, longerCount);
        Arrays.sort(sorted);
        return sorted[rank - seen - 1] / MINUTES_PER_BIN;
    }
}
