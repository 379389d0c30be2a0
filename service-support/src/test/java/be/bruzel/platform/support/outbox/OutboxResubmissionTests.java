package be.bruzel.platform.support.outbox;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.events.IncompleteEventPublications;

class OutboxResubmissionTests {

    /** Never called: these tests are about the settings alone. */
    private static final IncompleteEventPublications NOTHING_INCOMPLETE = mock(IncompleteEventPublications.class);

    @Test
    void resubmissionRunsCloserThanOneSendAttemptAreRefusedAtStart() {
        assertThatThrownBy(() -> new OutboxResubmission(
                        NOTHING_INCOMPLETE, Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(15)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("resubmit-every");
    }

    @Test
    void resubmittingSoonerThanOneSendAttemptIsRefusedAtStart() {
        assertThatThrownBy(() -> new OutboxResubmission(
                        NOTHING_INCOMPLETE, Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ofSeconds(15)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void runsFurtherApartThanOneSendAttemptAreAccepted() {
        assertThatCode(() -> new OutboxResubmission(
                        NOTHING_INCOMPLETE, Duration.ofSeconds(30), Duration.ofSeconds(20), Duration.ofSeconds(15)))
                .doesNotThrowAnyException();
    }
}
