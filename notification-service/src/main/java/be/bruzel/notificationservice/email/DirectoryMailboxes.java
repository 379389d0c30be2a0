package be.bruzel.notificationservice.email;

import be.bruzel.platform.events.CareZoneChanged;
import be.bruzel.platform.events.CloudEventCodec;
import be.bruzel.platform.events.ServiceChanged;
import be.bruzel.platform.events.ThemeChanged;
import be.bruzel.platform.events.Topics;
import be.bruzel.platform.support.inbox.ProcessedEvents;
import io.cloudevents.CloudEvent;
import java.util.UUID;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Copies the intake mailbox of every service, the helpdesk mailbox of every care zone and the name
 * of every theme from the directory's compacted topics, so that e-mail goes out while
 * directory-service is down. A stale event (older than what is kept) changes nothing.
 */
@Component
class DirectoryMailboxes {

    static final String CONSUMER = "notification-service.directory-mailboxes";

    private final ProcessedEvents processed;
    private final Mailboxes mailboxes;
    private final ThemeNames themes;

    DirectoryMailboxes(ProcessedEvents processed, Mailboxes mailboxes, ThemeNames themes) {
        this.processed = processed;
        this.mailboxes = mailboxes;
        this.themes = themes;
    }

    @KafkaListener(
            id = CONSUMER,
            topics = {Topics.DIRECTORY_SERVICES, Topics.DIRECTORY_TERRITORY, Topics.DIRECTORY_THEMES})
    @Transactional
    public void on(CloudEvent cloudEvent) {
        CloudEventCodec.decode(cloudEvent)
                .filter(event -> event instanceof ServiceChanged
                        || event instanceof CareZoneChanged
                        || event instanceof ThemeChanged)
                .filter(event -> processed.firstDelivery(CONSUMER, UUID.fromString(cloudEvent.getId())))
                .ifPresent(event -> {
                    switch (event) {
                        case ServiceChanged service -> mailboxes.keep(service);
                        case CareZoneChanged zone -> mailboxes.keep(zone);
                        case ThemeChanged theme -> themes.keep(theme);
                        default -> {}
                    }
                });
    }
}
