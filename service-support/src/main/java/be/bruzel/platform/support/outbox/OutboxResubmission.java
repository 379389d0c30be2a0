package be.bruzel.platform.support.outbox;

import java.time.Duration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Sends again what the outbox could not send. A publication is resubmitted on every run while
 * it is incomplete, so runs must be further apart than one send attempt can last; otherwise an
 * attempt still under way and its resubmission would both deliver. Consumers deduplicate by
 * event id all the same (two instances resubmitting at once, a crash after the send).
 */
public class OutboxResubmission {

    private final IncompleteEventPublications incomplete;
    private final Duration resubmitAfter;

    /**
     * @param attemptBound the longest one send can take, from the producer's settings
     * @throws IllegalStateException when resubmission runs could overlap a send attempt
     */
    public OutboxResubmission(
            IncompleteEventPublications incomplete,
            Duration resubmitAfter,
            Duration resubmitEvery,
            Duration attemptBound) {
        if (resubmitEvery.compareTo(attemptBound) <= 0 || resubmitAfter.compareTo(attemptBound) <= 0) {
            throw new IllegalStateException("platform.outbox.resubmit-every (" + resubmitEvery
                    + ") and resubmit-after (" + resubmitAfter + ") must exceed the longest send attempt ("
                    + attemptBound + " = max.block.ms + delivery.timeout.ms), or events are sent twice");
        }
        this.incomplete = incomplete;
        this.resubmitAfter = resubmitAfter;
    }

    @Scheduled(
            fixedDelayString = "${platform.outbox.resubmit-every:PT20S}",
            initialDelayString = "${platform.outbox.resubmit-every:PT20S}")
    public void resubmit() {
        incomplete.resubmitIncompletePublicationsOlderThan(resubmitAfter);
    }
}
