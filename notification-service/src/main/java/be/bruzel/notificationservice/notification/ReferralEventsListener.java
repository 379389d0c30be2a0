package be.bruzel.notificationservice.notification;

import be.bruzel.notificationservice.email.EmailOutbox;
import be.bruzel.notificationservice.notification.Recipients.Told;
import be.bruzel.notificationservice.notification.ReferralParties.ReferralParty;
import be.bruzel.platform.events.CloudEventCodec;
import be.bruzel.platform.events.ContactAttemptLogged;
import be.bruzel.platform.events.ReferralCompleted;
import be.bruzel.platform.events.ReferralDeclined;
import be.bruzel.platform.events.ReferralEvent;
import be.bruzel.platform.events.ReferralRerouted;
import be.bruzel.platform.events.ReferralSubmitted;
import be.bruzel.platform.events.Topics;
import be.bruzel.platform.support.inbox.ProcessedEvents;
import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps who is involved in each referral and tells them what happened: in the app, and by
 * e-mail where an address is known and wanted. Each event has its effect once, in one transaction.
 */
@Component
class ReferralEventsListener {

    private static final Logger log = LoggerFactory.getLogger(ReferralEventsListener.class);

    static final String CONSUMER = "notification-service.referral-events";

    private final ProcessedEvents processed;
    private final ReferralParties parties;
    private final Notifications notifications;
    private final EmailOutbox emails;
    private final Clock clock;
    private final MeterRegistry meters;

    ReferralEventsListener(ProcessedEvents processed, ReferralParties parties, Notifications notifications,
            EmailOutbox emails, Clock clock, MeterRegistry meters) {
        this.processed = processed;
        this.parties = parties;
        this.notifications = notifications;
        this.emails = emails;
        this.clock = clock;
        this.meters = meters;
    }

    @KafkaListener(topics = Topics.REFERRAL_EVENTS)
    @Transactional
    public void on(CloudEvent cloudEvent) {
        CloudEventCodec.decode(cloudEvent)
                .filter(ReferralEvent.class::isInstance)
                .map(ReferralEvent.class::cast)
                .filter(event -> processed.firstDelivery(CONSUMER, UUID.fromString(cloudEvent.getId())))
                .ifPresent(this::handle);
    }

    private void handle(ReferralEvent event) {
        Instant now = clock.instant();
        boolean firstContact = false;
        switch (event) {
            case ReferralSubmitted submitted -> parties.submitted(submitted.referralId(), submitted.referrerId(),
                    submitted.receivingOrganisationId(), submitted.receivingServiceId(), submitted.careZoneCode(), now);
            case ReferralRerouted rerouted -> parties.rerouted(rerouted.referralId(), rerouted.organisationId(),
                    rerouted.serviceId(), now);
            case ContactAttemptLogged attempt when attempt.reached() ->
                    firstContact = parties.firstContact(attempt.referralId(), attempt.attemptedAt());
            default -> {
            }
        }
        Optional<ReferralParty> party = parties.of(event.referralId());
        List<Told> told = Recipients.of(event, party, firstContact);
        for (Told one : told) {
            if (notifications.add(Notification.of(one.type(), one.audience(), event.referralId(), event.eventId(), now))) {
                Counter.builder("notifications.sent").tag("channel", "in-app").tag("type", one.type().name())
                        .register(meters).increment();
                Timer.builder("notifications.delivery").tag("channel", "in-app").register(meters)
                        .record(Duration.between(event.occurredAt(), now));
            }
            EmailOutbox.Occurrence occurrence = new EmailOutbox.Occurrence(event.eventId(), one.type().name(),
                    event.referralId(), detailOf(event), event.occurredAt());
            mailboxOf(one.audience(), party).ifPresent(mailbox -> emails.owe(occurrence, mailbox));
        }
        log.debug("{} of referral {}: told {}", event.getClass().getSimpleName(), event.referralId(), told);
    }

    /** A user's own address; an organisation's intake mailbox of the service that has the referral; a helpdesk's. */
    private static Optional<EmailOutbox.Recipient> mailboxOf(Audience audience, Optional<ReferralParty> party) {
        if (audience.kind() == Audience.Kind.USER) {
            return Optional.of(new EmailOutbox.Recipient.User(audience.id()));
        }
        return audience.helpdeskZone().<EmailOutbox.Recipient>map(EmailOutbox.Recipient.Helpdesk::new)
                .or(() -> party.filter(known -> known.organisationId().equals(audience.id()) && known.serviceId() != null)
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
