package be.bruzel.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignInThrottleTests {

    private Instant now = Instant.parse("2026-12-02T09:00:00Z");
    private final SignInThrottle throttle = new SignInThrottle(new Clock() {
        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    });

    @Test
    void theFirstFailuresCostNothingThenEachDoublesTheWait() {
        for (int i = 0; i < SignInThrottle.FREE_ATTEMPTS_PER_USER; i++) {
            throttle.failed("gp.jette", "10.0.0.1");
        }
        assertThat(throttle.waitFor("gp.jette", "10.0.0.1")).isEmpty();

        throttle.failed("gp.jette", "10.0.0.1");
        assertThat(throttle.waitFor("gp.jette", "10.0.0.2")).contains(Duration.ofSeconds(2));
        throttle.failed("gp.jette", "10.0.0.1");
        assertThat(throttle.waitFor("GP.Jette", "10.0.0.2"))
                .as("user names are not case-sensitive")
                .contains(Duration.ofSeconds(4));
        throttle.failed("gp.jette", "10.0.0.1");
        assertThat(throttle.waitFor("gp.jette", "10.0.0.2")).contains(Duration.ofSeconds(8));
    }

    @Test
    void anAddressTryingManyUserNamesIsLockedForEveryOne() {
        for (int user = 0; user <= SignInThrottle.FREE_ATTEMPTS_PER_ADDRESS; user++) {
            throttle.failed("user" + user, "10.0.0.9");
        }

        assertThat(throttle.waitFor("admin", "10.0.0.9")).isPresent();
        assertThat(throttle.waitFor("admin", "10.0.0.1"))
                .as("another address, another user")
                .isEmpty();
    }

    @Test
    void theWaitEndsAndNeverExceedsAQuarterOfAnHour() {
        for (int i = 0; i < 40; i++) {
            throttle.failed("admin", "10.0.0.1");
        }
        assertThat(throttle.waitFor("admin", "10.0.0.2")).contains(SignInThrottle.LONGEST_DELAY);

        now = now.plus(SignInThrottle.LONGEST_DELAY);
        assertThat(throttle.waitFor("admin", "10.0.0.2")).isEmpty();
    }

    @Test
    void aSuccessfulSignInClearsItsUserName() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("gp.jette", "10.0.0.1");
        }
        throttle.succeeded("gp.jette");

        assertThat(throttle.waitFor("gp.jette", "10.0.0.2")).isEmpty();
    }
}
