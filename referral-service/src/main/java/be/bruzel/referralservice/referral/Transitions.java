package be.bruzel.referralservice.referral;

import be.bruzel.referralservice.routing.Route;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saves what a transition did, in the caller's transaction: the referral (if it changed, and only
 * if nobody changed it meanwhile), each step on its timeline, each event through the outbox.
 */
@Component
class Transitions {

    /** Who took the steps that are not the platform's own: a user and their side. */
    record Actor(String userId, String role) {
        static Actor referrer(String userId) {
            return new Actor(userId, "REFERRER");
        }

        static Actor organisation(String userId) {
            return new Actor(userId, "ORGANISATION");
        }

        static final Actor PLATFORM = new Actor(null, "PLATFORM");

        /** The person referred, answering through the link they were sent: no user of the platform. */
        static final Actor PERSON = new Actor(null, "PERSON");
    }

    private final Referrals referrals;
    private final ApplicationEventPublisher events;

    Transitions(Referrals referrals, ApplicationEventPublisher events) {
        this.referrals = referrals;
        this.events = events;
    }

    /**
     * @param routes the routing of a new receiver, to store with the referral; none when it kept its receiver
     * @param remark what the actor wrote with the first step, or none
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Referral save(
            Referral before,
            Transition transition,
            Optional<List<Route>> routes,
            Actor actor,
            String remark,
            Instant at) {
        Referral after =
                transition.referral().equals(before) ? before : referrals.update(transition.referral(), routes);
        record(before.id(), transition, actor, remark, at);
        return after;
    }

    /** The steps and events of a referral whose row was written already (submitted, erased). */
    @Transactional(propagation = Propagation.MANDATORY)
    void record(UUID referralId, Transition transition, Actor actor, String remark, Instant at) {
        boolean first = true;
        for (Transition.Happened happened : transition.happened()) {
            Actor by = happened.step().byPlatform() ? Actor.PLATFORM : actor;
            referrals.addStep(
                    referralId,
                    new ReferralStep(
                            at,
                            happened.step().name(),
                            by.userId(),
                            by.role(),
                            happened.detail(),
                            first ? remark : null));
            first = false;
            if (happened.event() != null) {
                events.publishEvent(happened.event());
            }
        }
    }
}
