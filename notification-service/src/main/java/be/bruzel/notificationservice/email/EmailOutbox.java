package be.bruzel.notificationservice.email;

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
        record User(String userId) implements Recipient {}

        record ServiceIntake(String serviceId) implements Recipient {}

        record Helpdesk(String careZoneCode) implements Recipient {}
    }

    /**
     * What happened, as the mail tells it: to a referral, or to a service.
     *
     * @param referralId none for a mail about a service
     * @param serviceId none for a mail about a referral
     * @param detail a code the mail names (an outcome, a reason), or null
     */
    public record Occurrence(
            UUID eventId,
            String notificationType,
            UUID referralId,
            String serviceId,
            String detail,
            Instant occurredAt) {

        /** Something that happened to a referral. */
        public Occurrence(UUID eventId, String notificationType, UUID referralId, String detail, Instant occurredAt) {
            this(eventId, notificationType, referralId, null, detail, occurredAt);
        }
    }

    private record Address(String email, String language, EmailPreferences.Delivery delivery) {
        Address(Mailboxes.Mailbox mailbox) {
            this(mailbox.email(), mailbox.language(), EmailPreferences.Delivery.IMMEDIATELY);
        }
    }

    private final Emails emails;
    private final Mailboxes mailboxes;
    private final UserContacts contacts;
    private final EmailPreferences preferences;
    private final Clock clock;
    private final EmailSettings settings;

    EmailOutbox(
            Emails emails,
            Mailboxes mailboxes,
            UserContacts contacts,
            EmailPreferences preferences,
            Clock clock,
            EmailSettings settings) {
        this.emails = emails;
        this.mailboxes = mailboxes;
        this.contacts = contacts;
        this.preferences = preferences;
        this.clock = clock;
        this.settings = settings;
    }

    /** One mail owed: what happened, to whom. */
    public record Owed(Occurrence occurrence, Recipient recipient) {}

    /**
     * Owes each mail whose recipient has an address and wants it; in a handful of statements for a
     * whole batch of events.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void oweAll(List<Owed> owed) {
        Map<String, UserContacts.Contact> users = contacts.of(ids(owed, Recipient.User.class, Recipient.User::userId));
        Map<String, Map<String, EmailPreferences.Delivery>> chosen = preferences.of(users.keySet());
        Map<String, Mailboxes.Mailbox> intakes =
                mailboxes.intakes(ids(owed, Recipient.ServiceIntake.class, Recipient.ServiceIntake::serviceId));
        Map<String, Mailboxes.Mailbox> helpdesks =
                mailboxes.helpdesks(ids(owed, Recipient.Helpdesk.class, Recipient.Helpdesk::careZoneCode));
        List<Map.Entry<Occurrence, Address>> mails = new ArrayList<>();
        for (Owed one : owed) {
            Optional<Address> address = switch (one.recipient()) {
                case Recipient.User user ->
                    Optional.ofNullable(users.get(user.userId()))
                            .flatMap(contact -> contact.email()
                                    .map(email -> new Address(
                                            email,
                                            contact.language(),
                                            chosen.getOrDefault(user.userId(), Map.of())
                                                    .getOrDefault(
                                                            one.occurrence().notificationType(),
                                                            EmailPreferences.Delivery.IMMEDIATELY))));
                case Recipient.ServiceIntake intake ->
                    Optional.ofNullable(intakes.get(intake.serviceId())).map(Address::new);
                case Recipient.Helpdesk helpdesk ->
                    Optional.ofNullable(helpdesks.get(helpdesk.careZoneCode())).map(Address::new);
            };
            address.filter(known -> known.delivery() != EmailPreferences.Delivery.NEVER)
                    .ifPresent(known -> mails.add(Map.entry(one.occurrence(), known)));
        }
        if (mails.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        // Each waits the burst window for others on its referral, to go out with them as one mail.
        emails.owe(
                mails.stream()
                        .map(mail -> new Emails.NewEmail(
                                mail.getKey().eventId(),
                                mail.getKey().notificationType(),
                                mail.getKey().referralId(),
                                mail.getKey().serviceId(),
                                mail.getKey().detail(),
                                mail.getValue().email(),
                                mail.getValue().language(),
                                mail.getValue().delivery() == EmailPreferences.Delivery.DAILY_DIGEST
                                        ? EmailStatus.DIGEST
                                        : EmailStatus.PENDING,
                                mail.getKey().occurredAt()))
                        .toList(),
                now,
                now.plus(settings.burstWindow()));
    }

    private static <R extends Recipient> Set<String> ids(List<Owed> owed, Class<R> kind, Function<R, String> id) {
        return owed.stream()
                .map(Owed::recipient)
                .filter(kind::isInstance)
                .map(kind::cast)
                .map(id)
                .collect(Collectors.toSet());
    }
}
