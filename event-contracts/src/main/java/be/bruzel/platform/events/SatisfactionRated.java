package be.bruzel.platform.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * After completion the referrer or the organisation scored how the referral went.
 *
 * @param raterRole {@code REFERRER} or {@code ORGANISATION}
 * @param score 1 (poor) to 5 (very good)
 */
@EventType("referral.satisfaction-rated.v1")
public record SatisfactionRated(UUID eventId, Instant occurredAt, UUID referralId, String raterRole, int score)
        implements ReferralEvent {

    public SatisfactionRated {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(referralId, "referralId");
    }
}
