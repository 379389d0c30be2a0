package be.bruzel.platform.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The organisation closed the referral with an outcome.
 *
 * @param outcome {@code SOLVED}, {@code PARTLY_SOLVED}, {@code REFERRED_ON}, {@code PERSON_DECLINED} or {@code UNREACHABLE}
 */
@EventType("referral.completed.v1")
public record ReferralCompleted(
        UUID eventId, Instant occurredAt, UUID referralId, String organisationId, String outcome)
        implements ReferralEvent {

    public ReferralCompleted {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(referralId, "referralId");
    }
}
