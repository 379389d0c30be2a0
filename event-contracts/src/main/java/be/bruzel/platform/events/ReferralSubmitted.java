package be.bruzel.platform.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A referrer submitted a referral, with the person's consent, and routing chose who receives it.
 * Where the person lives is given as the territory was on the day, so statistics keep it.
 *
 * @param urgency {@code ROUTINE}, {@code SOON} or {@code URGENT}
 * @param areaId the district where the municipality is split over zones, else the municipality's area
 * @param receivingServiceId none when the care zone's helpdesk receives it
 * @param unmetNeed no service could take it: it went to the care zone's helpdesk
 * @param referrerProfession e.g. {@code general-practitioner}, from the referrer's account
 * @param submissionId the submission it came from; its referrals (one per receiver) share it, and its answers
 * @param answers the zone's needs questionnaire as the referrer went through it with the person, in codes only (an
 *     "other need" is only said to be there, never what it is); none when no questionnaire was answered
 */
@EventType("referral.submitted.v1")
public record ReferralSubmitted(
        UUID eventId,
        Instant occurredAt,
        UUID referralId,
        String referrerId,
        List<String> themeCodes,
        String postcode,
        String preferredLanguage,
        String urgency,
        String municipalityNis,
        String areaId,
        String careZoneCode,
        String receivingOrganisationId,
        String receivingServiceId,
        boolean unmetNeed,
        String referrerProfession,
        UUID submissionId,
        Answers answers)
        implements ReferralEvent {

    /**
     * The options chosen in one version of a questionnaire.
     *
     * @param otherNeed the person has a need that none of the options names
     * @param otherNeedOption the code among {@code optionCodes} of the option that says so, for statistics to count
     *     it as an other need; none when the other need was not chosen (or in events from before it was added)
     */
    public record Answers(
            String questionnaireCode,
            int questionnaireVersion,
            List<String> optionCodes,
            boolean otherNeed,
            String otherNeedOption) {
        public Answers {
            Objects.requireNonNull(questionnaireCode, "questionnaireCode");
            optionCodes = List.copyOf(optionCodes);
        }

        /** Answers as first published, without naming the other need's option. */
        public Answers(
                String questionnaireCode, int questionnaireVersion, List<String> optionCodes, boolean otherNeed) {
            this(questionnaireCode, questionnaireVersion, optionCodes, otherNeed, null);
        }
    }

    public ReferralSubmitted {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(referralId, "referralId");
        themeCodes = List.copyOf(themeCodes);
    }

    /** A referral submitted without the questionnaire, as before it existed. */
    public ReferralSubmitted(
            UUID eventId,
            Instant occurredAt,
            UUID referralId,
            String referrerId,
            List<String> themeCodes,
            String postcode,
            String preferredLanguage,
            String urgency,
            String municipalityNis,
            String areaId,
            String careZoneCode,
            String receivingOrganisationId,
            String receivingServiceId,
            boolean unmetNeed,
            String referrerProfession) {
        this(
                eventId,
                occurredAt,
                referralId,
                referrerId,
                themeCodes,
                postcode,
                preferredLanguage,
                urgency,
                municipalityNis,
                areaId,
                careZoneCode,
                receivingOrganisationId,
                receivingServiceId,
                unmetNeed,
                referrerProfession,
                null,
                null);
    }
}
