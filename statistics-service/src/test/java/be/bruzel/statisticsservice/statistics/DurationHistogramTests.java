package be.bruzel.statisticsservice.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DurationHistogramTests {

    @Test
    void percentilesAreTheNearestRankInWholeHoursRoundedDown() {
        DurationHistogram hours = new DurationHistogram();
        for (int minutes : new int[] {120, 240, 600, 1_440, 1_800}) {
            hours.add(minutes);
        }

        assertThat(hours.hoursAt(50)).isEqualTo(10);
        assertThat(hours.hoursAt(90)).isEqualTo(30);
        assertThat(hours.hoursAt(20)).isEqualTo(2);
        hours.add(119);
        assertThat(hours.hoursAt(1)).as("119 minutes is 1 h 59").isEqualTo(1);
    }

    @Test
    void durationsBeyondTwoWeeksAreKeptExactly() {
        DurationHistogram hours = new DurationHistogram();
        hours.add(60);
        hours.add(30 * 24 * 60 + 33);

        assertThat(hours.hoursAt(100)).isEqualTo(720);
        assertThat(hours.hoursAt(50)).isEqualTo(1);
    }

    @Test
    void histogramsOfGroupsAddUpToTheHistogramOfTheirTotal() {
        DurationHistogram jette = new DurationHistogram();
        DurationHistogram haren = new DurationHistogram();
        DurationHistogram both = new DurationHistogram();
        for (int minutes = 0; minutes < 40_000; minutes += 997) {
            (minutes % 2 == 0 ? jette : haren).add(minutes);
            both.add(minutes);
        }

        DurationHistogram added = new DurationHistogram();
        added.addAll(jette);
        added.addAll(haren);

        assertThat(added.count()).isEqualTo(both.count());
        for (int percent : new int[] {10, 50, 90, 99, 100}) {
            assertThat(added.hoursAt(percent)).isEqualTo(both.hoursAt(percent));
        }
    }
}
