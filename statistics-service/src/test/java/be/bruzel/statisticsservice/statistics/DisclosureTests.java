package be.bruzel.statisticsservice.statistics;

import static be.bruzel.statisticsservice.statistics.Referrals.FEBRUARY;
import static be.bruzel.statisticsservice.statistics.Referrals.JANUARY;
import static org.assertj.core.api.Assertions.assertThat;

import be.bruzel.statisticsservice.statistics.StatisticsQuery.Dimension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The suppression rules, on small tallies counted in memory: what is hidden, and what is not. */
class DisclosureTests {

    private static final int THRESHOLD = 5;

    private final Referrals store = new Referrals();

    @Test
    void aCountFromOneToFourIsHidden() {
        store.submit(4, JANUARY, referral -> {});

        Disclosure disclosure = new Disclosure(store.tally(Dimension.NONE, "2025-01", "2025-01"), THRESHOLD);

        assertThat(disclosure.hides(0, 0, Figure.SUBMITTED)).isTrue();
        assertThat(disclosure.hides(0, 1, Figure.SUBMITTED))
                .as("nor is it shown as the range's total")
                .isTrue();
    }

    @Test
    void zeroAndFiveAreShown() {
        store.submit(5, JANUARY, referral -> {});

        Disclosure disclosure = new Disclosure(store.tally(Dimension.NONE, "2025-01", "2025-01"), THRESHOLD);

        assertThat(disclosure.hides(0, 0, Figure.SUBMITTED)).isFalse();
        assertThat(disclosure.hides(0, 0, Figure.COMPLETED))
                .as("none completed")
                .isFalse();
    }

    @Test
    void theOneOtherCellThatWouldRevealAHiddenOneThroughTheirTotalIsHiddenToo() {
        store.submit(6, JANUARY, referral -> {});
        store.change(1, Referrals.Referral::cancelled);

        Tally tally = store.tally(Dimension.MUNICIPALITY, "2025-01", "2025-01");
        Disclosure disclosure = new Disclosure(tally, THRESHOLD);

        assertThat(disclosure.hides(0, 0, Figure.CANCELLED)).as("1 cancelled").isTrue();
        assertThat(disclosure.hides(0, 0, Figure.WAITING))
                .as("6 submitted - 5 waiting = the 1 cancelled")
                .isTrue();
        assertThat(disclosure.hides(0, 0, Figure.SUBMITTED))
                .as("the total stays")
                .isFalse();
        assertNoSumHasASingleUnknown(tally, disclosure);
    }

    @Test
    void thePersonsAnswersAreCountedAndOneWhoSaysNobodyCalledIsNotRevealedBySubtraction() {
        store.submit(8, JANUARY, referral -> referral.acceptedAfter(java.time.Duration.ofHours(3)));
        for (int position = 1; position <= 7; position++) {
            store.change(position, referral -> referral.personAnswered(true, 4));
        }
        store.change(8, referral -> referral.personAnswered(false, 1));

        Tally tally = store.tally(Dimension.MUNICIPALITY, "2025-01", "2025-01");
        Disclosure disclosure = new Disclosure(tally, THRESHOLD);

        assertThat(tally.cell(0, 0).count(Figure.PERSON_ANSWERED)).isEqualTo(8);
        assertThat(tally.cell(0, 0).count(Figure.PERSON_SAYS_CONTACTED)).isEqualTo(7);
        assertThat(tally.cell(0, 0).value(Figure.PERSON_SATISFACTION)).isEqualTo(3.6);
        assertThat(tally.cell(0, 0).count(Figure.PERSON_REACHED))
                .as("what the person says is not what the organisation logged")
                .isZero();
        assertThat(disclosure.hides(0, 0, Figure.PERSON_SAYS_NOT_CONTACTED))
                .as("1")
                .isTrue();
        assertThat(disclosure.hides(0, 0, Figure.PERSON_SAYS_CONTACTED))
                .as("8 answered - 7 contacted = the 1")
                .isTrue();
        assertThat(disclosure.hides(0, 0, Figure.PERSON_SATISFACTION))
                .as("8 scores")
                .isFalse();
        assertNoSumHasASingleUnknown(tally, disclosure);
    }

