package be.bruzel.directoryservice.figures;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LiveFiguresTests {

    @Test
    void fewerThanFiveReferralsShowNothingButThatTheyAreHidden() {
        assertThat(LiveFigures.of(4, 4, 0, 3.0)).isEqualTo(new LiveFigures(false, null, null, null));
        assertThat(LiveFigures.of(0, 0, 0, null).shown()).isFalse();
    }

    @Test
    void theRateCountsWhatTheServiceAnsweredAndTheMedianNeedsFiveAcceptances() {
        assertThat(LiveFigures.of(8, 5, 1, 6.04)).isEqualTo(new LiveFigures(true, 8, 0.83, 6.0));
        assertThat(LiveFigures.of(8, 4, 1, 6.04)).isEqualTo(new LiveFigures(true, 8, 0.8, null));
    }

    @Test
    void aServiceThatAnsweredNothingYetHasNoRate() {
        assertThat(LiveFigures.of(6, 0, 0, null)).isEqualTo(new LiveFigures(true, 6, null, null));
    }
}
