package be.bruzel.notificationservice.email;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Owes an e-mail to a recipient, in the transaction that consumed the event: a redelivered event
 * finds the row already there. The address and language are the recipient's own: a user's from
 * their token, an organisation's intake mailbox and a care zone's helpdesk from the directory.
 */
@Component
public class EmailOutbox {

    /** Who receives the mail: a user, a service's intake mailbox or a care zone's helpdesk. */
    public sealed interface Recipient {
        record User(String userId) implements Recipient {
        }

        record ServiceIntake(String serviceId) implements Recipient {
        }

        record Helpdesk(String careZoneCode) implements Recipient {
        }
    }

    /**
     * What happened, as the mail tells it.
     *
     * @param detail a code the mail names (an outcome, a reason), or null
     */
    public record Occurrence(UUID eventId, String notificationType, UUID referralId, String detail,
            Instant occurredAt) {
    }

    private record Address(String email, String language, EmailPreferences.Delivery delivery) {
    }

    private final JdbcClient jdbc;
    private final UserContacts contacts;
    private final EmailPreferences preferences;
    private final Clock clock;

    EmailOutbox(JdbcClient jdbc, UserContacts contacts, EmailPreferences preferences, Clock clock) {
        this.jdbc = jdbc;
        this.contacts = contacts;
        this.preferences = preferences;
        this.clock = clock;
    }

    /** @return whether an e-mail is now owed (false: no address known, or the user wants none) */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean owe(Occurrence occurrence, Recipient recipient) {
        Optional<Address> address = addressOf(recipient, occurrence.notificationType())
                .filter(known -> known.delivery() != EmailPreferences.Delivery.NEVER);
        if (address.isEmpty()) {
            return false;
        }
        Instant now = clock.instant();
        return jdbc.sql("""
                INSERT INTO email (id, event_id, notification_type, referral_id, detail, to_address, language, status,
                                   next_attempt_at, occurred_at, created_at)
                VALUES (:id, :event, :type, :referral, :detail, :to, :language, :status, :now, :occurred, :now)
                ON CONFLICT (event_id, to_address) DO NOTHING
                """)
                .param("id", UUID.randomUUID())
                .param("event", occurrence.eventId())
                .param("type", occurrence.notificationType())
                .param("referral", occurrence.referralId())
                .param("detail", occurrence.detail())
                .param("to", address.get().email())
                .param("language", address.get().language())
                .param("status", address.get().delivery() == EmailPreferences.Delivery.DAILY_DIGEST ? "DIGEST" : "PENDING")
                .param("now", Timestamp.from(now))
                .param("occurred", Timestamp.from(occurrence.occurredAt()))
                .update() == 1;
    }

    private Optional<Address> addressOf(Recipient recipient, String notificationType) {
        return switch (recipient) {
            case Recipient.User user -> contacts.of(user.userId())
                    .flatMap(contact -> contact.email().map(email -> new Address(email, contact.language(),
                            preferences.of(user.userId(), notificationType))));
            case Recipient.ServiceIntake intake -> jdbc.sql("""
                    SELECT email, language FROM intake_mailbox WHERE service_id = :service AND email IS NOT NULL
                    """)
                    .param("service", intake.serviceId())
                    .query((row, n) -> new Address(row.getString("email"), row.getString("language"),
                            EmailPreferences.Delivery.IMMEDIATELY))
                    .optional();
            // BruZEL's helpdesks work in Dutch.
            case Recipient.Helpdesk helpdesk -> jdbc.sql("""
                    SELECT email FROM helpdesk_mailbox WHERE care_zone_code = :zone AND email IS NOT NULL
                    """)
                    .param("zone", helpdesk.careZoneCode())
                    .query((row, n) -> new Address(row.getString("email"), "nl", EmailPreferences.Delivery.IMMEDIATELY))
                    .optional();
        };
    }
}
