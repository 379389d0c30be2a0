package be.bruzel.notificationservice.email;

import be.bruzel.platform.events.CareZoneChanged;
import be.bruzel.platform.events.CloudEventCodec;
import be.bruzel.platform.events.ServiceChanged;
import be.bruzel.platform.events.Topics;
import be.bruzel.platform.support.inbox.ProcessedEvents;
import io.cloudevents.CloudEvent;
import java.sql.Timestamp;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Copies the intake mailbox of every service and the helpdesk mailbox of every care zone from the
 * directory's compacted topics, so that e-mail goes out while directory-service is down. A stale
 * event (older than what is kept) changes nothing.
 */
@Component
class DirectoryMailboxes {

    static final String CONSUMER = "notification-service.directory-mailboxes";

    private final ProcessedEvents processed;
    private final JdbcClient jdbc;

    DirectoryMailboxes(ProcessedEvents processed, JdbcClient jdbc) {
        this.processed = processed;
        this.jdbc = jdbc;
    }

    @KafkaListener(id = CONSUMER, topics = {Topics.DIRECTORY_SERVICES, Topics.DIRECTORY_TERRITORY})
    @Transactional
    public void on(CloudEvent cloudEvent) {
        CloudEventCodec.decode(cloudEvent)
                .filter(event -> event instanceof ServiceChanged || event instanceof CareZoneChanged)
                .filter(event -> processed.firstDelivery(CONSUMER, UUID.fromString(cloudEvent.getId())))
                .ifPresent(event -> {
                    switch (event) {
                        case ServiceChanged service -> jdbc.sql("""
                                INSERT INTO intake_mailbox (service_id, organisation_id, email, language, changed_at)
                                VALUES (:service, :organisation, :email, :language, :at)
                                ON CONFLICT (service_id) DO UPDATE SET organisation_id = EXCLUDED.organisation_id,
                                    email = EXCLUDED.email, language = EXCLUDED.language, changed_at = EXCLUDED.changed_at
                                WHERE intake_mailbox.changed_at <= EXCLUDED.changed_at
                                """)
                                .param("service", service.serviceId()).param("organisation", service.organisationId())
                                .param("email", service.active() ? service.intakeEmail() : null)
                                .param("language", languageOf(service))
                                .param("at", Timestamp.from(service.occurredAt()))
                                .update();
                        case CareZoneChanged zone -> jdbc.sql("""
                                INSERT INTO helpdesk_mailbox (care_zone_code, email, changed_at)
                                VALUES (:zone, :email, :at)
                                ON CONFLICT (care_zone_code) DO UPDATE SET email = EXCLUDED.email,
                                    changed_at = EXCLUDED.changed_at
                                WHERE helpdesk_mailbox.changed_at <= EXCLUDED.changed_at
                                """)
                                .param("zone", zone.careZoneCode()).param("email", zone.helpdeskEmail())
                                .param("at", Timestamp.from(zone.occurredAt()))
                                .update();
                        default -> {
                        }
                    }
                });
    }

    /** A service that works in Dutch is written to in Dutch (BruZEL's language), one in French only in French. */
    static String languageOf(ServiceChanged service) {
        return service.languageCodes().contains("nl") || !service.languageCodes().contains("fr") ? "nl" : "fr";
    }
}
