package be.bruzel.platform.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The organisation tried to reach the person; the first attempt that reaches them puts the
 * referral in progress.
 *
 * @param channel {@code PHONE}, {@code EMAIL}, {@code LETTER} or {@code VISIT}
 */
@EventType("referral.contact-attempt-logged.v1")
public record ContactAttemptLogged(
        UUID eventId,
        Instant occurredAt,
        UUID referralId,
        UUID attemptId,
        String organisationId,
        Instant attemptedAt,
        String channel,
        boolean reached)
        implements ReferralEvent {

    public ContactAttemptLogged {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(referralId, "referralId");
    }
}
