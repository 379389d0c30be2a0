package be.bruzel.referralservice.referral;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A referral as the one following it up sees it: where it stands, since when, and why it was declined when
 * it was; what a FHIR Task tells of it, which names nothing of the person.
 *
 * @param lastUpdated its newest timeline step
 * @param declineReason the last decline's reason, e.g. {@code NO_CAPACITY}; none when it was never declined
 */
public record FollowUp(Referral referral, Instant lastUpdated, Optional<String> declineReason) {

    /**
     * What a search for follow-ups is narrowed to; the caller's own referrals always.
     *
     * @param statuses any when empty
     * @param updatedFrom the first instant of the last update, inclusive
     * @param updatedUntil the last instant of the last update, inclusive
     */
    public record Query(
            List<Referral.Status> statuses,
            Optional<Instant> updatedFrom,
            Optional<Instant> updatedUntil,
            int offset,
            int count) {

        public Query {
            statuses = List.copyOf(statuses);
        }
    }

    /** @param total how many match in all */
    public record Page(List<FollowUp> items, long total) {}
}