    @Test
    void aSmallMonthHidesAnotherMonthOfItsGroupAndAnotherGroupOfItsMonthButNoMoreThanThatTakes() {
        store.submit(2, JANUARY, referral -> {});
        store.submit(7, FEBRUARY, referral -> {});
        store.submit(8, JANUARY, referral -> referral.municipality = "21001");
        store.submit(9, FEBRUARY, referral -> referral.municipality = "21001");
        store.submit(20, JANUARY, referral -> referral.municipality = "21009");
        store.submit(30, FEBRUARY, referral -> referral.municipality = "21009");

        Tally tally = store.tally(Dimension.MUNICIPALITY, "2025-01", "2025-02");
        Disclosure disclosure = new Disclosure(tally, THRESHOLD);

        assertThat(tally.groups()).containsExactly("21010", "21001", "21009");
        assertThat(disclosure.hides(0, 0, Figure.SUBMITTED))
                .as("2 in Jette in January")
                .isTrue();
        assertThat(disclosure.hides(0, 1, Figure.SUBMITTED))
                .as("Jette's February, else Jette's total - 7")
                .isTrue();
        assertThat(disclosure.hides(1, 0, Figure.SUBMITTED))
                .as("Anderlecht's January, the smallest other")
                .isTrue();
        assertThat(disclosure.hides(1, 1, Figure.SUBMITTED))
                .as("Anderlecht's February, for February's total")
                .isTrue();
        assertThat(disclosure.hides(2, 0, Figure.SUBMITTED))
                .as("Elsene needs no hiding")
                .isFalse();
        assertThat(disclosure.hides(2, 1, Figure.SUBMITTED)).isFalse();
        assertThat(disclosure.hides(0, 2, Figure.SUBMITTED))
                .as("Jette's total of 9")
                .isFalse();
        assertNoSumHasASingleUnknown(tally, disclosure);
    }

    @Test
    void durationsAndScoresOfFewerThanFiveReferralsAreHiddenAndReferrersToo() {
        store.submit(4, JANUARY, referral -> referral.acceptedAfter(java.time.Duration.ofHours(3)));
        store.submit(6, JANUARY, referral -> {});

        Tally tally = store.tally(Dimension.NONE, "2025-01", "2025-01");
        Disclosure disclosure = new Disclosure(tally, THRESHOLD);

        assertThat(disclosure.hides(0, 0, Figure.HOURS_TO_ACCEPTANCE_MEDIAN))
                .as("4 accepted")
                .isTrue();
        assertThat(disclosure.hides(0, 0, Figure.ACTIVE_REFERRERS))
                .as("1 referrer: a person")
                .isTrue();
        assertThat(disclosure.hides(0, 0, Figure.ACTIVE_ORGANISATIONS))
                .as("organisations are not persons")
                .isFalse();
    }

    /** Along every row and column of the tally, and within each cell's states: never exactly one unknown. */
    private static void assertNoSumHasASingleUnknown(Tally tally, Disclosure disclosure) {
        int groups = tally.groups().size();
        int periods = tally.periods().size();
        for (Figure figure : Figure.COUNTS) {
            for (int group = 0; group <= groups; group++) {
                List<Boolean> row = new ArrayList<>();
                for (int period = 0; period <= periods; period++) {
                    row.add(disclosure.hides(group, period, figure));
                }
                assertThat(row.stream().filter(hidden -> hidden).count())
                        .as(figure + " of group " + group)
                        .isNotEqualTo(1);
            }
            for (int period = 0; period <= periods; period++) {
                List<Boolean> column = new ArrayList<>();
                for (int group = 0; group <= groups; group++) {
                    column.add(disclosure.hides(group, period, figure));
                }
                assertThat(column.stream().filter(hidden -> hidden).count())
                        .as(figure + " of period " + period)
                        .isNotEqualTo(1);
            }
        }
        List<Figure> states = List.of(
                Figure.SUBMITTED,
                Figure.WAITING,
                Figure.IN_PROGRESS,
                Figure.COMPLETED,
                Figure.DECLINED,
                Figure.CANCELLED,
                Figure.EXPIRED);
        for (int group = 0; group <= groups; group++) {
            for (int period = 0; period <= periods; period++) {
                int inGroup = group;
                int inPeriod = period;
                assertThat(states.stream()
                                .filter(state -> disclosure.hides(inGroup, inPeriod, state))
                                .count())
                        .isNotEqualTo(1);
            }
        }
    }
}
