package be.bruzel.notificationservice.email;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
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
    private final EmailSettings settings;

    EmailOutbox(JdbcClient jdbc, UserContacts contacts, EmailPreferences preferences, Clock clock,
            EmailSettings settings) {
        this.jdbc = jdbc;
        this.contacts = contacts;
        this.preferences = preferences;
        this.clock = clock;
        this.settings = settings;
    }

    /** One mail owed: what happened, to whom. */
    public record Owed(Occurrence occurrence, Recipient recipient) {
    }

    /**
     * Owes each mail whose recipient has an address and wants it; in a handful of statements for a
     * whole batch of events.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void oweAll(List<Owed> owed) {
        Map<String, UserContacts.Contact> users = contacts.of(ids(owed, Recipient.User.class, Recipient.User::userId));
        Map<String, Map<String, EmailPreferences.Delivery>> chosen = preferences.of(users.keySet());
        Map<String, Address> intakes = mailboxes("""
                SELECT service_id AS id, email, language FROM intake_mailbox
                WHERE service_id = ANY (:ids) AND email IS NOT NULL
                """, ids(owed, Recipient.ServiceIntake.class, Recipient.ServiceIntake::serviceId));
        // BruZEL's helpdesks work in Dutch.
        Map<String, Address> helpdesks = mailboxes("""
                SELECT care_zone_code AS id, email, 'nl' AS language FROM helpdesk_mailbox
                WHERE care_zone_code = ANY (:ids) AND email IS NOT NULL
                """, ids(owed, Recipient.Helpdesk.class, Recipient.Helpdesk::careZoneCode));
        List<Map.Entry<Occurrence, Address>> mails = new ArrayList<>();
        for (Owed one : owed) {
            Optional<Address> address = switch (one.recipient()) {
                case Recipient.User user -> Optional.ofNullable(users.get(user.userId()))
                        .flatMap(contact -> contact.email().map(email -> new Address(email, contact.language(),
                                chosen.getOrDefault(user.userId(), Map.of()).getOrDefault(
                                        one.occurrence().notificationType(), EmailPreferences.Delivery.IMMEDIATELY))));
                case Recipient.ServiceIntake intake -> Optional.ofNullable(intakes.get(intake.serviceId()));
                case Recipient.Helpdesk helpdesk -> Optional.ofNullable(helpdesks.get(helpdesk.careZoneCode()));
            };
            address.filter(known -> known.delivery() != EmailPreferences.Delivery.NEVER)
                    .ifPresent(known -> mails.add(Map.entry(one.occurrence(), known)));
        }
        if (mails.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                INSERT INTO email (id, event_id, notification_type, referral_id, detail, to_address, language, status,
                                   next_attempt_at, occurred_at, created_at)
                SELECT id, event_id, notification_type, referral_id, detail, to_address, language, status,
                       :sendFrom, occurred_at, :now
                FROM unnest(CAST(:ids AS uuid[]), CAST(:events AS uuid[]), CAST(:types AS text[]), CAST(:referrals AS uuid[]),
                            CAST(:details AS text[]), CAST(:addresses AS text[]), CAST(:languages AS text[]),
                            CAST(:statuses AS text[]), CAST(:occurred AS timestamptz[]))
                     AS owed (id, event_id, notification_type, referral_id, detail, to_address, language, status,
                              occurred_at)
                ON CONFLICT (event_id, to_address) DO NOTHING
                """)
                .param("now", now)
                // Each waits the burst window for others on its referral, to go out with them as one mail.
                .param("sendFrom", Timestamp.from(clock.instant().plus(settings.burstWindow())))
                .param("ids", mails.stream().map(mail -> UUID.randomUUID().toString()).toArray(String[]::new))
                .param("events", mails.stream().map(mail -> mail.getKey().eventId().toString()).toArray(String[]::new))
                .param("types", mails.stream().map(mail -> mail.getKey().notificationType()).toArray(String[]::new))
                .param("referrals", mails.stream().map(mail -> mail.getKey().referralId().toString()).toArray(String[]::new))
                .param("details", mails.stream().map(mail -> mail.getKey().detail()).toArray(String[]::new))
                .param("addresses", mails.stream().map(mail -> mail.getValue().email()).toArray(String[]::new))
                .param("languages", mails.stream().map(mail -> mail.getValue().language()).toArray(String[]::new))
                .param("statuses", mails.stream().map(mail -> mail.getValue().delivery()
                        == EmailPreferences.Delivery.DAILY_DIGEST ? "DIGEST" : "PENDING").toArray(String[]::new))
                .param("occurred", mails.stream().map(mail -> mail.getKey().occurredAt().toString())
                        .toArray(String[]::new))
                .update();
    }

    private static <R extends Recipient> Set<String> ids(List<Owed> owed, Class<R> kind, Function<R, String> id) {
        return owed.stream().map(Owed::recipient).filter(kind::isInstance).map(kind::cast).map(id)
                .collect(Collectors.toSet());
    }

    private Map<String, Address> mailboxes(String sql, Set<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql(sql).param("ids", ids.toArray(String[]::new))
                .query((row, n) -> Map.entry(row.getString("id"), new Address(row.getString("email"),
                        row.getString("language"), EmailPreferences.Delivery.IMMEDIATELY)))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
