package be.bruzel.platform.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An open referral had no activity for the idle period and was closed by the platform. Its
 * personal data is then erased like that of any closed referral, after the retention period.
 *
 * @param lastActivityAt when anyone last did something with it
 */
@EventType("referral.expired.v1")
public record ReferralExpired(
        UUID eventId,
        Instant occurredAt,
        UUID referralId,
        String referrerId,
        String organisationId,
        Instant lastActivityAt)
        implements ReferralEvent {

    public ReferralExpired {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(referralId, "referralId");
    }
}
