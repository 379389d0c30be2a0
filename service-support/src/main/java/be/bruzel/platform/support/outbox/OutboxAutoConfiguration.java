package be.bruzel.platform.support.outbox;

import be.bruzel.platform.events.CloudEventCodec;
import io.cloudevents.CloudEvent;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executor;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Role;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import tools.jackson.databind.json.JsonMapper;

/** The transactional outbox of a service that publishes events: Spring Modulith's registry, relayed to Kafka. */
@AutoConfiguration
@ConditionalOnClass(IncompleteEventPublications.class)
@EnableScheduling
public class OutboxAutoConfiguration {

    /** Kafka's own defaults, for a producer that does not set them. */
    private static final long DEFAULT_MAX_BLOCK_MS = 60_000;

    private static final long DEFAULT_DELIVERY_TIMEOUT_MS = 120_000;

    static final String EXECUTOR = "outboxExecutor";

    /**
     * One thread hands the events to the producer, in the order their transactions committed: the
     * events of one aggregate then reach its partition in the order they happened (a pool would let
     * a later event overtake an earlier one). It holds one database connection at most, for the
     * completions, however many events are acknowledged at once.
     */
    @Bean(EXECUTOR)
    ThreadPoolTaskExecutor outboxExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setThreadNamePrefix("outbox-");
        return executor;
    }

    @Bean
    OutboxRelay outboxRelay(
            KafkaTemplate<String, CloudEvent> kafka,
            @Value("${spring.application.name}") String application,
            @Qualifier(EXECUTOR) Executor outbox) {
        return new OutboxRelay(kafka, new CloudEventCodec("/" + application), outbox);
    }

    @Bean
    @Primary
    EventSerializer outboxSerializer(JsonMapper mapper) {
        return new OutboxSerializer(mapper);
    }

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static OnTheOutboxThread onTheOutboxThread(@Qualifier(EXECUTOR) @Lazy Executor outbox) {
        return new OnTheOutboxThread(outbox);
    }

    @Bean
    OutboxResubmission outboxResubmission(
            IncompleteEventPublications incomplete,
            ProducerFactory<?, ?> producers,
            @Value("${platform.outbox.resubmit-after:PT30S}") Duration resubmitAfter,
            @Value("${platform.outbox.resubmit-every:PT20S}") Duration resubmitEvery) {
        Map<String, Object> producer = producers.getConfigurationProperties();
        Duration attemptBound =
                Duration.ofMillis(millis(producer, ProducerConfig.MAX_BLOCK_MS_CONFIG, DEFAULT_MAX_BLOCK_MS)
                        + millis(producer, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, DEFAULT_DELIVERY_TIMEOUT_MS));
        return new OutboxResubmission(incomplete, resubmitAfter, resubmitEvery, attemptBound);
    }

    private static long millis(Map<String, Object> config, String key, long fallback) {
        Object value = config.get(key);
        return value == null ? fallback : Long.parseLong(value.toString());
    }
}
