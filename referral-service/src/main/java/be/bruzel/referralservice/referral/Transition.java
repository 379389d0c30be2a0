package be.bruzel.referralservice.referral;

import be.bruzel.platform.events.ReferralEvent;
import java.util.List;
import java.util.Objects;

/**
 * What a transition of a referral did: the referral as it is afterwards, and what happened, in
 * order: each a step of its timeline and the event that tells the other services.
 */
public record Transition(Referral referral, List<Happened> happened) {

    /**
     * @param detail a code the step names (a reason, an outcome, an organisation), or none
     * @param event none for a step no other service hears of on its own (routing, told by the submission's event)
     */
    public record Happened(TimelineStep step, String detail, ReferralEvent event) {}

    public Transition {
        happened = List.copyOf(happened);
    }

    static Transition of(Referral referral, TimelineStep step, String detail, ReferralEvent event) {
        return new Transition(referral, List.of(new Happened(step, detail, event)));
    }

    /** The events to publish, in the order they happened. */
    public List<ReferralEvent> events() {
        return happened.stream().map(Happened::event).filter(Objects::nonNull).toList();
    }
}
