package be.bruzel.referralservice.referral;

import java.time.Instant;

/**
 * One entry of a referral's timeline, as both sides see it. Codes only: what happened, by which
 * side, e.g. {@code DECLINED} by {@code ORGANISATION} with detail {@code NO_CAPACITY}.
 *
 * @param actorRole {@code REFERRER}, {@code ORGANISATION} or {@code PLATFORM} (routing, reminders)
 */
public record ReferralStep(Instant at, String step, String actorId, String actorRole, String detail) {

    static ReferralStep byReferrer(Instant at, String step, String userId, String detail) {
        return new ReferralStep(at, step, userId, "REFERRER", detail);
    }

    static ReferralStep byOrganisation(Instant at, String step, String userId, String detail) {
        return new ReferralStep(at, step, userId, "ORGANISATION", detail);
    }

    static ReferralStep byPlatform(Instant at, String step, String detail) {
        return new ReferralStep(at, step, null, "PLATFORM", detail);
    }
}
