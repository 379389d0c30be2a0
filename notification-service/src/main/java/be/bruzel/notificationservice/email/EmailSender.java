package be.bruzel.notificationservice.email;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the e-mails owed, a few at a time, each claimed with {@code FOR UPDATE SKIP LOCKED} so
 * that several instances never send the same one. A failed attempt is retried with growing
 * backoff; after {@code max-attempts} the mail is marked FAILED and tried again every
 * {@code retry-failed-after}: nothing is dropped. The backlog (owed, not yet sent) is a gauge.
 * Each mail carries a Message-ID made from its row, so that a mail server or client can discard a
 * copy sent again after a crash between sending and recording it. A burst on one referral to one address
 * (mails the outbox held back for the burst window) goes out as one mail listing them all.
 */
@Component
class EmailSender {

    private static final Logger log = LoggerFactory.getLogger(EmailSender.class);
    private static final int BATCH = 20;

    private record Owed(UUID id, String type, UUID referralId, String detail, String to, String language, int attempts,
            Instant occurredAt) {
    }

    private final JdbcClient jdbc;
    private final JavaMailSender mail;
    private final MailTemplates templates;
    private final EmailSettings settings;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final MeterRegistry meters;

    EmailSender(JdbcClient jdbc, JavaMailSender mail, MailTemplates templates, EmailSettings settings,
            TransactionTemplate transaction, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.mail = mail;
        this.templates = templates;
        this.settings = settings;
        this.transaction = transaction;
        this.clock = clock;
        this.meters = meters;
        Gauge.builder("notifications.email.backlog", this::backlog)
                .description("E-mails owed and not yet sent (pending or failed, digests excluded)")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${platform.notifications.email.send-every:PT1S}")
    void sendDue() {
        while (Boolean.TRUE.equals(transaction.execute(status -> sendBatch()))) {
            // Another full batch may be due.
        }
    }

    /** @return whether the batch was full */
    private boolean sendBatch() {
        Instant now = clock.instant();
        List<Owed> due = jdbc.sql("""
                SELECT id, notification_type, referral_id, detail, to_address, language, attempts, occurred_at
                FROM email WHERE status IN ('PENDING', 'FAILED') AND next_attempt_at <= :now
                ORDER BY next_attempt_at LIMIT :batch FOR UPDATE SKIP LOCKED
                """)
                .param("now", Timestamp.from(now)).param("batch", BATCH)
                .query(EmailSender::owed)
                .list();
        // Without a burst window each mail goes alone; with one, the mails on a referral to an address go together.
        boolean alone = settings.burstWindow().isZero();
        Map<List<Object>, List<Owed>> mails = new LinkedHashMap<>();
        for (Owed owed : alone ? due : withTheRestOfTheirBursts(due)) {
            mails.computeIfAbsent(alone ? List.of(owed.id()) : Arrays.asList(owed.to(), owed.referralId()),
                    key -> new ArrayList<>()).add(owed);
        }
        for (List<Owed> burst : mails.values()) {
            Owed first = burst.getFirst();
            MailTemplates.Rendered rendered = burst.size() == 1
                    ? templates.notification(first.type(), first.referralId(), first.detail(), first.language())
                    : templates.burst(first.referralId(), burst.stream().map(owed -> templates.line(owed.type(),
                            owed.referralId(), owed.detail(), Locale.of(first.language()))).toList(), first.language());
            try {
                send(first.id(), first.to(), rendered);
                jdbc.sql("UPDATE email SET status = 'SENT', sent_at = :now, attempts = attempts + 1 WHERE id IN (:ids)")
                        .param("now", Timestamp.from(clock.instant()))
                        .param("ids", burst.stream().map(Owed::id).toList()).update();
                for (Owed owed : burst) {
                    counter("notifications.sent", owed.type()).increment();
                    Timer.builder("notifications.delivery").tag("channel", "email").register(meters)
                            .record(Duration.between(owed.occurredAt(), clock.instant()));
                }
            } catch (MailException | MessagingException failed) {
                burst.forEach(owed -> failed(owed, failed));
            }
        }
        return due.size() == BATCH;
    }

    /** The due mails, and those waiting after them on the same referral to the same address, oldest first. */
    private List<Owed> withTheRestOfTheirBursts(List<Owed> due) {
        if (due.isEmpty()) {
            return due;
        }
        List<Owed> held = jdbc.sql("""
                SELECT id, notification_type, referral_id, detail, to_address, language, attempts, occurred_at
                FROM email WHERE status = 'PENDING' AND attempts = 0 AND id <> ALL (CAST(:due AS uuid[]))
                  AND (to_address, referral_id) IN (SELECT * FROM unnest(CAST(:addresses AS text[]), CAST(:referrals AS uuid[])))
                ORDER BY occurred_at FOR UPDATE SKIP LOCKED
                """)
                .param("due", due.stream().map(owed -> owed.id().toString()).toArray(String[]::new))
                .param("addresses", due.stream().map(Owed::to).toArray(String[]::new))
                .param("referrals", due.stream().map(owed -> owed.referralId() == null ? null : owed.referralId().toString())
                        .toArray(String[]::new))
                .query(EmailSender::owed)
                .list();
        List<Owed> all = new ArrayList<>(due);
        all.addAll(held);
        all.sort(Comparator.comparing(Owed::occurredAt));
        return all;
    }

    private static Owed owed(ResultSet row, int rowNumber) throws SQLException {
        return new Owed(row.getObject("id", UUID.class), row.getString("notification_type"),
                row.getObject("referral_id", UUID.class), row.getString("detail"), row.getString("to_address"),
                row.getString("language"), row.getInt("attempts"), row.getTimestamp("occurred_at").toInstant());
    }

    /** Also for the daily digest: one mail, its own Message-ID. */
    void send(UUID id, String to, MailTemplates.Rendered rendered) throws MessagingException {
        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(settings.from());
        helper.setTo(to);
        helper.setSubject(rendered.subject());
        helper.setText(rendered.text(), rendered.html());
        message.saveChanges();
        message.setHeader("Message-ID", "<" + id + "@notifications.bruzel>");
        mail.send(message);
    }

    private void failed(Owed owed, Exception failure) {
        int attempts = owed.attempts() + 1;
        boolean roundOver = attempts % settings.maxAttempts() == 0;
        Duration wait = roundOver ? settings.retryFailedAfter() : settings.backoffAfter(attempts);
        jdbc.sql("""
                UPDATE email SET attempts = :attempts, status = :status, next_attempt_at = :next, last_error = :error
                WHERE id = :id
                """)
                .param("attempts", attempts)
                .param("status", roundOver || "FAILED".equals(statusOf(owed.id())) ? "FAILED" : "PENDING")
                .param("next", Timestamp.from(clock.instant().plus(wait)))
                .param("error", String.valueOf(failure.getMessage()))
                .param("id", owed.id())
                .update();
        counter("notifications.failed", owed.type()).increment();
        log.warn("E-mail {} ({}) not sent (attempt {}), next in {}: {}", owed.id(), owed.type(), attempts,
                wait, failure.getMessage());
    }

    private String statusOf(UUID id) {
        return jdbc.sql("SELECT status FROM email WHERE id = :id").param("id", id).query(String.class).single();
    }

    private Counter counter(String name, String type) {
        return Counter.builder(name).tag("channel", "email").tag("type", type).register(meters);
    }

    private double backlog() {
        return jdbc.sql("SELECT count(*) FROM email WHERE status IN ('PENDING', 'FAILED')").query(Long.class).single();
    }
}
