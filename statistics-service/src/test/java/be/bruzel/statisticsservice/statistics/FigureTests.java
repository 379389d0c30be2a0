package be.bruzel.statisticsservice.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import be.bruzel.statisticsservice.statistics.ReferralFact.State;
import be.bruzel.statisticsservice.statistics.Signature.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Properties;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The list of figures: what each count counts, and that each has its name in every language. */
class FigureTests {

    @Test
    void theStatesOfEverySignaturePartitionTheSubmittedAndLoggedReferralsCountApart() {
        IntStream.range(0, Signature.CODES).forEach(code -> {
            Signature signature = Signature.of(code);
            assertThat(signature.code()).isEqualTo(code);
            long states = Figure.countedBy(code).stream()
                    .filter(figure -> figure.ordinal() >= Figure.WAITING.ordinal()
                            && figure.ordinal() <= Figure.EXPIRED.ordinal()
                            && figure != Figure.SOLVED
                            && figure != Figure.PARTLY_SOLVED
                            && figure != Figure.REFERRED_ON
                            && figure != Figure.PERSON_DECLINED
                            && figure != Figure.UNREACHABLE)
                    .count();
            if (signature.state() == State.LOGGED) {
                assertThat(Figure.countedBy(code)).contains(Figure.LOGGED).doesNotContain(Figure.SUBMITTED);
                assertThat(states).isZero();
            } else {
                assertThat(Figure.countedBy(code)).contains(Figure.SUBMITTED).doesNotContain(Figure.LOGGED);
                assertThat(states).isEqualTo(1);
            }
        });
    }

    @Test
    void aSolvedReferralCountsAsCompletedSolvedAndSuccessfulAndNotAsWaiting() {
        Signature solved =
                new Signature(State.COMPLETED, Outcome.SOLVED, true, true, false, false, false, false, false);

        assertThat(Figure.countedBy(solved.code()))
                .containsExactlyInAnyOrder(
                        Figure.SUBMITTED,
                        Figure.COMPLETED,
                        Figure.SOLVED,
                        Figure.SUCCESSFUL,
                        Figure.ACCEPTED,
                        Figure.PERSON_REACHED);
    }

    @Test
    void everyFigureIsNamedInEnglishDutchAndFrench() throws IOException {
        for (String bundle : new String[] {"messages.properties", "messages_nl.properties", "messages_fr.properties"}) {
            Properties messages = new Properties();
            try (InputStream in = getClass().getResourceAsStream("/" + bundle)) {
                messages.load(in);
            }
            assertThat(Arrays.stream(Figure.values()).map(figure -> "statistics.figure." + figure.key()))
                    .as(bundle)
                    .allMatch(messages::containsKey);
        }
    }
}
