package be.bruzel.platform.support.outbox;

import be.bruzel.platform.events.CloudEventCodec;
import be.bruzel.platform.events.DomainEvent;
import be.bruzel.platform.events.Topics;
import io.cloudevents.CloudEvent;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends each domain event to its aggregate's topic once the transaction that stored it has
 * committed. Spring Modulith records the event in {@code event_publication} within that
 * transaction and marks it complete when the future returned here completes, that is when the
 * broker has acknowledged it; a failed send (broker down, process killed) leaves it to be sent
 * again by {@link OutboxResubmission}.
 *
 * <p>It runs on the one outbox thread ({@link OnTheOutboxThread}), which hands the events to the
 * producer in the order their transactions committed; the idempotent producer keeps that order
 * per partition, so the events of one aggregate reach its topic in the order they happened.
 */
public class OutboxRelay {

    private final KafkaTemplate<String, CloudEvent> kafka;
    private final CloudEventCodec codec;
    private final Executor outbox;

    public OutboxRelay(KafkaTemplate<String, CloudEvent> kafka, CloudEventCodec codec, Executor outbox) {
        this.kafka = kafka;
        this.codec = codec;
        this.outbox = outbox;
    }

    /**
     * Returns once the producer has the event, not once the broker has it: waiting for each
     * acknowledgement before the next send held every event behind the one before it for the
     * producer's linger and a round trip to the broker. The completion is written on the outbox
     * thread, never on the producer's network thread, which a database write would hold up. The
     * future completes with nothing, so no result is published as an event of its own.
     */
    @TransactionalEventListener
    public CompletableFuture<Void> relay(DomainEvent event) {
        return kafka.send(new ProducerRecord<>(Topics.of(event), event.subject(), codec.encode(event)))
                .handleAsync(
                        (sent, failure) -> {
                            if (failure != null) {
                                throw failure instanceof CompletionException wrapped
                                        ? wrapped
                                        : new CompletionException(failure);
                            }
                            return null;
                        },
                        outbox);
    }
}
