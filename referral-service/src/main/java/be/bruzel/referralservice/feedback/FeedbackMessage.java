package be.bruzel.referralservice.feedback;

import java.time.Instant;
import java.util.UUID;

/**
 * One message in a referral's feedback thread between the referrer and the receiving organisation.
 *
 * @param authorRole {@code REFERRER} or {@code ORGANISATION}
 * @param body none once the person's data is erased
 */
public record FeedbackMessage(
        UUID id, String authorId, String authorName, String authorRole, String body, Instant postedAt) {}
