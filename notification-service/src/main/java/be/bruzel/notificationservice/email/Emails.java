package be.bruzel.notificationservice.email;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The e-mails owed, in the {@code email} table, which nothing else reads or writes. Senders claim
 * rows with {@code FOR UPDATE SKIP LOCKED}, so that several instances never send the same mail.
 */
@Repository
class Emails {

    /** A mail owed: what happened (a notification type, the referral, a detail code), to which address, in which language. */
    record Email(
            UUID id,
            String type,
            UUID referralId,
            String serviceId,
            String detail,
            String to,
            String language,
            int attempts,
            Instant occurredAt) {}

    /** A mail to owe; {@code eventId} and {@code to} make it owed once, however often the event comes. */
    record NewEmail(
            UUID eventId,
            String type,
            UUID referralId,
            String serviceId,
            String detail,
            String to,
            String language,
            EmailStatus status,
            Instant occurredAt) {}

    private static final String COLUMNS =
            "id, notification_type, referral_id, service_id, detail, to_address, language, attempts, occurred_at";

    private final JdbcClient jdbc;

    Emails(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Owes them all in one statement; a mail already owed for the same event and address stays as it is. */
    @Transactional(propagation = Propagation.MANDATORY)
    void owe(List<NewEmail> mails, Instant now, Instant sendFrom) {
        jdbc.sql("""
                INSERT INTO email (id, event_id, notification_type, referral_id, service_id, detail, to_address,
                                   language, status, next_attempt_at, occurred_at, created_at)
                SELECT id, event_id, notification_type, referral_id, service_id, detail, to_address, language, status,
                       :sendFrom, occurred_at, :now
                FROM unnest(CAST(:ids AS uuid[]), CAST(:events AS uuid[]), CAST(:types AS text[]), CAST(:referrals AS uuid[]),
                            CAST(:services AS text[]), CAST(:details AS text[]), CAST(:addresses AS text[]),
                            CAST(:languages AS text[]), CAST(:statuses AS text[]), CAST(:occurred AS timestamptz[]))
                     AS owed (id, event_id, notification_type, referral_id, service_id, detail, to_address, language,
                              status, occurred_at)
                ON CONFLICT (event_id, to_address) DO NOTHING
                """)
                .param("now", Timestamp.from(now))
                .param("sendFrom", Timestamp.from(sendFrom))
                .param(
                        "ids",
                        mails.stream().map(mail -> UUID.randomUUID().toString()).toArray(String[]::new))
                .param(
                        "events",
                        mails.stream().map(mail -> mail.eventId().toString()).toArray(String[]::new))
                .param("types", mails.stream().map(NewEmail::type).toArray(String[]::new))
                .param(
                        "referrals",
                        mails.stream()
                                .map(mail -> mail.referralId() == null
                                        ? null
                                        : mail.referralId().toString())
                                .toArray(String[]::new))
                .param("services", mails.stream().map(NewEmail::serviceId).toArray(String[]::new))
                .param("details", mails.stream().map(NewEmail::detail).toArray(String[]::new))
                .param("addresses", mails.stream().map(NewEmail::to).toArray(String[]::new))
                .param("languages", mails.stream().map(NewEmail::language).toArray(String[]::new))
                .param(
                        "statuses",
                        mails.stream().map(mail -> mail.status().name()).toArray(String[]::new))
                .param(
                        "occurred",
                        mails.stream().map(mail -> mail.occurredAt().toString()).toArray(String[]::new))
                .update();
    }

    /** Claims up to {@code batch} mails whose attempt is due, the longest due first. */
    @Transactional(propagation = Propagation.MANDATORY)
    List<Email> claimDue(Instant now, int batch) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM email WHERE status IN ('PENDING', 'FAILED') AND next_attempt_at <= :now
                ORDER BY next_attempt_at LIMIT :batch FOR UPDATE SKIP LOCKED
                """)
                .param("now", Timestamp.from(now))
                .param("batch", batch)
                .query(Emails::email)
                .list();
    }

    /** Claims the mails not yet tried that wait after these on the same referral to the same address. */
    @Transactional(propagation = Propagation.MANDATORY)
    List<Email> claimHeldWith(List<Email> due) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM email WHERE status = 'PENDING' AND attempts = 0 AND id <> ALL (CAST(:due AS uuid[]))
                  AND (to_address, referral_id) IN (SELECT * FROM unnest(CAST(:addresses AS text[]), CAST(:referrals AS uuid[])))
                ORDER BY occurred_at FOR UPDATE SKIP LOCKED
                """)
                .param("due", due.stream().map(owed -> owed.id().toString()).toArray(String[]::new))
                .param("addresses", due.stream().map(Email::to).toArray(String[]::new))
                .param(
                        "referrals",
                        due.stream()
                                .map(owed -> owed.referralId() == null
                                        ? null
                                        : owed.referralId().toString())
                                .toArray(String[]::new))
                .query(Emails::email)
                .list();
    }

    /** The addresses with items waiting for their digest. */
    List<String> digestAddresses() {
        return jdbc.sql("SELECT DISTINCT to_address FROM email WHERE status = 'DIGEST'")
                .query(String.class)
                .list();
    }

    /** Claims the items of one address's digest, oldest first. */
    @Transactional(propagation = Propagation.MANDATORY)
    List<Email> claimDigestOf(String address) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM email WHERE status = 'DIGEST' AND to_address = :to ORDER BY occurred_at FOR UPDATE SKIP LOCKED
                """)
                .param("to", address)
                .query(Emails::email)
                .list();
    }

    void sent(Collection<UUID> ids, Instant at) {
        jdbc.sql("UPDATE email SET status = 'SENT', sent_at = :now, attempts = attempts + 1 WHERE id IN (:ids)")
                .param("now", Timestamp.from(at))
                .param("ids", List.copyOf(ids))
                .update();
    }

    /** An attempt failed: FAILED once a round of attempts is over (and from then on), else still PENDING. */
    void failed(UUID id, int attempts, boolean roundOver, Instant nextAttempt, String error) {
        jdbc.sql("""
                UPDATE email SET attempts = :attempts, next_attempt_at = :next, last_error = :error,
                                 status = CASE WHEN :roundOver OR status = 'FAILED' THEN 'FAILED' ELSE 'PENDING' END
                WHERE id = :id
                """)
                .param("attempts", attempts)
                .param("roundOver", roundOver)
                .param("next", Timestamp.from(nextAttempt))
                .param("error", error)
                .param("id", id)
                .update();
    }

    /** Owed and not yet sent: pending or failed, digests excluded. */
    long backlog() {
        return jdbc.sql("SELECT count(*) FROM email WHERE status IN ('PENDING', 'FAILED')")
                .query(Long.class)
                .single();
    }

    private static Email email(ResultSet row, int rowNumber) throws SQLException {
        return new Email(
                row.getObject("id", UUID.class),
                row.getString("notification_type"),
                row.getObject("referral_id", UUID.class),
                row.getString("service_id"),
                row.getString("detail"),
                row.getString("to_address"),
                row.getString("language"),
                row.getInt("attempts"),
                row.getTimestamp("occurred_at").toInstant());
    }
}
