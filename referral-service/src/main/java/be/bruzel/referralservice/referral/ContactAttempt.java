package be.bruzel.referralservice.referral;

import java.time.Instant;
import java.util.UUID;

/** One try of the receiving organisation to reach the person; BruZEL counts them. */
public record ContactAttempt(UUID id, Instant attemptedAt, Channel channel, boolean reached, String loggedBy) {

    public enum Channel { PHONE, EMAIL, LETTER, VISIT }
}
