package be.bruzel.notificationservice.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetriesTests {

    private final Retries retries = new Retries(5, Duration.ofMinutes(10));

    @Test
    void withinARoundTheWaitDoublesUpTo256Seconds() {
        assertThat(retries.waitAfter(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(retries.waitAfter(4)).isEqualTo(Duration.ofSeconds(16));
        assertThat(new Retries(20, Duration.ofHours(1)).waitAfter(12)).isEqualTo(Duration.ofSeconds(256));
    }

    @Test
    void afterARoundItWaitsLongerAndThenTriesAgain() {
        assertThat(retries.roundOver(5)).isTrue();
        assertThat(retries.waitAfter(5)).isEqualTo(Duration.ofMinutes(10));
        assertThat(retries.roundOver(6)).isFalse();
        assertThat(retries.roundOver(10)).isTrue();
    }

    @Test
    void unsetSettingsHaveDefaults() {
        assertThat(new Retries(0, null)).isEqualTo(new Retries(5, Duration.ofMinutes(10)));
    }
}
