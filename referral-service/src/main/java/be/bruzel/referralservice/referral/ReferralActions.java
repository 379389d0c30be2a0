package be.bruzel.referralservice.referral;

import be.bruzel.platform.events.ContactAttemptLogged;
import be.bruzel.platform.events.ReferralAccepted;
import be.bruzel.platform.events.ReferralCancelled;
import be.bruzel.platform.events.ReferralCompleted;
import be.bruzel.platform.events.ReferralDeclined;
import be.bruzel.platform.events.ReferralReceived;
import be.bruzel.platform.events.ReferralRerouted;
import be.bruzel.platform.events.SatisfactionRated;
import be.bruzel.platform.support.problem.RejectedRequestException;
import be.bruzel.platform.support.security.Caller;
import be.bruzel.platform.support.security.Role;
import be.bruzel.referralservice.directory.Residence;
import be.bruzel.referralservice.privacy.PersonDataAccessLog;
import be.bruzel.referralservice.routing.Receiver;
import be.bruzel.referralservice.routing.ReferralRouting;
import be.bruzel.referralservice.routing.Route;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the receiving organisation and the referrer do with a referral. Each action is taken by
 * the right side only, is checked against the referral's state, is saved only if nobody changed
 * the referral meanwhile, and publishes its event in the same transaction.
 */
@Service
public class ReferralActions {

    private final Referrals referrals;
    private final ReferralRouting routing;
    private final ApplicationEventPublisher events;
    private final PersonDataAccessLog accessLog;
    private final Clock clock;

