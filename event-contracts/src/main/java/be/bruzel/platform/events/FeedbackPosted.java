package be.bruzel.platform.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Someone wrote in the referral's feedback thread. The text stays in referral-service.
 *
 * @param authorRole {@code REFERRER} or {@code ORGANISATION}
 */
@EventType("referral.feedback-posted.v1")
public record FeedbackPosted(
        UUID eventId,
        Instant occurredAt,
        UUID referralId,
        UUID messageId,
        String authorRole,
        String authorId,
        String organisationId,
        String referrerId)
        implements ReferralEvent {

    public FeedbackPosted {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(referralId, "referralId");
    }
}
