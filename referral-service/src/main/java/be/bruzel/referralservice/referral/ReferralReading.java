package be.bruzel.referralservice.referral;

import be.bruzel.platform.support.problem.RejectedRequestException;
import be.bruzel.platform.support.security.Caller;
import be.bruzel.platform.support.security.Role;
import be.bruzel.referralservice.privacy.PersonDataAccessLog;
import be.bruzel.referralservice.questionnaire.ZoneQuestionnaires;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads referrals for the two sides of the loop; each read of a person's data is logged. */
@Service
public class ReferralReading {

    private final ReferralActions actions;
    private final Referrals referrals;
    private final ReferralLists lists;
    private final PersonDataAccessLog accessLog;
    private final ZoneQuestionnaires questionnaires;

    ReferralReading(
            ReferralActions actions,
            Referrals referrals,
            ReferralLists lists,
            PersonDataAccessLog accessLog,
            ZoneQuestionnaires questionnaires) {
        this.actions = actions;
        this.referrals = referrals;
        this.lists = lists;
        this.accessLog = accessLog;
        this.questionnaires = questionnaires;
    }

    /** Opening a new referral is how its organisation receives it. */
    @Transactional
    public ReferralView open(Caller caller, UUID id) {
        Referral referral = actions.openedBy(caller, id);
        accessLog.record(id, caller.userId(), caller.organisationId().orElse(null), "referral.read");
        boolean forReferrer = referral.isReferredBy(caller.userId());
        // An organisation reads its own attempts to reach the person, not those of one that declined before it.
        return ReferralView.of(
                referral,
                referrals.steps(id),
                referrals.contactAttempts(
                        id,
                        forReferrer
                                ? Optional.empty()
                                : Optional.of(referral.receiver().organisationId())),
                referrals.satisfaction(id),
                questionnaires.answersOn(id),
                referrals.routingOf(id),
                forReferrer);
    }

    @Transactional
    ReferralPage mine(Caller caller, ReferralLists.Criteria criteria, int page, int size) {
        return logged(caller, lists.submittedBy(caller.userId(), criteria, page, size));
    }

    @Transactional
    ReferralPage inbox(Caller caller, ReferralLists.Criteria criteria, int page, int size) {
        String organisation = caller.organisationId()
                .filter(any -> caller.has(Role.ORGANISATION_WORKER))
                .orElseThrow(() ->
                        new RejectedRequestException(HttpStatus.FORBIDDEN, "referral.inbox.no-organisation", null));
        return logged(caller, lists.inboxOf(organisation, criteria, page, size));
    }

    /**
     * A referral's follow-up, for its referrer and its receiving organisation, as opening it would be: the
     * organisation's first look receives it. It names nothing of the person, so it is not a logged read;
     * a refusal is logged as any.
     */
    @Transactional
    public FollowUp followUp(Caller caller, UUID id) {
        actions.openedBy(caller, id);
        return lists.followUp(id).orElseThrow();
    }

    /** The follow-ups of the caller's referrals, or of their organisation's inbox. */
    @Transactional(readOnly = true)
    public FollowUp.Page followUps(Caller caller, FollowUp.Query query) {
        if (caller.has(Role.REFERRER)) {
            return lists.followUps(true, caller.userId(), query);
        }
        String organisation = caller.organisationId()
                .filter(any -> caller.has(Role.ORGANISATION_WORKER))
                .orElseThrow(() ->
                        new RejectedRequestException(HttpStatus.FORBIDDEN, "referral.inbox.no-organisation", null));
        return lists.followUps(false, organisation, query);
    }

    /**
     * The referrals of one submission, for its referrer alone: a receiving organisation has no business with the
     * themes that went elsewhere. Each is a logged read; for anyone else it does not exist, and the attempt is
     * logged.
     */
    @Transactional
    public List<Referral> submission(Caller caller, UUID submissionId) {
        List<Referral> submitted = referrals.ofSubmission(submissionId);
        if (submitted.isEmpty() || !submitted.getFirst().isReferredBy(caller.userId())) {
            accessLog.refused(
                    submissionId, caller.userId(), caller.organisationId().orElse(null));
            throw RejectedRequestException.notFound("referral.not-found", submissionId);
        }
        accessLog.recordAll(
                submitted.stream().map(Referral::id).toList(),
                caller.userId(),
                caller.organisationId().orElse(null),
                "referral.read");
        return submitted;
    }

    /** A list shows each person's name: a read of that person's data like opening the referral. */
    private ReferralPage logged(Caller caller, ReferralPage page) {
        accessLog.recordAll(
                page.items().stream()
                        .filter(item -> item.personName() != null)
                        .map(ReferralSummary::id)
                        .toList(),
                caller.userId(),
                caller.organisationId().orElse(null),
                "referral.list");
        return page;
    }
}