    ReferralActions(Referrals referrals, ReferralRouting routing, ApplicationEventPublisher events,
            PersonDataAccessLog accessLog, Clock clock) {
        this.referrals = referrals;
        this.routing = routing;
        this.events = events;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    /**
     * The referral as the caller may see it: its referrer or its receiving organisation; anyone else gets a 404, and
     * the attempt stays in the access log so that probing leaves a trace.
     */
    public Referral visibleTo(Caller caller, UUID id) {
        return referrals.find(id)
                .filter(referral -> referral.isReferredBy(caller.userId()) || receives(caller, referral))
                .orElseThrow(() -> refused(caller, id));
    }

    /** Its referrer, or an administrator acting on a person's request; anyone else gets a 404, logged. */
    public Referral ownedBy(Caller caller, UUID id) {
        return referrals.find(id)
                .filter(referral -> referral.isReferredBy(caller.userId()) || caller.has(Role.ADMINISTRATOR))
                .orElseThrow(() -> refused(caller, id));
    }

    private RejectedRequestException refused(Caller caller, UUID id) {
        accessLog.refused(id, caller.userId(), caller.organisationId().orElse(null));
        return RejectedRequestException.notFound("referral.not-found", id);
    }

    /** The first time the receiving organisation opens a new referral, it is received. */
    @Transactional
    public Referral openedBy(Caller caller, UUID id) {
        Referral referral = visibleTo(caller, id);
        if (!receives(caller, referral) || referral.status() != Referral.Status.SUBMITTED) {
            return referral;
        }
        Instant now = clock.instant();
        Referral received = referrals.update(referral.receive(), Optional.empty());
        referrals.addStep(id, ReferralStep.byOrganisation(now, "RECEIVED", caller.userId(), null));
        events.publishEvent(new ReferralReceived(UUID.randomUUID(), now, id, referral.receiver().organisationId(),
                referral.receiver().serviceId().orElse(null)));
        return received;
    }

    @Transactional
    public Referral accept(Caller caller, UUID id) {
        Instant now = clock.instant();
        Referral accepted = byReceiver(caller, id, referral -> referral.accept(now));
        referrals.addStep(id, ReferralStep.byOrganisation(now, "ACCEPTED", caller.userId(), null));
        events.publishEvent(new ReferralAccepted(UUID.randomUUID(), now, id, accepted.receiver().organisationId(),
                accepted.receiver().serviceId().orElse(null)));
        return accepted;
    }

    /** Declined: routed to the next candidate that did not decline yet, or returned to the referrer. */
    @Transactional
    public Referral decline(Caller caller, UUID id, Referral.DeclineReason reason, String remark) {
        Instant now = clock.instant();
        Referral before = receivedBy(caller, id);
        List<String> declined = new ArrayList<>(before.declinedBy());
        before.receiver().serviceId().ifPresent(declined::add);
        Optional<List<Route>> rerouted = nextRoute(before, declined);
        Receiver next = rerouted.map(routes -> routes.getFirst().receiver()).orElse(null);
        Referral after = save(() -> before.decline(next, now), rerouted);
        referrals.addStep(id, ReferralStep.byOrganisation(now, "DECLINED", caller.userId(), reason.name())
                .withRemark(remark));
        events.publishEvent(new ReferralDeclined(UUID.randomUUID(), now, id, before.receiver().organisationId(),
                before.receiver().serviceId().orElse(null), reason.name(), next != null));
        if (next != null) {
            referrals.addStep(id, ReferralStep.byPlatform(now, "ROUTED", next.organisationId()));
            events.publishEvent(new ReferralRerouted(UUID.randomUUID(), now, id, next.organisationId(),
                    next.serviceId().orElse(null), next.unmetNeed()));
        }
        return after;
    }

    @Transactional
    public ContactAttempt logContactAttempt(Caller caller, UUID id, ContactAttempt.Channel channel, boolean reached,
            Instant attemptedAt, String note) {
        Instant now = clock.instant();
        if (attemptedAt.isAfter(now)) {
            throw new RejectedRequestException(HttpStatus.BAD_REQUEST, "referral.contact-attempt.future",
                    "attemptedAt");
        }
        Referral before = receivedBy(caller, id);
        Referral after = transition(() -> before.contactAttempted(reached, attemptedAt));
        if (after != before) {
            referrals.update(after, Optional.empty());
        }
        ContactAttempt attempt = new ContactAttempt(UUID.randomUUID(), attemptedAt, channel, reached, caller.userId(),
                note);
        referrals.addContactAttempt(id, after.receiver().organisationId(), attempt, now);
        referrals.addStep(id, ReferralStep.byOrganisation(now, reached ? "CONTACT_MADE" : "CONTACT_ATTEMPTED",
                caller.userId(), channel.name()));
        events.publishEvent(new ContactAttemptLogged(UUID.randomUUID(), now, id, attempt.id(),
                before.receiver().organisationId(), attemptedAt, channel.name(), reached));
        return attempt;
    }

    @Transactional
    public Referral complete(Caller caller, UUID id, Referral.Outcome outcome) {
        Instant now = clock.instant();
        Referral completed = byReceiver(caller, id, referral -> referral.complete(outcome, now));
        referrals.addStep(id, ReferralStep.byOrganisation(now, "COMPLETED", caller.userId(), outcome.name()));
        events.publishEvent(new ReferralCompleted(UUID.randomUUID(), now, id, completed.receiver().organisationId(),
                outcome.name()));
        return completed;
    }

    @Transactional
    public Referral cancel(Caller caller, UUID id, String remark) {
        Referral referral = visibleTo(caller, id);
        if (!referral.isReferredBy(caller.userId())) {
            throw new RejectedRequestException(HttpStatus.FORBIDDEN, "referral.cancel.referrer-only", null);
        }
        return withdraw(referral, ReferralStep.byReferrer(clock.instant(), "CANCELLED", caller.userId(), null)
                .withRemark(remark));
    }

    /** Withdrawn by its referrer, or for them; the receiving organisation is told, with nothing of the person. */
    Referral withdraw(Referral referral, ReferralStep step) {
        Referral cancelled = save(() -> referral.cancel(step.at()), Optional.empty());
        referrals.addStep(referral.id(), step);
        events.publishEvent(new ReferralCancelled(UUID.randomUUID(), step.at(), referral.id(),
                referral.referrer().userId(), referral.receiver().organisationId()));
        return cancelled;
    }

    /** After completion each side scores the referral once, 1 to 5. */
    @Transactional
    public Satisfaction rate(Caller caller, UUID id, int score) {
        Referral referral = visibleTo(caller, id);
        transition(() -> {
            referral.requireCompleted();
            return referral;
        });
        String side = receives(caller, referral) ? "ORGANISATION" : "REFERRER";
        Satisfaction satisfaction = new Satisfaction(side, score, clock.instant());
        if (!referrals.addSatisfaction(id, satisfaction, caller.userId())) {
            throw new RejectedRequestException(HttpStatus.CONFLICT, "referral.satisfaction.given", "score");
        }
        referrals.addStep(id, new ReferralStep(satisfaction.ratedAt(), "RATED", caller.userId(), side,
                String.valueOf(score), null));
        events.publishEvent(new SatisfactionRated(UUID.randomUUID(), satisfaction.ratedAt(), id, side, score));
        return satisfaction;
    }

    private Referral byReceiver(Caller caller, UUID id, UnaryOperator<Referral> change) {
        Referral referral = receivedBy(caller, id);
        return save(() -> change.apply(referral), Optional.empty());
    }

    /** Only a worker of the receiving organisation acts on its behalf; the referrer is refused. */
    private Referral receivedBy(Caller caller, UUID id) {
        Referral referral = visibleTo(caller, id);
        if (!receives(caller, referral)) {
            throw new RejectedRequestException(HttpStatus.FORBIDDEN, "referral.action.receiver-only", null);
        }
        return referral;
    }

    private Referral save(Supplier<Referral> change, Optional<List<Route>> routes) {
        return referrals.update(transition(change), routes);
    }

    static Referral transition(Supplier<Referral> change) {
        try {
            return change.get();
        } catch (Referral.IllegalTransitionException illegal) {
            throw new RejectedRequestException(HttpStatus.CONFLICT, "referral.transition.illegal", "status",
                    illegal.status().name().toLowerCase(Locale.ROOT))
                    .withProperty("status", illegal.status().name().toLowerCase(Locale.ROOT));
        }
    }

    /** The next receiver after a decline, routed as the territory and the directory are today. */
    private Optional<List<Route>> nextRoute(Referral referral, List<String> declined) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ReferralSubmission.BRUSSELS);
        Residence residence = routing.residence(referral.residence().postcode(),
                referral.residence().municipalityNis(), today);
        Route route = routing.route(residence, referral.themeCodes().getFirst(), referral.person().preferredLanguage(),
                today, declined);
        return route.receiver().unmetNeed() ? Optional.empty() : Optional.of(List.of(route));
    }

    private static boolean receives(Caller caller, Referral referral) {
        return caller.has(Role.ORGANISATION_WORKER)
                && caller.organisationId().filter(referral::isReceivedBy).isPresent();
    }
}
