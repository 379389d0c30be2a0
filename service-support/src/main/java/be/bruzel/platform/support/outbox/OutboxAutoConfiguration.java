package be.bruzel.platform.support.outbox;

import be.bruzel.platform.events.CloudEventCodec;
import io.cloudevents.CloudEvent;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The transactional outbox of a service that publishes events: Spring Modulith's registry, relayed to Kafka. */
@AutoConfiguration
@ConditionalOnClass(IncompleteEventPublications.class)
@EnableAsync
@EnableScheduling
public class OutboxAutoConfiguration {

    @Bean
    OutboxRelay outboxRelay(KafkaTemplate<String, CloudEvent> kafka,
            @Value("${spring.application.name}") String application,
            @Value("${platform.outbox.send-timeout:PT10S}") Duration sendTimeout) {
        return new OutboxRelay(kafka, new CloudEventCodec("/" + application), sendTimeout);
    }

    @Bean
    OutboxResubmission outboxResubmission(IncompleteEventPublications incomplete,
            @Value("${platform.outbox.resubmit-after:PT30S}") Duration resubmitAfter) {
        return new OutboxResubmission(incomplete, resubmitAfter);
    }
}
