package be.bruzel.referralservice.subjectaccess;

import be.bruzel.platform.support.security.Caller;
import be.bruzel.referralservice.feedback.FeedbackThread;
import be.bruzel.referralservice.privacy.PersonDataAccessLog;
import be.bruzel.referralservice.questionnaire.ZoneQuestionnaires;
import be.bruzel.referralservice.referral.Referral;
import be.bruzel.referralservice.referral.ReferralHistory;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Gathers the person's data of one referral for its referrer or an administrator; the read is logged like any. */
@Service
class PersonDataExport {

    private final ReferralHistory history;
    private final FeedbackThread feedback;
    private final PersonDataAccessLog accessLog;
    private final ZoneQuestionnaires questionnaires;
    private final Clock clock;

    PersonDataExport(
            ReferralHistory history,
            FeedbackThread feedback,
            PersonDataAccessLog accessLog,
            ZoneQuestionnaires questionnaires,
            Clock clock) {
        this.history = history;
        this.feedback = feedback;
        this.accessLog = accessLog;
        this.questionnaires = questionnaires;
        this.clock = clock;
    }

    @Transactional
    PersonData of(Caller caller, UUID id) {
        ReferralHistory.Held held = history.ownedBy(caller, id);
        accessLog.record(id, caller.userId(), caller.organisationId().orElse(null), "person-data.export");
        Referral referral = held.referral();
        return new PersonData(
                id,
                clock.instant(),
                referral.person(),
                referral.residence(),
                referral.themeCodes(),
                referral.question(),
                questionnaires.answersOn(id).orElse(null),
                referral.urgency(),
                referral.contactPreference(),
                referral.consent(),
                referral.referrer(),
                referral.receiver().organisationId(),
                referral.receiver().serviceId().orElse(null),
                referral.status(),
                referral.outcome(),
                referral.times(),
                held.timeline(),
                held.contactAttempts(),
                feedback.of(id),
                held.satisfaction(),
                accessLog.of(id),
                referral.erasure());
    }
}
