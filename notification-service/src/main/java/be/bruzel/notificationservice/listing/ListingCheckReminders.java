package be.bruzel.notificationservice.listing;

import be.bruzel.notificationservice.email.EmailOutbox;
import be.bruzel.notificationservice.email.UserContacts;
import be.bruzel.platform.events.CloudEventCodec;
import be.bruzel.platform.events.ServiceCheckDue;
import be.bruzel.platform.events.Topics;
import be.bruzel.platform.support.inbox.ProcessedEvents;
import io.cloudevents.CloudEvent;
import java.util.List;
import java.util.UUID;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mails the coordinators of a service's organisation that its listing is due for a check, once per event. The
 * coordinators are those who signed in here with the role (their token says so when they look at their
 * notifications); while none has, the service's intake mailbox is told, so that the reminder reaches the organisation.
 */
@Component
class ListingCheckReminders {

    static final String CONSUMER = "notification-service.service-checks";
    static final String TYPE = "SERVICE_CHECK_DUE";

    private final ProcessedEvents processed;
    private final UserContacts contacts;
    private final EmailOutbox emails;

    ListingCheckReminders(ProcessedEvents processed, UserContacts contacts, EmailOutbox emails) {
        this.processed = processed;
        this.contacts = contacts;
        this.emails = emails;
    }

    @KafkaListener(id = CONSUMER, topics = Topics.DIRECTORY_SERVICE_CHECKS)
    @Transactional
    public void on(CloudEvent cloudEvent) {
        CloudEventCodec.decode(cloudEvent)
                .filter(ServiceCheckDue.class::isInstance)
                .map(ServiceCheckDue.class::cast)
                .filter(due -> processed.firstDelivery(CONSUMER, UUID.fromString(cloudEvent.getId())))
                .ifPresent(this::remind);
    }

    private void remind(ServiceCheckDue due) {
        EmailOutbox.Occurrence occurrence = new EmailOutbox.Occurrence(
                due.eventId(), TYPE, null, due.serviceId(), due.checkedOn().toString(), due.occurredAt());
        List<String> coordinators = contacts.coordinatorsOf(due.organisationId());
        List<EmailOutbox.Recipient> recipients = coordinators.isEmpty()
                ? List.of(new EmailOutbox.Recipient.ServiceIntake(due.serviceId()))
                : coordinators.stream()
                        .<EmailOutbox.Recipient>map(EmailOutbox.Recipient.User::new)
                        .toList();
        emails.oweAll(recipients.stream()
                .map(recipient -> new EmailOutbox.Owed(occurrence, recipient))
                .toList());
    }
}
