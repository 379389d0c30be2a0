package be.bruzel.statisticsservice.usability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.bruzel.platform.support.problem.RejectedRequestException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SusScoreTests {

    @Test
    void theBestAnswersScoreOneHundredTheWorstZeroAndNeutralFifty() {
        assertThat(SusScore.of(List.of(5, 1, 5, 1, 5, 1, 5, 1, 5, 1)).value()).isEqualTo(100.0);
        assertThat(SusScore.of(List.of(1, 5, 1, 5, 1, 5, 1, 5, 1, 5)).value()).isZero();
        assertThat(SusScore.of(List.of(3, 3, 3, 3, 3, 3, 3, 3, 3, 3)).value()).isEqualTo(50.0);
    }

    @Test
    void oddStatementsCountUpwardsAndEvenOnesDownwards() {
        // (4-1)+(5-2)+(4-1)+(5-1)+(3-1)+(5-2)+(4-1)+(5-1)+(4-1)+(5-3) = 30, times 2.5.
        assertThat(SusScore.of(List.of(4, 2, 4, 1, 3, 2, 4, 1, 4, 3)).value()).isEqualTo(75.0);
    }

    @Test
    void anythingButTenAnswersFromOneToFiveIsRefused() {
        assertThatThrownBy(() -> SusScore.of(List.of(3, 3, 3))).isInstanceOf(RejectedRequestException.class);
        assertThatThrownBy(() -> SusScore.of(List.of(3, 3, 3, 3, 3, 3, 3, 3, 3, 0)))
                .isInstanceOf(RejectedRequestException.class);
        assertThatThrownBy(() -> SusScore.of(null)).isInstanceOf(RejectedRequestException.class);
    }
}
