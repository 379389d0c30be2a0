package be.bruzel.directoryservice.figures;

import be.bruzel.platform.events.ReferralEvent;
import be.bruzel.platform.events.Topics;
import be.bruzel.platform.support.inbox.ProcessedEvents;
import be.bruzel.platform.support.kafka.EventBatches;
import io.cloudevents.CloudEvent;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps, from {@code referral.events} in a consumer group of its own, which service was offered which referral and
 * how it answered: a batch at a time, each event once, in one transaction. A record that cannot be read goes to the
 * dead-letter topic (the platform's error handler).
 */
@Component
class ReferralEventsListener {

    static final String CONSUMER = "directory-service.referral-events";

    private final ProcessedEvents processed;
    private final ServiceReferrals referrals;

    ReferralEventsListener(ProcessedEvents processed, ServiceReferrals referrals) {
        this.processed = processed;
        this.referrals = referrals;
    }

    @KafkaListener(id = CONSUMER, groupId = CONSUMER, topics = Topics.REFERRAL_EVENTS, batch = "true")
    @Transactional
    public void on(List<ConsumerRecord<String, CloudEvent>> records) {
        Map<UUID, ReferralEvent> events = EventBatches.decode(records, ReferralEvent.class);
        Set<UUID> firstTime = processed.firstDeliveries(CONSUMER, events.keySet());
        events.values().stream()
                .filter(event -> firstTime.contains(event.eventId()))
                .forEach(referrals::apply);
    }
}
