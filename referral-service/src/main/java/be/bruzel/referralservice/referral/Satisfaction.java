package be.bruzel.referralservice.referral;

import java.time.Instant;

/**
 * How one side scored a completed referral.
 *
 * @param raterRole {@code REFERRER} or {@code ORGANISATION}
 * @param score 1 (poor) to 5 (very good)
 */
public record Satisfaction(String raterRole, int score, Instant ratedAt) {}
