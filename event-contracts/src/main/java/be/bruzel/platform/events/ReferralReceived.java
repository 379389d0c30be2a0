package be.bruzel.platform.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The receiving organisation opened a new referral for the first time. */
@EventType("referral.received.v1")
public record ReferralReceived(
        UUID eventId, Instant occurredAt, UUID referralId, String organisationId, String serviceId)
        implements ReferralEvent {

    public ReferralReceived {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(referralId, "referralId");
    }
}
