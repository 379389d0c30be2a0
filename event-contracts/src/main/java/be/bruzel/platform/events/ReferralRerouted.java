package be.bruzel.platform.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The referral now waits at another receiver: the next candidate after a decline, or the
 * care zone's helpdesk (an unmet need).
 */
@EventType("referral.rerouted.v1")
public record ReferralRerouted(
        UUID eventId, Instant occurredAt, UUID referralId, String organisationId, String serviceId, boolean unmetNeed)
        implements ReferralEvent {

    public ReferralRerouted {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(referralId, "referralId");
    }
}
