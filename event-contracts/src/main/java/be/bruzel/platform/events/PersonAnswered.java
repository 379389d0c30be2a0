package be.bruzel.platform.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The person referred answered the platform's question about their referral themselves, through the
 * link they were sent (with their consent): whether the organisation contacted them and how satisfied
 * they are. Their comment, if any, stays in referral-service with their other data.
 *
 * @param contacted whether the person says the organisation contacted them
 * @param score 1 (very unhappy) to 5 (very happy); none when they did not say
 */
@EventType("referral.person-answered.v1")
public record PersonAnswered(
        UUID eventId, Instant occurredAt, UUID referralId, String organisationId, boolean contacted, Integer score)
        implements ReferralEvent {

    public PersonAnswered {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(referralId, "referralId");
    }
}
