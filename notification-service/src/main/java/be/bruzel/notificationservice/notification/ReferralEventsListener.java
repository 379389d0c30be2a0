package be.bruzel.notificationservice.notification;

import be.bruzel.platform.events.CloudEventCodec;
import be.bruzel.platform.events.ReferralEvent;
import be.bruzel.platform.events.ReferralSubmitted;
import be.bruzel.platform.events.Topics;
import be.bruzel.platform.support.inbox.ProcessedEvents;
import io.cloudevents.CloudEvent;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Decides who hears of each referral event. Each event has its effect once, however often it arrives. */
@Component
class ReferralEventsListener {

    private static final Logger log = LoggerFactory.getLogger(ReferralEventsListener.class);

    static final String CONSUMER = "notification-service.referral-events";

    private final ProcessedEvents processed;
    private final Notifications notifications;
    private final Clock clock;

    ReferralEventsListener(ProcessedEvents processed, Notifications notifications, Clock clock) {
        this.processed = processed;
        this.notifications = notifications;
        this.clock = clock;
    }

    @KafkaListener(topics = Topics.REFERRAL_EVENTS)
    @Transactional
    public void on(CloudEvent cloudEvent) {
        CloudEventCodec.decode(cloudEvent)
                .filter(ReferralEvent.class::isInstance)
                .map(ReferralEvent.class::cast)
                .filter(event -> processed.firstDelivery(CONSUMER, UUID.fromString(cloudEvent.getId())))
                .ifPresent(this::notifyAbout);
    }

    private void notifyAbout(ReferralEvent event) {
        // The other events of the loop get their recipients with the notification issue (#5).
        if (event instanceof ReferralSubmitted submitted) {
            log.info("Notifying about {} of referral {}", event.getClass().getSimpleName(), event.referralId());
            notifications.add(Notification.of(Notification.Type.REFERRAL_SUBMITTED, submitted.referrerId(),
                    submitted.referralId(), submitted.eventId(), clock.instant()));
        }
    }
}
