package be.bruzel.referralservice.referral;

import java.time.Instant;
import java.util.UUID;

/**
 * One try of the receiving organisation to reach the person; BruZEL counts them.
 *
 * @param note what the worker wrote about it, e.g. "voicemail, calls back Monday"; erased with the person's data
 */
public record ContactAttempt(
        UUID id, Instant attemptedAt, Channel channel, boolean reached, String loggedBy, String note) {

    public enum Channel {
        PHONE,
        EMAIL,
        LETTER,
        VISIT
    }
}
