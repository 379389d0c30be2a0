package be.bruzel.referralservice.subjectaccess;

import be.bruzel.referralservice.feedback.FeedbackMessage;
import be.bruzel.referralservice.privacy.PersonDataAccessLog;
import be.bruzel.referralservice.questionnaire.AnsweredQuestionnaire;
import be.bruzel.referralservice.referral.ContactAttempt;
import be.bruzel.referralservice.referral.Referral;
import be.bruzel.referralservice.referral.ReferralStep;
import be.bruzel.referralservice.referral.Satisfaction;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Everything held about the person in one referral, as the platform stores it.
 *
 * @param person once erased, only the language
 * @param questionnaire what was answered with the person, the other need in the referrer's words; none once erased
 * @param erasure when and why the person's data was erased; none while it is held
 * @param accessLog every read of the person's data and every refused attempt, this copy's own read included
 */
public record PersonData(
        UUID referralId,
        Instant madeAt,
        Referral.Person person,
        Referral.Residence residence,
        List<String> themes,
        String question,
        AnsweredQuestionnaire questionnaire,
        Referral.Urgency urgency,
        Referral.ContactPreference contactPreference,
        Referral.Consent consent,
        Referral.Referrer referrer,
        String receivingOrganisationId,
        String receivingServiceId,
        Referral.Status status,
        Referral.Outcome outcome,
        Referral.Times times,
        List<ReferralStep> timeline,
        List<ContactAttempt> contactAttempts,
        List<FeedbackMessage> feedback,
        List<Satisfaction> satisfaction,
        List<PersonDataAccessLog.Access> accessLog,
        Referral.Erasure erasure) {}
