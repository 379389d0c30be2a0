package be.bruzel.statisticsservice.statistics;

import be.bruzel.platform.events.ContactAttemptLogged;
import be.bruzel.platform.events.ReferralEvent;
import be.bruzel.platform.events.ReferralSubmitted;
import be.bruzel.platform.events.Topics;
import be.bruzel.platform.support.inbox.ProcessedEvents;
import be.bruzel.platform.support.kafka.EventBatches;
import be.bruzel.statisticsservice.pseudonyms.Pseudonyms;
import io.cloudevents.CloudEvent;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Feeds the statistics store from {@code referral.events}, in its own consumer group, a batch at
 * a time: the same events, once each, whether they come live or from a replay of the log.
 */
@Component
class StatisticsProjection {

    static final String CONSUMER = "statistics-service.referral-events";

    private final StatisticsStore store;
    private final ProcessedEvents processed;
    private final Pseudonyms pseudonyms;
    private final AnsweredQuestionnaires answered;
    private final ContactAttempts attempts;

    StatisticsProjection(
            StatisticsStore store,
            ProcessedEvents processed,
            Pseudonyms pseudonyms,
            AnsweredQuestionnaires answered,
            ContactAttempts attempts) {
        this.store = store;
        this.processed = processed;
        this.pseudonyms = pseudonyms;
        this.answered = answered;
        this.attempts = attempts;
    }

    @KafkaListener(id = CONSUMER, groupId = CONSUMER, topics = Topics.REFERRAL_EVENTS, batch = "true")
    @Transactional
    public void on(List<ConsumerRecord<String, CloudEvent>> records) {
        apply(EventBatches.decode(records, ReferralEvent.class).values());
    }

    /** Applies the events this projection has not had yet. */
    @Transactional
    public void apply(Collection<ReferralEvent> events) {
        store.takeTurn();
        Set<UUID> firstTime = processed.firstDeliveries(
                CONSUMER, events.stream().map(ReferralEvent::eventId).toList());
        List<ReferralEvent> fresh = events.stream()
                .filter(event -> firstTime.contains(event.eventId()))
                .toList();
        store.apply(fresh.stream()
                .map(event -> StatisticsChange.of(event, pseudonyms))
                .flatMap(Optional::stream)
                .toList());
        answered.record(fresh.stream()
                .filter(ReferralSubmitted.class::isInstance)
                .map(ReferralSubmitted.class::cast)
                .toList());
        attempts.record(fresh.stream()
                .filter(ContactAttemptLogged.class::isInstance)
                .map(ContactAttemptLogged.class::cast)
                .toList());
    }
}
