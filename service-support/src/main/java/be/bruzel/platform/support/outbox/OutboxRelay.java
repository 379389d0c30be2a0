package be.bruzel.platform.support.outbox;

import be.bruzel.platform.events.CloudEventCodec;
import be.bruzel.platform.events.DomainEvent;
import be.bruzel.platform.events.Topics;
import io.cloudevents.CloudEvent;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends each domain event to its aggregate's topic once the transaction that stored it has
 * committed. Spring Modulith records the event in {@code event_publication} within that
 * transaction and marks it complete only when this method returns, so a failed send (broker
 * down, process killed) leaves it to be sent again by {@link OutboxResubmission}.
 */
public class OutboxRelay {

    static final String EXECUTOR = "outboxRelayExecutor";

    private final KafkaTemplate<String, CloudEvent> kafka;
    private final CloudEventCodec codec;

    public OutboxRelay(KafkaTemplate<String, CloudEvent> kafka, CloudEventCodec codec) {
        this.kafka = kafka;
        this.codec = codec;
    }

    /**
     * Waits for the producer's own verdict, which comes within {@code max.block.ms} plus
     * {@code delivery.timeout.ms}: a shorter wait of ours could call a send failed that the
     * producer still delivers, and the event would then be sent twice.
     */
    @Async(EXECUTOR)
    @TransactionalEventListener
    public void relay(DomainEvent event) throws ExecutionException, InterruptedException {
        kafka.send(new ProducerRecord<>(Topics.of(event), event.subject(), codec.encode(event)))
                .get();
    }
}
