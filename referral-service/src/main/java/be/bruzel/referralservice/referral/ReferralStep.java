package be.bruzel.referralservice.referral;

import java.time.Instant;

/**
 * One entry of a referral's timeline, as both sides see it: what happened, by which side, e.g.
 * {@code DECLINED} by {@code ORGANISATION} with detail {@code NO_CAPACITY}. The detail is a code;
 * the remark is what the actor wrote, may speak of the person, and is erased with the person's data.
 *
 * @param step the name of a {@link TimelineStep}
 * @param actorRole {@code REFERRER}, {@code ORGANISATION}, {@code ADMINISTRATOR} or {@code PLATFORM} (routing,
 *     reminders, retention)
 */
public record ReferralStep(Instant at, String step, String actorId, String actorRole, String detail, String remark) {

    /** As a reader other than its referrer sees it: a decline's remark was for the referrer only. */
    ReferralStep withoutRemarkUnless(boolean shown) {
        return shown || remark == null || !TimelineStep.DECLINED.name().equals(step)
                ? this
                : new ReferralStep(at, step, actorId, actorRole, detail, null);
    }
}
