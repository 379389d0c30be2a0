package be.bruzel.platform.support.outbox;

import be.bruzel.platform.events.CloudEventCodec;
import be.bruzel.platform.events.DomainEvent;
import be.bruzel.platform.events.Topics;
import io.cloudevents.CloudEvent;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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

    private final KafkaTemplate<String, CloudEvent> kafka;
    private final CloudEventCodec codec;
    private final Duration sendTimeout;

    public OutboxRelay(KafkaTemplate<String, CloudEvent> kafka, CloudEventCodec codec, Duration sendTimeout) {
        this.kafka = kafka;
        this.codec = codec;
        this.sendTimeout = sendTimeout;
    }

    @Async
    @TransactionalEventListener
    public void relay(DomainEvent event) throws ExecutionException, InterruptedException, TimeoutException {
        kafka.send(new ProducerRecord<>(Topics.of(event), event.subject(), codec.encode(event)))
                .get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
