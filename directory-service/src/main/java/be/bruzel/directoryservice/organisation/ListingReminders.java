package be.bruzel.directoryservice.organisation;

import be.bruzel.platform.events.ServiceCheckDue;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Asks the coordinators of an organisation to check a service whose listing has gone unchecked for the check period:
 * one {@code directory.service-check-due.v1} per check, through the outbox (notification-service mails them). Each
 * service is claimed by an update in the transaction that publishes its reminder, so two instances never both remind.
 */
@Component
class ListingReminders {

    /** Bounds one run; the next run takes the rest. */
    private static final int BATCH = 200;

    private final ListingChecks checks;
    private final ListingSettings settings;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ListingReminders(
            ListingChecks checks,
            ListingSettings settings,
            ApplicationEventPublisher events,
            TransactionTemplate transaction,
            Clock clock) {
        this.checks = checks;
        this.settings = settings;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT2M", fixedDelayString = "${platform.directory.listing.remind-every:PT1H}")
    void remindAll() {
        while (Integer.valueOf(BATCH).equals(transaction.execute(status -> remindDue()))) {
            // More may be due.
        }
    }

    /** @return how many were reminded; in the transaction that claims them */
    private int remindDue() {
        Instant now = clock.instant();
        List<ServiceCheckDue> due = checks.claimDue(settings.dueIfCheckedBefore(now), BATCH, now);
        due.forEach(events::publishEvent);
        return due.size();
    }
}
