package be.bruzel.referralservice.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DurationHistogramTests {

    @Test
    void percentilesAreTheNearestRankInTenthsOfAnHourRoundedDown() {
        DurationHistogram hours = new DurationHistogram();
        for (int minutes : new int[] {120, 240, 600, 1_440, 1_800}) {
            hours.add(minutes);
        }

        assertThat(hours.hoursAt(50)).isEqualTo(10.0);
        assertThat(hours.hoursAt(90)).isEqualTo(30.0);
        assertThat(hours.hoursAt(20)).isEqualTo(2.0);
        hours.add(65);
        assertThat(hours.hoursAt(1)).as("65 minutes is 1.08 h").isEqualTo(1.0);
    }

    @Test
    void durationsBeyondTwoWeeksAreKeptExactly() {
        DurationHistogram hours = new DurationHistogram();
        hours.add(60);
        hours.add(30 * 24 * 60 + 33);

        assertThat(hours.hoursAt(100)).isEqualTo(720.5);
        assertThat(hours.hoursAt(50)).isEqualTo(1.0);
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
