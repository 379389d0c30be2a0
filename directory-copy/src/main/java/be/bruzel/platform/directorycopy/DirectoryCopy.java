package be.bruzel.platform.directorycopy;

import be.bruzel.platform.events.CloudEventCodec;
import be.bruzel.platform.events.DirectoryEvent;
import be.bruzel.platform.events.Topics;
import be.bruzel.platform.support.inbox.ProcessedEvents;
import io.cloudevents.CloudEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps a service's own copy of the directory from the directory's compacted topics, so that
 * routing and statistics need nothing but the service's database. Each row keeps the newest state
 * by event time: a late, older event changes nothing, and so does a redelivered one. The consumer
 * is named after the service ({@value #CONSUMER}), as its Kafka rights are.
 */
public class DirectoryCopy {

    public static final String CONSUMER = "${spring.application.name}.directory-copy";

    private final Directory directory;
    private final ProcessedEvents processed;
    private final String consumer;

    DirectoryCopy(Directory directory, ProcessedEvents processed, String serviceName) {
        this.directory = directory;
        this.processed = processed;
        this.consumer = serviceName + ".directory-copy";
    }

    @KafkaListener(
            id = CONSUMER,
            topics = {
                Topics.DIRECTORY_THEMES,
                Topics.DIRECTORY_TERRITORY,
                Topics.DIRECTORY_SERVICES,
                Topics.DIRECTORY_ROUTING_RULES
            })
    @Transactional
    public void on(CloudEvent cloudEvent) {
        CloudEventCodec.decode(cloudEvent)
                .filter(DirectoryEvent.class::isInstance)
                .map(DirectoryEvent.class::cast)
                .filter(event -> processed.firstDelivery(consumer, event.eventId()))
                .ifPresent(directory::keep);
    }
}
