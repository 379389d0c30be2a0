package be.bruzel.statisticsservice.disclosure;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntBinaryOperator;

/**
 * Which counts of a table may be shown without singling out a person. A count from 1 up to the
 * threshold is suppressed (primary); then, wherever parts add up to a total that is shown, a single
 * suppressed place could be worked out by subtraction, so one more place of that sum is suppressed,
 * the smallest part, until no sum has exactly one unknown (complementary suppression).
 *
 * <p>Places are numbered by the caller; a sum lists its total first, then its parts.
 */
public final class ComplementarySuppression {

    private final long[] counts;
    private final boolean[] suppressed;

    /**
     * @param counts by place
     * @param threshold counts from 1 to one below it are suppressed
     * @param sums each a total and its parts, by place
     */
    public ComplementarySuppression(long[] counts, int threshold, List<int[]> sums) {
        this.counts = counts.clone();
        this.suppressed = new boolean[counts.length];
        for (int place = 0; place < counts.length; place++) {
            suppressed[place] = counts[place] > 0 && counts[place] < threshold;
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int[] sum : sums) {
                changed |= protect(sum);
            }
        }
    }

    /**
     * The sums of a table with a total row and a total column, the last of each: every row's cells add up to its
     * total, every column's to its.
     *
     * @param place a cell's place by its row and column
     */
    public static List<int[]> rowsAndColumns(int rows, int columns, IntBinaryOperator place) {
        List<int[]> sums = new ArrayList<>();
        for (int row = 0; row <= rows; row++) {
            int[] sum = new int[columns + 1];
            sum[0] = place.applyAsInt(row, columns);
            for (int column = 0; column < columns; column++) {
                sum[column + 1] = place.applyAsInt(row, column);
            }
            sums.add(sum);
        }
        for (int column = 0; column <= columns; column++) {
            int[] sum = new int[rows + 1];
            sum[0] = place.applyAsInt(rows, column);
            for (int row = 0; row < rows; row++) {
                sum[row + 1] = place.applyAsInt(row, column);
            }
            sums.add(sum);
        }
        return sums;
    }

    public boolean hides(int place) {
        return suppressed[place];
    }

    /** Suppresses one more place of a sum that has exactly one unknown; true if it did. */
    private boolean protect(int[] sum) {
        int unknown = 0;
        for (int place : sum) {
            if (suppressed[place]) {
                unknown++;
            }
        }
        if (unknown != 1) {
            return false;
        }
        int smallest = -1;
        for (int part = 1; part < sum.length; part++) {
            int place = sum[part];
            if (!suppressed[place] && counts[place] > 0 && (smallest < 0 || counts[place] < counts[smallest])) {
                smallest = place;
            }
        }
        int next = smallest >= 0 ? smallest : sum[0];
        if (suppressed[next]) {
            return false;
        }
        suppressed[next] = true;
        return true;
    }
}
