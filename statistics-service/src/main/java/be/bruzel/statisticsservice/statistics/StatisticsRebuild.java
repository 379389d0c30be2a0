package be.bruzel.statisticsservice.statistics;

import be.bruzel.platform.events.CloudEventCodec.UnreadableEventException;
import be.bruzel.platform.events.ReferralEvent;
import be.bruzel.platform.events.Topics;
import be.bruzel.platform.support.kafka.EventBatches;
import be.bruzel.platform.support.problem.RejectedRequestException;
import io.cloudevents.CloudEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the statistics store from the event log: empties it, then reads {@code referral.events}
 * from its first record to the end it had when the rebuild began, through the projection's own
 * rules. The live projection goes on meanwhile; whichever sees an event first applies it, and
 * rows come out the same in any order, so nothing is counted twice or missed.
 */
@Component
class StatisticsRebuild {

    private static final Logger log = LoggerFactory.getLogger(StatisticsRebuild.class);

    /**
     * @param state {@code IDLE}, {@code RUNNING}, {@code DONE} or {@code FAILED}
     * @param eventsRead records of the log read so far
     * @param unreadable records skipped because they are not readable events (they are in the dead-letter topic)
     */
    record Status(String state, Instant startedAt, Instant finishedAt, long eventsRead, long unreadable) {
        boolean running() {
            return "RUNNING".equals(state);
        }
    }

    private final StatisticsStore store;
    private final StatisticsProjection projection;
    private final ConsumerFactory<String, CloudEvent> consumers;
    private final Clock clock;
    private final AtomicReference<Status> status = new AtomicReference<>(new Status("IDLE", null, null, 0, 0));

    StatisticsRebuild(
            StatisticsStore store,
            StatisticsProjection projection,
            ConsumerFactory<String, CloudEvent> consumers,
            Clock clock) {
        this.store = store;
        this.projection = projection;
        this.consumers = consumers;
        this.clock = clock;
    }

    Status status() {
        return status.get();
    }

    /** Starts a rebuild, unless one runs in this instance. */
    synchronized Status start() {
        if (status.get().running()) {
            throw new RejectedRequestException(HttpStatus.CONFLICT, "statistics.rebuild.running", null);
        }
        Instant started = clock.instant();
        int generation = store.restart(StatisticsProjection.CONSUMER);
        status.set(new Status("RUNNING", started, null, 0, 0));
        log.info("Statistics rebuild {} started: replaying {}", generation, Topics.REFERRAL_EVENTS);
        Thread.ofVirtual().name("statistics-rebuild").start(() -> replay(started));
        return status.get();
    }

    private void replay(Instant started) {
        long read = 0;
        long unreadable = 0;
        try (Consumer<String, CloudEvent> consumer = consumers.createConsumer(
                "statistics-service.rebuild", UUID.randomUUID().toString(), null)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.REFERRAL_EVENTS).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                ConsumerRecords<String, CloudEvent> records = consumer.poll(Duration.ofMillis(500));
                Map<UUID, ReferralEvent> events = new LinkedHashMap<>();
                for (ConsumerRecord<String, CloudEvent> record : records) {
                    if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    read++;
                    try {
                        EventBatches.decode(record, ReferralEvent.class)
                                .ifPresent(event -> events.putIfAbsent(event.eventId(), event));
                    } catch (UnreadableEventException skipped) {
                        unreadable++;
                    }
                }
                projection.apply(events.values());
                status.set(new Status("RUNNING", started, null, read, unreadable));
            }
            status.set(new Status("DONE", started, clock.instant(), read, unreadable));
            log.info("Statistics rebuild done: {} events read, {} unreadable skipped", read, unreadable);
        } catch (RuntimeException failed) {
            status.set(new Status("FAILED", started, clock.instant(), read, unreadable));
            log.error("Statistics rebuild failed after {} events; start it again", read, failed);
        }
    }
}
