package be.bruzel.statisticsservice.statistics;

import static be.bruzel.statisticsservice.statistics.Referrals.FEBRUARY;
import static be.bruzel.statisticsservice.statistics.Referrals.JANUARY;
import static org.assertj.core.api.Assertions.assertThat;

import be.bruzel.statisticsservice.statistics.StatisticsQuery.Dimension;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How referrals are counted: by group and month, each figure, and again after a referral changes. */
class ReferralFactsTests {

    private final Referrals store = new Referrals();

    @Test
    void eachReferralCountsInTheMonthItWasSubmittedAndItsStateAndOutcome() {
        store.submit(
                3,
                JANUARY,
                referral -> referral.acceptedAfter(Duration.ofHours(5)).completed("SOLVED"));
        store.submit(2, JANUARY, referral -> referral.cancelled());
        store.submit(4, FEBRUARY, referral -> {});

        Tally tally = store.tally(Dimension.MUNICIPALITY, "2025-01", "2025-02");

        assertThat(tally.groups()).containsExactly("21010");
        assertThat(tally.periods()).containsExactly(YearMonth.of(2025, 1), YearMonth.of(2025, 2));
        Cell january = tally.cell(0, 0);
        assertThat(january.count(Figure.SUBMITTED)).isEqualTo(5);
        assertThat(january.count(Figure.COMPLETED)).isEqualTo(3);
        assertThat(january.count(Figure.SOLVED)).isEqualTo(3);
        assertThat(january.count(Figure.SUCCESSFUL)).isEqualTo(3);
        assertThat(january.count(Figure.ACCEPTED)).isEqualTo(3);
        assertThat(january.count(Figure.CANCELLED)).isEqualTo(2);
        assertThat(january.count(Figure.WAITING)).as("nothing of January waits").isZero();
        assertThat(january.value(Figure.HOURS_TO_ACCEPTANCE_MEDIAN)).isEqualTo(5);
        assertThat(tally.cell(0, 1).count(Figure.WAITING)).isEqualTo(4);
        assertThat(tally.cell(0, 2).count(Figure.SUBMITTED))
                .as("the group over the range")
                .isEqualTo(9);
        assertThat(tally.cell(1, 2).count(Figure.SUBMITTED))
                .as("all groups over the range")
                .isEqualTo(9);
        assertThat(tally.cell(0, 0).value(Figure.ACTIVE_REFERRERS)).isEqualTo(1);
    }

    @Test
    void aLoggedReferralCountsAsLoggedAndInNoFigureOfThePlatformsOwn() {
        store.submit(2, JANUARY, referral -> {});
        store.submit(3, JANUARY, Referrals.Referral::logged);

        Cell january = store.tally(Dimension.MUNICIPALITY, "2025-01", "2025-01").cell(0, 0);

        assertThat(january.count(Figure.SUBMITTED)).isEqualTo(2);
        assertThat(january.count(Figure.WAITING)).isEqualTo(2);
        assertThat(january.count(Figure.LOGGED)).isEqualTo(3);
        assertThat(january.count(Figure.UNMET_NEEDS)).isZero();
        assertThat(january.count(Figure.OVERDUE)).isZero();
    }

    @Test
    void aReferralOnTwoThemesCountsInEachThemeAndOnceInTheTotal() {
        store.submit(JANUARY, referral -> referral.themes = List.of("finances", "housing"));
        store.submit(JANUARY, referral -> referral.themes = List.of("housing"));

        Tally tally = store.tally(Dimension.THEME, "2025-01", "2025-01");

        assertThat(tally.groups()).containsExactly("finances", "housing");
        assertThat(tally.cell(0, 1).count(Figure.SUBMITTED)).isEqualTo(1);
        assertThat(tally.cell(1, 1).count(Figure.SUBMITTED)).isEqualTo(2);
        assertThat(tally.cell(2, 1).count(Figure.SUBMITTED))
                .as("the total, not 1 + 2")
                .isEqualTo(2);
    }

    @Test
    void referrersBeforeTheRangeAreConnectedFromItsStartButNotActiveInIt() {
        store.submit(JANUARY, referral -> referral.referrer = "gp.before");
        store.submit(FEBRUARY, referral -> referral.referrer = "gp.during");

        Tally february = store.tally(Dimension.NONE, "2025-02", "2025-02");

        assertThat(february.cell(0, 0).value(Figure.ACTIVE_REFERRERS)).isEqualTo(1);
        assertThat(february.cell(0, 0).value(Figure.CONNECTED_REFERRERS)).isEqualTo(2);
        assertThat(february.cell(0, 0).count(Figure.SUBMITTED))
                .as("January's referral is not February's")
                .isEqualTo(1);
    }

