package be.bruzel.platform.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The receiving organisation accepted the referral and will contact the person. */
@EventType("referral.accepted.v1")
public record ReferralAccepted(
        UUID eventId, Instant occurredAt, UUID referralId, String organisationId, String serviceId)
        implements ReferralEvent {

    public ReferralAccepted {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(referralId, "referralId");
    }
}
