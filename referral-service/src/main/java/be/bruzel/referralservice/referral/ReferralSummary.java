package be.bruzel.referralservice.referral;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A referral in a list: what it is about and where it stands, never the person's data, so that
 * lists need no entry in the access log.
 *
 * @param overdue the receiver has not answered within the reminder delay
 */
public record ReferralSummary(
        UUID id,
        String status,
        String urgency,
        List<String> themes,
        String municipalityNis,
        String careZone,
        String receivingOrganisationId,
        String receivingServiceId,
        boolean unmetNeed,
        Instant submittedAt,
        Instant waitingSince,
        boolean overdue,
        String outcome) {

    static ReferralSummary of(Referral referral) {
        return new ReferralSummary(
                referral.id(),
                ReferralView.code(referral.status()),
                ReferralView.code(referral.urgency()),
                referral.themeCodes(),
                referral.residence().municipalityNis(),
                referral.residence().careZoneCode(),
                referral.receiver().organisationId(),
                referral.receiver().serviceId().orElse(null),
                referral.receiver().unmetNeed(),
                referral.times().submittedAt(),
                referral.times().waitingSince(),
                referral.status().isWaiting() && referral.times().remindedAt() != null,
                referral.outcome() == null ? null : ReferralView.code(referral.outcome()));
    }
}
