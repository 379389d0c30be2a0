package be.bruzel.platform.support.outbox;

import java.time.Duration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Sends again what the outbox could not send. Consumers deduplicate by event id, so an event
 * sent twice (two instances resubmitting at once) has one effect.
 */
public class OutboxResubmission {

    private final IncompleteEventPublications incomplete;
    private final Duration resubmitAfter;

    public OutboxResubmission(IncompleteEventPublications incomplete, Duration resubmitAfter) {
        this.incomplete = incomplete;
        this.resubmitAfter = resubmitAfter;
    }

    @Scheduled(fixedDelayString = "${platform.outbox.resubmit-every:PT15S}",
            initialDelayString = "${platform.outbox.resubmit-every:PT15S}")
    public void resubmit() {
        incomplete.resubmitIncompletePublicationsOlderThan(resubmitAfter);
    }
}