    @Test
    void aChangeBetweenTwoQuestionsIsCountedInTheMonthItTouchesAndNowhereElse() {
        store.submit(3, JANUARY, referral -> {});
        int february = store.submit(FEBRUARY, referral -> {});
        Tally before = store.tally(Dimension.MUNICIPALITY, "2025-01", "2025-02");
        assertThat(before.cell(0, 1).count(Figure.WAITING)).isEqualTo(1);

        store.change(february, referral -> referral.acceptedAfter(Duration.ofHours(2)));
        store.change(1, referral -> referral.municipality = "21001");
        Tally after = store.tally(Dimension.MUNICIPALITY, "2025-01", "2025-02");

        assertThat(after.groups()).containsExactly("21010", "21001");
        assertThat(after.cell(0, 1).count(Figure.WAITING)).isZero();
        assertThat(after.cell(0, 1).count(Figure.ACCEPTED)).isEqualTo(1);
        assertThat(after.cell(0, 0).count(Figure.SUBMITTED))
                .as("one moved out of Jette")
                .isEqualTo(2);
        assertThat(after.cell(1, 0).count(Figure.SUBMITTED)).isEqualTo(1);
        assertThat(after.cell(2, 2).count(Figure.SUBMITTED))
                .as("no referral counted twice or lost")
                .isEqualTo(4);
    }

    @Test
    void aReferralWhoseSubmissionIsNotKnownYetCountsNowhere() {
        store.submit(null, referral -> {});
        store.submit(JANUARY, referral -> {});

        Tally tally = store.tally(Dimension.NONE, "2000-01", "2030-12");

        assertThat(tally.cell(0, tally.periods().size()).count(Figure.SUBMITTED))
                .isEqualTo(1);
    }

    @Test
    void aNewInstanceStartsFromTheSnapshotAndReadsOnlyTheRowsChangedAfterIt() throws Exception {
        Referrals keeping = new Referrals(3);
        keeping.submit(2, JANUARY, referral -> referral.acceptedAfter(Duration.ofHours(5)));
        keeping.submit(JANUARY, referral -> referral.themes = List.of("finances", "housing"));
        keeping.tally(Dimension.MUNICIPALITY, "2025-01", "2025-02");
        keeping.facts.destroy();
        assertThat(keeping.snapshotRevision())
                .as("kept once three rows were read")
                .isEqualTo(3);

        keeping.change(1, referral -> referral.completed("SOLVED"));
        keeping.submit(FEBRUARY, referral -> referral.referrer = "gp.elsewhere");
        int readBefore = keeping.rowsGiven();
        ReferralFacts restarted = keeping.anotherInstance();
        Tally fromSnapshot = Referrals.tally(restarted, Dimension.THEME, "2025-01", "2025-02");

        assertThat(keeping.rowsGiven() - readBefore)
                .as("only the two rows changed after the snapshot")
                .isEqualTo(2);
        assertSameFigures(
                fromSnapshot,
                Referrals.tally(keeping.anInstanceReadingEveryRow(), Dimension.THEME, "2025-01", "2025-02"));
        assertSameFigures(fromSnapshot, keeping.tally(Dimension.THEME, "2025-01", "2025-02"));
        assertThat(fromSnapshot.cell(0, 0).count(Figure.COMPLETED)).isEqualTo(1);
        assertThat(fromSnapshot.cell(2, 1).value(Figure.ACTIVE_REFERRERS)).isEqualTo(1);
    }

    @Test
    void anUnreadableSnapshotMeansReadingTheWholeStoreNotWrongFigures() {
        Referrals keeping = new Referrals(1);
        keeping.submit(3, JANUARY, referral -> {});
        keeping.corruptSnapshot();

        Tally tally = Referrals.tally(keeping.anotherInstance(), Dimension.NONE, "2025-01", "2025-01");

        assertThat(keeping.rowsGiven()).isEqualTo(3);
        assertThat(tally.cell(0, 0).count(Figure.SUBMITTED)).isEqualTo(3);
    }

    private static void assertSameFigures(Tally actual, Tally expected) {
        assertThat(actual.groups()).isEqualTo(expected.groups());
        for (int group = 0; group <= expected.groups().size(); group++) {
            for (int period = 0; period <= expected.periods().size(); period++) {
                for (Figure figure : Figure.values()) {
                    assertThat(actual.cell(group, period).value(figure))
                            .as("%s of group %d, period %d", figure, group, period)
                            .isEqualTo(expected.cell(group, period).value(figure));
                }
            }
        }
    }
}
