package be.bruzel.platform.support.kafka;

import be.bruzel.platform.events.CloudEventCodec;
import be.bruzel.platform.events.CloudEventCodec.UnreadableEventException;
import be.bruzel.platform.events.DomainEvent;
import io.cloudevents.CloudEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.BatchListenerFailedException;

/** Reads the events out of the records a consumer polled. */
public final class EventBatches {

    private EventBatches() {}

    /**
     * The events of a batch of the given kind, each once, in order. A record that cannot be read
     * fails the batch at its index: those before it are committed, it goes to the dead-letter topic
     * (not retried, see {@link DeadLetters}), and those after it follow.
     */
    public static <T extends DomainEvent> Map<UUID, T> decode(
            List<ConsumerRecord<String, CloudEvent>> records, Class<T> kind) {
        Map<UUID, T> events = new LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            try {
                decode(records.get(i), kind).ifPresent(event -> events.putIfAbsent(event.eventId(), event));
            } catch (UnreadableEventException unreadable) {
                throw new BatchListenerFailedException(unreadable.getMessage(), unreadable, i);
            }
        }
        return events;
    }

    /**
     * @return the record's event, or empty when it is of a type this reader does not know or of another kind
     * @throws UnreadableEventException when the record is not a readable event
     */
    public static <T extends DomainEvent> Optional<T> decode(ConsumerRecord<String, CloudEvent> record, Class<T> kind) {
        if (record.value() == null) {
            throw new UnreadableEventException("Not a CloudEvent: the deserializer could not read it");
        }
        return CloudEventCodec.decode(record.value()).filter(kind::isInstance).map(kind::cast);
    }
}
