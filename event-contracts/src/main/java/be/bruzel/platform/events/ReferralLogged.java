package be.bruzel.platform.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A referrer logged a referral they made outside the platform (by phone, on paper): what it was about and where, so
 * that the statistics count it, apart from the platform's own referrals. It names nothing of the person, and nothing
 * happens to it after: no organisation receives it on the platform.
 *
 * @param referralId the logged referral's own id
 * @param madeOn the day the referral was made, on or before the day it was logged
 * @param channel how it was made: {@code PHONE}, {@code PAPER}, {@code EMAIL}, {@code IN_PERSON} or {@code OTHER}
 * @param areaId the district where the municipality is split over zones, else the municipality's area
 * @param careZoneCode the care zone of the area on the day it was made
 * @param receivingOrganisationId the organisation referred to; none when the referrer did not say
 */
@EventType("referral.logged.v1")
public record ReferralLogged(
        UUID eventId,
        Instant occurredAt,
        UUID referralId,
        String referrerId,
        String referrerProfession,
        LocalDate madeOn,
        String channel,
        List<String> themeCodes,
        String municipalityNis,
        String areaId,
        String careZoneCode,
        String receivingOrganisationId)
        implements ReferralEvent {

    public ReferralLogged {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(madeOn, "madeOn");
        themeCodes = List.copyOf(themeCodes);
    }
}
