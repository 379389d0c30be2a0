package be.bruzel.statisticsservice.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CellKeyPerturbationTests {

    private final CellKeyPerturbation perturbation = new CellKeyPerturbation(2, 5);

    @Test
    void theSameReferralsAlwaysGetTheSameNoise() {
        assertThat(perturbation.published(37, 201)).isEqualTo(perturbation.published(37, 201));
    }

    @Test
    void noiseIsSmallCentredAndSmallMovesAreLikelierAsATriangle() {
        Map<Integer, Integer> moves = new TreeMap<>();
        int cells = 0;
        for (long count = 5; count < 1005; count++) {
            for (int key = 0; key < 256; key++) {
                moves.merge(perturbation.noise(count, key), 1, Integer::sum);
                cells++;
            }
        }

        assertThat(moves.keySet()).containsExactly(-2, -1, 0, 1, 2);
        // Weights 1, 2, 3, 2, 1 out of 9.
        for (Map.Entry<Integer, Integer> move : moves.entrySet()) {
            double expected = (3 - Math.abs(move.getKey())) / 9.0;
            assertThat(move.getValue() / (double) cells)
                    .as("share of %d", move.getKey())
                    .isCloseTo(expected, org.assertj.core.data.Offset.offset(0.01));
        }
    }

    @Test
    void cellsOneReferralApartGetUnrelatedNoise() {
        int same = 0;
        for (int key = 0; key < 256; key++) {
            for (int added = 0; added < 256; added += 17) {
                same += perturbation.noise(40, key) == perturbation.noise(41, (key + added) & 0xff) ? 1 : 0;
            }
        }
        // Unrelated draws agree with the chance 19/81; a fixed step between them would agree far more often.
        assertThat(same / (256.0 * 16)).isCloseTo(19 / 81.0, org.assertj.core.data.Offset.offset(0.04));
    }

    @Test
    void zeroStaysZeroAndNoCountFallsBelowTheThreshold() {
        for (int key = 0; key < 256; key++) {
            assertThat(perturbation.published(0, key)).isZero();
            assertThat(perturbation.published(5, key)).isBetween(5L, 7L);
        }
    }

    @Test
    void withoutNoiseCountsArePublishedAsTheyAre() {
        assertThat(new CellKeyPerturbation(0, 5).published(6, 17)).isEqualTo(6);
    }
}
