package be.bruzel.referralservice.referral;

import be.bruzel.platform.routing.Fact;
import be.bruzel.referralservice.questionnaire.AnsweredQuestionnaire;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A referral as its referrer and its receiving organisation see it, with the person's data, the
 * timeline, the contact attempts, the scores and why it went where it went.
 *
 * @param person none once erased; {@code personalData} then says when and why
 * @param question none once erased
 * @param questionnaire the zone's needs questionnaire as it was answered; none if it was not, or once erased
 * @param routing per theme: the chosen service or the helpdesk, and every candidate weighed with the verdict
 * @param version send back what you read; a change made meanwhile by someone else is a 409
 */
public record ReferralView(
        UUID id,
        UUID submissionId,
        String status,
        String urgency,
        List<String> themes,
        String question,
        PersonView person,
        AnsweredQuestionnaire questionnaire,
        ResidenceView residence,
        Referral.ContactPreference contactPreference,
        ConsentView consent,
        ReferrerView referrer,
        ReceiverView receiver,
        String outcome,
        Referral.Times times,
        List<ReferralStep> timeline,
        List<ContactAttempt> contactAttempts,
        List<Satisfaction> satisfaction,
        @JsonRawValue String routing,
        PersonalDataView personalData,
        int version) {

    /** @param erasedAt when the person's data was erased; none while it is held */
    public record PersonalDataView(Instant erasedAt, String erasureReason) {}

    /**
     * @param yearOfBirth none: not given
     * @param facts what the referrer said of the person for routing, each true or false; left out: not known
     */
    public record PersonView(
            String name,
            String phone,
            String email,
            String preferredLanguage,
            Integer yearOfBirth,
            Map<Fact, Boolean> facts) {}

    public record ResidenceView(String postcode, String municipalityNis, String areaId, String careZone) {}

    /** @param askAfterwards the person agreed to be asked afterwards themselves how it went */
    public record ConsentView(String method, Instant givenAt, boolean askAfterwards) {}

    public record ReferrerView(String userId, String name, String profession) {}

    /** @param unmetNeed no service could take it: the care zone's helpdesk has it */
    public record ReceiverView(String organisationId, String serviceId, boolean unmetNeed) {}

    /** @param forReferrer the reader is its referrer, who alone reads why organisations declined it */
    static ReferralView of(
            Referral referral,
            List<ReferralStep> timeline,
            List<ContactAttempt> attempts,
            List<Satisfaction> satisfaction,
            Optional<AnsweredQuestionnaire> answers,
            String routing,
            boolean forReferrer) {
        Referral.Person person = referral.person();
        Referral.Residence residence = referral.residence();
        Referral.Erasure erasure = referral.erasure();
        return new ReferralView(
                referral.id(),
                referral.submissionId(),
                code(referral.status()),
                code(referral.urgency()),
                referral.themeCodes(),
                referral.question(),
                referral.isErased()
                        ? null
                        : new PersonView(
                                person.name(),
                                person.phone(),
                                person.email(),
                                person.preferredLanguage(),
                                person.facts().yearOfBirth(),
                                person.facts().facts()),
                answers.orElse(null),
                new ResidenceView(
                        residence.postcode(),
                        residence.municipalityNis(),
                        residence.areaId(),
                        residence.careZoneCode()),
                referral.contactPreference(),
                new ConsentView(
                        code(referral.consent().method()),
                        referral.consent().givenAt(),
                        referral.consent().askAfterwards()),
                new ReferrerView(
                        referral.referrer().userId(),
                        referral.referrer().name(),
                        referral.referrer().profession()),
                new ReceiverView(
                        referral.receiver().organisationId(),
                        referral.receiver().serviceId().orElse(null),
                        referral.receiver().unmetNeed()),
                referral.outcome() == null ? null : code(referral.outcome()),
                referral.times(),
                timeline.stream()
                        .map(step -> step.withoutRemarkUnless(forReferrer))
                        .toList(),
                attempts,
                satisfaction,
                routing,
                new PersonalDataView(
                        erasure == null ? null : erasure.erasedAt(), erasure == null ? null : code(erasure.reason())),
                referral.version());
    }

    static String code(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
