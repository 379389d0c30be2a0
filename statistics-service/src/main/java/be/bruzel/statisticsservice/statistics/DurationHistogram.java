package be.bruzel.statisticsservice.statistics;

import java.util.Arrays;

/**
 * Durations kept in whole hours up to two weeks and exactly beyond: percentiles are exact to the
 * hour they are shown in, histograms of groups add up into their totals, and a histogram is small
 * enough (1.3 KiB) for the cells of a scan to stay in the processor's cache. A referral without the
 * duration adds to a slot that is never read, so adding needs no branch the processor could mispredict.
 */
final class DurationHistogram {

    static final int BINS = 14 * 24;
    /** The bin of a referral without this duration. */
    static final int NONE = BINS;
    /** The bin of a duration beyond the bins: kept exactly. */
    static final int LONGER = BINS + 1;

    private static final int MINUTES_PER_BIN = 60;

    private final int[] bins = new int[BINS + 1];
    private int[] longer = new int[0];
    private int longerCount;

    /** The bin of a duration in minutes; negative minutes: none. */
    static int binOf(int minutes) {
        if (minutes < 0) {
            return NONE;
        }
        return minutes / MINUTES_PER_BIN < BINS ? minutes / MINUTES_PER_BIN : LONGER;
    }

    void add(int bin, int minutes) {
        if (bin == LONGER) {
            addLonger(minutes);
        } else {
            bins[bin]++;
        }
    }

    void add(int minutes) {
        add(binOf(minutes), minutes);
    }

    void addAll(DurationHistogram other) {
        for (int bin = 0; bin < BINS; bin++) {
            bins[bin] += other.bins[bin];
        }
        for (int i = 0; i < other.longerCount; i++) {
            addLonger(other.longer[i]);
        }
    }

    int count() {
        int count = longerCount;
        for (int bin = 0; bin < BINS; bin++) {
            count += bins[bin];
        }
        return count;
    }

    /**
     * The nearest-rank percentile: the smallest duration that at least {@code percent} of them do
     * not exceed, in whole hours, rounded down.
     */
    int hoursAt(int percent) {
        int count = count();
        if (count == 0) {
            throw new IllegalStateException("no durations");
        }
        int rank = Math.max(1, (int) Math.ceil(percent / 100.0 * count));
        int seen = 0;
        for (int bin = 0; bin < BINS; bin++) {
            seen += bins[bin];
            if (seen >= rank) {
                return bin;
            }
        }
        int[] sorted = Arrays.copyOf(longer, longerCount);
        Arrays.sort(sorted);
        return sorted[rank - seen - 1] / MINUTES_PER_BIN;
    }

    private void addLonger(int minutes) {
        if (longerCount == longer.length) {
            longer = Arrays.copyOf(longer, Math.max(8, longerCount * 2));
        }
        longer[longerCount++] = minutes;
    }
}
