package be.bruzel.notificationservice.subscription;

import be.bruzel.platform.events.FeedbackPosted;
import be.bruzel.platform.events.PersonAnswered;
import be.bruzel.platform.events.ReferralEscalated;
import be.bruzel.platform.events.ReferralEvent;
import be.bruzel.platform.events.ReferralLogged;
import be.bruzel.platform.events.ReferralReminderDue;
import be.bruzel.platform.events.SatisfactionRated;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which subscriptions hear of a referral event: those of the referral's referrer, when the event changes its Task
 * (its status, owner or last update). Owed in the transaction that consumes the event, so each is owed once.
 */
@Service
public class TaskNotifications {

    private final RestHooks hooks;
    private final Clock clock;

    TaskNotifications(RestHooks hooks, Clock clock) {
        this.hooks = hooks;
        this.clock = clock;
    }

    /** @param referrerOf each referral's referrer, as far as the consumer knows them */
    @Transactional(propagation = Propagation.MANDATORY)
    public void oweFor(List<ReferralEvent> events, Map<UUID, String> referrerOf) {
        List<ReferralEvent> changes = events.stream()
                .filter(TaskNotifications::changesTheTask)
                .filter(event -> referrerOf.containsKey(event.referralId()))
                .toList();
        if (changes.isEmpty()) {
            return;
        }
        List<RestHook> listening = hooks.listeningTo(changes.stream()
                .map(event -> referrerOf.get(event.referralId()))
                .distinct()
                .toList());
        List<RestHooks.Owed> owed = new ArrayList<>();
        for (ReferralEvent event : changes) {
            for (RestHook hook : listening) {
                if (hook.isOwnedBy(referrerOf.get(event.referralId()))) {
                    owed.add(new RestHooks.Owed(hook.id(), event.eventId(), event.referralId(), event.occurredAt()));
                }
            }
        }
        hooks.oweAll(owed, clock.instant());
    }

    /**
     * What the Task shows: a message is a Communication, a reminder, an escalation, a score or the person's own answer are not on it; a referral
     * made outside the platform and logged has no Task.
     */
    static boolean changesTheTask(ReferralEvent event) {
        return !(event instanceof FeedbackPosted
                || event instanceof ReferralLogged
                || event instanceof ReferralReminderDue
                || event instanceof ReferralEscalated
                || event instanceof SatisfactionRated
                || event instanceof PersonAnswered);
    }
}
