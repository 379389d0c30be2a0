package be.bruzel.referralservice.referral;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A referral in a list: what tells it apart and where it stands. Only its referrer and its
 * receiving organisation list it, and each listing of the person's name is logged as a read.
 *
 * @param reference the id's first eight characters, as people say it on the phone and e-mails name it
 * @param personName none once the person's data is erased
 * @param overdue the receiver has not answered within the reminder delay
 */
public record ReferralSummary(
        UUID id,
        String reference,
        String personName,
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
                referenceOf(referral.id()),
                referral.person().name(),
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

    static String referenceOf(UUID id) {
        return id.toString().substring(0, 8);
    }
}
