package be.bruzel.statisticsservice.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ComplementarySuppressionTests {

    /** Places of a table of two rows and two columns with their totals, row by row. */
    private static int place(int row, int column) {
        return row * 3 + column;
    }

    @Test
    void aSmallCountIsSuppressedWithTheSmallestOtherPartOfEverySumItIsIn() {
        long[] counts = {
            2, 10, 12,
            7, 20, 27,
            9, 30, 39
        };

        ComplementarySuppression table = new ComplementarySuppression(
                counts, 5, ComplementarySuppression.rowsAndColumns(2, 2, ComplementarySuppressionTests::place));

        assertThat(table.hides(place(0, 0))).isTrue();
        // 12 − 10 and 9 − 7 would each give the 2.
        assertThat(table.hides(place(0, 1))).isTrue();
        assertThat(table.hides(place(1, 0))).isTrue();
        // And then 27 − 20 would give the 7: the fourth cell goes too; the totals stay.
        assertThat(table.hides(place(1, 1))).isTrue();
        assertThat(List.of(place(0, 2), place(1, 2), place(2, 0), place(2, 1), place(2, 2)))
                .noneMatch(table::hides);
    }

    @Test
    void zeroAndCountsFromTheThresholdOnAreShown() {
        long[] counts = {0, 5, 5, 6, 20, 26, 6, 25, 31};

        ComplementarySuppression table = new ComplementarySuppression(
                counts, 5, ComplementarySuppression.rowsAndColumns(2, 2, ComplementarySuppressionTests::place));

        for (int place = 0; place < counts.length; place++) {
            assertThat(table.hides(place)).as("place %d", place).isFalse();
        }
    }

    @Test
    void theSumsOfATableAreItsRowsThenItsColumnsTotalFirst() {
        List<int[]> sums = ComplementarySuppression.rowsAndColumns(2, 2, ComplementarySuppressionTests::place);

        assertThat(sums)
                .containsExactly(
                        new int[] {2, 0, 1},
                        new int[] {5, 3, 4},
                        new int[] {8, 6, 7},
                        new int[] {6, 0, 3},
                        new int[] {7, 1, 4},
                        new int[] {8, 2, 5});
    }
}
