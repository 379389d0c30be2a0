package be.bruzel.notificationservice.delivery;

import java.time.Duration;

/**
 * How a delivery that failed is tried again: rounds of {@code maxAttempts} attempts with growing backoff (2 s, 4 s,
 * 8 s, ... at most 256 s apart), and {@code retryFailedAfter} between rounds, for as long as it takes: an e-mail
 * or a notification is never given up on.
 */
public record Retries(int maxAttempts, Duration retryFailedAfter) {

    public Retries {
        maxAttempts = maxAttempts <= 0 ? 5 : maxAttempts;
        retryFailedAfter = retryFailedAfter == null ? Duration.ofMinutes(10) : retryFailedAfter;
    }

    /** After this many failed attempts in all, a round is over: the delivery counts as failed until the next. */
    public boolean roundOver(int attempts) {
        return attempts % maxAttempts == 0;
    }

    /** How long to wait after this many failed attempts in all. */
    public Duration waitAfter(int attempts) {
        if (roundOver(attempts)) {
            return retryFailedAfter;
        }
        return Duration.ofSeconds(1L << Math.min(attempts, 8));
    }
}
