package be.bruzel.platform.support.kafka;

import be.bruzel.platform.events.CloudEventCodec.UnreadableEventException;
import be.bruzel.platform.events.Topics;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * A record a consumer cannot handle is retried with backoff, then published to the topic's
 * dead-letter topic with the reason in its headers, and the consumer moves on. A record that
 * cannot even be read is not retried.
 */
public final class DeadLetters {

    private DeadLetters() {}

    public static DefaultErrorHandler errorHandler(ProducerFactory<?, ?> producers, Duration maxRetryTime) {
        Map<String, Object> config = new LinkedHashMap<>(producers.getConfigurationProperties());
        // Dead letters keep what arrived: raw bytes when unreadable, the event as it was otherwise.
        Map<Class<?>, Serializer<?>> byType = new LinkedHashMap<>();
        byType.put(byte[].class, new ByteArraySerializer());
        byType.put(CloudEvent.class, new CloudEventSerializer());
        var factory = new DefaultKafkaProducerFactory<Object, Object>(
                config, null, new DelegatingByTypeSerializer(byType, true));
        var recoverer = new DeadLetterPublishingRecoverer(
                new KafkaTemplate<>(factory),
                (record, exception) -> new TopicPartition(Topics.deadLetterOf(record.topic()), -1));
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(5_000);
        backOff.setMaxElapsedTime(maxRetryTime.toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(UnreadableEventException.class, DeserializationException.class);
        return handler;
    }
}
