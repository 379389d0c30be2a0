package be.bruzel.referralservice.referral;

import be.bruzel.platform.directorycopy.Residence;
import be.bruzel.platform.support.problem.RejectedRequestException;
import be.bruzel.platform.support.security.Caller;
import be.bruzel.platform.support.security.Role;
import be.bruzel.referralservice.privacy.PersonDataAccessLog;
import be.bruzel.referralservice.referral.Transitions.Actor;
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
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the receiving organisation and the referrer do with a referral: load it, let it make the
 * transition (which checks the state and says what happened), save that, publish its events. Each
 * action is taken by the right side only, and saved only if nobody changed the referral meanwhile.
 */
@Service
public class ReferralActions {

    /** Who reads in the access log when it is the platform itself, not a user. */
    private static final String PLATFORM = "platform";

    private final Referrals referrals;
    private final Transitions transitions;
    private final ReferralRouting routing;
    private final PersonDataAccessLog accessLog;
    private final Clock clock;

    ReferralActions(
            Referrals referrals,
            Transitions transitions,
            ReferralRouting routing,
            PersonDataAccessLog accessLog,
            Clock clock) {
        this.referrals = referrals;
        this.transitions = transitions;
        this.routing = routing;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    /**
     * The referral as the caller may see it: its referrer or its receiving organisation; anyone else gets a 404, and
     * the attempt stays in the access log so that probing leaves a trace.
     */
    public Referral visibleTo(Caller caller, UUID id) {
        return referrals
                .find(id)
                .filter(referral -> referral.isReferredBy(caller.userId()) || receives(caller, referral))
                .orElseThrow(() -> refused(caller, id));
    }

    /** Its referrer, or an administrator acting on a person's request; anyone else gets a 404, logged. */
    public Referral ownedBy(Caller caller, UUID id) {
        return referrals
                .find(id)
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
        return save(referral, () -> referral.receive(now), Actor.organisation(caller.userId()), null, now);
    }

    @Transactional
    public Referral accept(Caller caller, UUID id) {
        Instant now = clock.instant();
        Referral referral = receivedBy(caller, id);
        return save(referral, () -> referral.accept(now), Actor.organisation(caller.userId()), null, now);
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
        return transitions.save(
                before,
                transition(() -> before.decline(reason, next, now)),
                rerouted,
                Actor.organisation(caller.userId()),
                remark,
                now);
    }

    @Transactional
    public ContactAttempt logContactAttempt(
            Caller caller, UUID id, ContactAttempt.Channel channel, boolean reached, Instant attemptedAt, String note) {
        Instant now = clock.instant();
        if (attemptedAt.isAfter(now)) {
            throw new RejectedRequestException(
                    HttpStatus.BAD_REQUEST, "referral.contact-attempt.future", "attemptedAt");
        }
        Referral before = receivedBy(caller, id);
        ContactAttempt attempt =
                new ContactAttempt(UUID.randomUUID(), attemptedAt, channel, reached, caller.userId(), note);
        Referral after = save(
                before, () -> before.contactAttempted(attempt, now), Actor.organisation(caller.userId()), null, now);
        referrals.addContactAttempt(id, after.receiver().organisationId(), attempt, now);
        return attempt;
    }

    @Transactional
    public Referral complete(Caller caller, UUID id, Referral.Outcome outcome) {
        Instant now = clock.instant();
        Referral referral = receivedBy(caller, id);
        return save(referral, () -> referral.complete(outcome, now), Actor.organisation(caller.userId()), null, now);
    }

    @Transactional
    public Referral cancel(Caller caller, UUID id, String remark) {
        Referral referral = visibleTo(caller, id);
        if (!referral.isReferredBy(caller.userId())) {
            throw new RejectedRequestException(HttpStatus.FORBIDDEN, "referral.cancel.referrer-only", null);
        }
        return withdraw(referral, Actor.referrer(caller.userId()), null, remark);
    }

    /**
     * Withdrawn by its referrer, or for them; the receiving organisation is told, with nothing of the person.
     *
     * @param detail why, when it is not the referrer's own choice (an erasure's reason)
     */
    Referral withdraw(Referral referral, Actor actor, String detail, String remark) {
        Instant now = clock.instant();
        return save(referral, () -> referral.cancel(detail, now), actor, remark, now);
    }

    /** After completion each side scores the referral once, 1 to 5. */
    @Transactional
    public Satisfaction rate(Caller caller, UUID id, int score) {
        Referral referral = visibleTo(caller, id);
        String side = receives(caller, referral) ? "ORGANISATION" : "REFERRER";
        Satisfaction satisfaction = new Satisfaction(side, score, clock.instant());
        Transition rated = transition(() -> referral.rate(side, score, satisfaction.ratedAt()));
        if (!referrals.addSatisfaction(id, satisfaction, caller.userId())) {
            throw new RejectedRequestException(HttpStatus.CONFLICT, "referral.satisfaction.given", "score");
        }
        transitions.save(
                referral, rated, Optional.empty(), new Actor(caller.userId(), side), null, satisfaction.ratedAt());
        return satisfaction;
    }

    /**
     * The referral, for the platform to ask its person afterwards how it went: their contact details are read, and
     * the read is logged as the platform's; none once erased or unknown.
     */
    public Optional<Referral> readToAskThePerson(UUID id) {
        Optional<Referral> referral = referrals.find(id).filter(found -> found.erasure() == null);
        referral.ifPresent(found -> accessLog.record(id, PLATFORM, null, "person-survey.send"));
        return referral;
    }

    /** The link for the person to answer themselves went out ({@code channel}: EMAIL or SMS), on the timeline. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void personAsked(UUID id, String channel) {
        Referral referral = referrals.find(id).orElseThrow();
        save(referral, () -> referral.personAsked(channel), Actor.PLATFORM, null, clock.instant());
    }

    /**
     * What the person answered through that link, in the transaction that used it up.
     *
     * @param comment their own words, or none: a remark on the timeline, erased with the rest of their data
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void personAnswered(UUID id, boolean contacted, Integer score, String comment, Instant at) {
        Referral referral = referrals.find(id).orElseThrow();
        save(referral, () -> referral.personAnswered(contacted, score, at), Actor.PERSON, comment, at);
    }

    private Referral save(Referral before, Supplier<Transition> change, Actor actor, String remark, Instant at) {
        return transitions.save(before, transition(change), Optional.empty(), actor, remark, at);
    }

    /** Only a worker of the receiving organisation acts on its behalf; the referrer is refused. */
    private Referral receivedBy(Caller caller, UUID id) {
        Referral referral = visibleTo(caller, id);
        if (!receives(caller, referral)) {
            throw new RejectedRequestException(HttpStatus.FORBIDDEN, "referral.action.receiver-only", null);
        }
        return referral;
    }

    /** The transition, or a 409 problem naming the state it cannot be made in. */
    static Transition transition(Supplier<Transition> change) {
        try {
            return change.get();
        } catch (Referral.IllegalTransitionException illegal) {
            throw new RejectedRequestException(
                            HttpStatus.CONFLICT,
                            "referral.transition.illegal",
                            "status",
                            illegal.status().name().toLowerCase(Locale.ROOT))
                    .withProperty("status", illegal.status().name().toLowerCase(Locale.ROOT));
        }
    }

    /** The next receiver after a decline, routed as the territory and the directory are today. */
    private Optional<List<Route>> nextRoute(Referral referral, List<String> declined) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ReferralSubmission.BRUSSELS);
        Residence residence = routing.residence(
                referral.residence().postcode(), referral.residence().municipalityNis(), today);
        Route route = routing.route(
                residence,
                referral.themeCodes().getFirst(),
                referral.person().preferredLanguage(),
                referral.person().facts(),
                today,
                declined);
        return route.receiver().unmetNeed() ? Optional.empty() : Optional.of(List.of(route));
    }

    private static boolean receives(Caller caller, Referral referral) {
        return caller.has(Role.ORGANISATION_WORKER)
                && caller.organisationId().filter(referral::isReceivedBy).isPresent();
    }
}
