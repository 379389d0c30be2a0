package be.bruzel.platform.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The referrer withdrew the referral before it was completed. */
@EventType("referral.cancelled.v1")
public record ReferralCancelled(
        UUID eventId, Instant occurredAt, UUID referralId, String referrerId, String organisationId)
        implements ReferralEvent {

    public ReferralCancelled {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(referralId, "referralId");
    }
}
