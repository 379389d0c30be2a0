package be.bruzel.referralservice.referral;

import be.bruzel.platform.support.problem.RejectedRequestException;
import be.bruzel.platform.support.security.Caller;
import be.bruzel.platform.support.security.Role;
import be.bruzel.referralservice.duplicates.Duplicates;
import be.bruzel.referralservice.questionnaire.ZoneQuestionnaires;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases the personal data of the person in referrals (GDPR art. 17): at the request of the person, through their
 * referrer or an administrator, at once; after the retention period, by the platform. The referral keeps its codes,
 * steps and times, so the timeline, the statistics and the audit trail still work; its erasure is a step and an event
 * ({@code referral.erased.v1}), so every copy of anything about it can follow.
 */
@Service
public class ReferralErasure {

    private final Referrals referrals;
    private final ReferralActions actions;
    private final Duplicates duplicates;
    private final ZoneQuestionnaires questionnaires;
    private final ApplicationEventPublisher events;
    private final MeterRegistry meters;
    private final Clock clock;

    ReferralErasure(
            Referrals referrals,
            ReferralActions actions,
            Duplicates duplicates,
            ZoneQuestionnaires questionnaires,
            ApplicationEventPublisher events,
            MeterRegistry meters,
            Clock clock) {
        this.referrals = referrals;
        this.actions = actions;
        this.duplicates = duplicates;
        this.questionnaires = questionnaires;
        this.events = events;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * Erases at once. An open referral is withdrawn first, so the receiving organisation stops working on it and is
     * told. Asking again answers with the first erasure.
     */
    @Transactional
    public Referral.Erasure onRequest(Caller caller, UUID id, Referral.ErasureReason reason) {
        if (reason == Referral.ErasureReason.RETENTION) {
            throw new RejectedRequestException(HttpStatus.BAD_REQUEST, "referral.erasure.reason", "reason");
        }
        Referral referral = actions.ownedBy(caller, id);
        if (referral.isErased()) {
            return referral.erasure();
        }
        Instant now = clock.instant();
        String role = caller.has(Role.ADMINISTRATOR) && !referral.isReferredBy(caller.userId())
                ? "ADMINISTRATOR"
                : "REFERRER";
        Transitions.Actor actor = new Transitions.Actor(caller.userId(), role);
        if (!referral.status().isFinal()) {
            referral = actions.withdraw(referral, actor, reason.name(), null);
        }
        Referral closed = referral;
        Transition erased = ReferralActions.transition(() -> closed.erase(reason, now));
        store(List.of(erased), actor, now);
        return erased.referral().erasure();
    }

    /**
     * Erases, for the retention period has passed, the closed referrals given; each still holding the person's data.
     *
     * @return how many were erased
     */
    @Transactional(propagation = Propagation.MANDATORY)
    int afterRetention(List<UUID> ids) {
        Instant now = clock.instant();
        List<Transition> erased = referrals.findAll(ids).stream()
                .filter(referral -> !referral.isErased())
                .map(referral ->
                        ReferralActions.transition(() -> referral.erase(Referral.ErasureReason.RETENTION, now)))
                .toList();
        store(erased, Transitions.Actor.PLATFORM, now);
        return erased.size();
    }

    /** In one statement for a batch: all erased for the same reason, by the same actor. */
    private void store(List<Transition> erased, Transitions.Actor actor, Instant now) {
        if (erased.isEmpty()) {
            return;
        }
        Referral.ErasureReason reason = erased.getFirst().referral().erasure().reason();
        referrals.erase(
                erased.stream().map(Transition::referral).toList(),
                new ReferralStep(
                        now,
                        TimelineStep.PERSONAL_DATA_ERASED.name(),
                        actor.userId(),
                        actor.role(),
                        reason.name(),
                        null));
        List<UUID> ids =
                erased.stream().map(transition -> transition.referral().id()).toList();
        duplicates.forget(ids);
        questionnaires.erase(ids);
        erased.forEach(transition -> transition.events().forEach(events::publishEvent));
        Counter.builder("referrals.personal_data.erased")
                .description("Referrals whose person's data was erased")
                .tag("reason", reason.name())
                .register(meters)
                .increment(erased.size());
    }
}
