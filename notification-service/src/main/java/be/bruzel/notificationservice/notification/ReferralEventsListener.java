package be.bruzel.notificationservice.notification;

import be.bruzel.notificationservice.email.EmailOutbox;
import be.bruzel.notificationservice.notification.Recipients.Told;
import be.bruzel.notificationservice.notification.ReferralParties.ReferralParty;
import be.bruzel.notificationservice.subscription.TaskNotifications;
import be.bruzel.platform.events.ReferralCompleted;
import be.bruzel.platform.events.ReferralDeclined;
import be.bruzel.platform.events.ReferralEvent;
import be.bruzel.platform.events.Topics;
import be.bruzel.platform.support.inbox.ProcessedEvents;
import be.bruzel.platform.support.kafka.EventBatches;
import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps who is involved in each referral and tells them what happened: in the app, and by
 * e-mail where an address is known and wanted, and their GP software where it subscribed. Each event has its
 * effect once, in one transaction.
 */
@Component
class ReferralEventsListener {

    private static final Logger log = LoggerFactory.getLogger(ReferralEventsListener.class);

    static final String CONSUMER = "notification-service.referral-events";

    private final ProcessedEvents processed;
    private final ReferralParties parties;
    private final Notifications notifications;
    private final EmailOutbox emails;
    private final TaskNotifications subscriptions;
    private final Clock clock;
    private final MeterRegistry meters;

    ReferralEventsListener(
            ProcessedEvents processed,
            ReferralParties parties,
            Notifications notifications,
            EmailOutbox emails,
            TaskNotifications subscriptions,
            Clock clock,
            MeterRegistry meters) {
        this.processed = processed;
        this.parties = parties;
        this.notifications = notifications;
        this.emails = emails;
        this.subscriptions = subscriptions;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * A batch at a time, in one transaction and a handful of statements: a backlog after an outage
     * is caught up quickly. A record that cannot be read fails the batch at its index, so the ones
     * before it are committed, it goes to the dead-letter topic, and the ones after it follow.
     */
    @KafkaListener(topics = Topics.REFERRAL_EVENTS, batch = "true")
    @Transactional
    public void on(List<ConsumerRecord<String, CloudEvent>> records) {
        Map<UUID, ReferralEvent> events = EventBatches.decode(records, ReferralEvent.class);
        Set<UUID> firstTime = processed.firstDeliveries(CONSUMER, events.keySet());
        handle(events.values().stream()
                .filter(event -> firstTime.contains(event.eventId()))
                .toList());
    }

    private void handle(List<ReferralEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Set<UUID> firstContacts = parties.apply(events, now);
        Map<UUID, ReferralParty> known =
                parties.of(events.stream().map(ReferralEvent::referralId).collect(Collectors.toSet()));
        List<Notification> told = new ArrayList<>();
        List<EmailOutbox.Owed> mails = new ArrayList<>();
        for (int position = 0; position < events.size(); position++) {
            ReferralEvent event = events.get(position);
            Optional<ReferralParty> party = Optional.ofNullable(known.get(event.referralId()));
            // A microsecond apart, so that newest first keeps the order the batch's events happened in.
            Instant toldAt = now.plus(position, ChronoUnit.MICROS);
            for (Told one : Recipients.of(event, party, firstContacts.contains(event.eventId()))) {
                told.add(Notification.of(one.type(), one.audience(), event.referralId(), event.eventId(), toldAt));
                EmailOutbox.Occurrence occurrence = new EmailOutbox.Occurrence(
                        event.eventId(), one.type().name(), event.referralId(), detailOf(event), event.occurredAt());
                mailboxOf(one.audience(), party)
                        .ifPresent(mailbox -> mails.add(new EmailOutbox.Owed(occurrence, mailbox)));
            }
        }
        Map<UUID, Instant> occurredAt =
                events.stream().collect(Collectors.toMap(ReferralEvent::eventId, ReferralEvent::occurredAt));
        for (Notification stored : notifications.addAll(told)) {
            Counter.builder("notifications.sent")
                    .tag("channel", "in-app")
                    .tag("type", stored.type().name())
                    .register(meters)
                    .increment();
            Timer.builder("notifications.delivery")
                    .tag("channel", "in-app")
                    .register(meters)
                    .record(Duration.between(occurredAt.get(stored.eventId()), now));
        }
        emails.oweAll(mails);
        subscriptions.oweFor(
                events,
                known.values().stream()
                        .collect(Collectors.toMap(ReferralParty::referralId, ReferralParty::referrerId)));
        log.debug(
                "{} referral event(s): {} notification(s), {} mail(s) owed", events.size(), told.size(), mails.size());
    }

    /** A user's own address; an organisation's intake mailbox of the service that has the referral; a helpdesk's. */
    private static Optional<EmailOutbox.Recipient> mailboxOf(Audience audience, Optional<ReferralParty> party) {
        if (audience.kind() == Audience.Kind.USER) {
            return Optional.of(new EmailOutbox.Recipient.User(audience.id()));
        }
        return audience.helpdeskZone()
                .<EmailOutbox.Recipient>map(EmailOutbox.Recipient.Helpdesk::new)
                .or(() -> party.filter(
                                known -> known.organisationId().equals(audience.id()) && known.serviceId() != null)
                        .map(known -> new EmailOutbox.Recipient.ServiceIntake(known.serviceId())));
    }

    private static String detailOf(ReferralEvent event) {
        return switch (event) {
            case ReferralCompleted completed -> completed.outcome();
            case ReferralDeclined declined -> declined.reasonCode();
            default -> null;
        };
    }
}
