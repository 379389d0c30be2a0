package be.bruzel.platform.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Still no answer after the escalation delay: the care zone's helpdesk is asked to step in
 * and the referrer is told.
 */
@EventType("referral.escalated.v1")
public record ReferralEscalated(
        UUID eventId,
        Instant occurredAt,
        UUID referralId,
        String organisationId,
        String serviceId,
        String careZoneCode,
        String referrerId,
        int workingDaysWaiting)
        implements ReferralEvent {

    public ReferralEscalated {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(referralId, "referralId");
    }
}
