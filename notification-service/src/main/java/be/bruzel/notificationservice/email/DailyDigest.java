package be.bruzel.notificationservice.email;

import jakarta.mail.MessagingException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Once a day, one mail per address with everything its owner chose to get as a digest. Each
 * address's items are claimed with {@code FOR UPDATE SKIP LOCKED}, so several instances never
 * send the same digest; when SMTP is down the items stay for the next digest.
 */
@Component
class DailyDigest {

    private static final Logger log = LoggerFactory.getLogger(DailyDigest.class);

    private record Item(UUID id, String type, UUID referralId, String detail, String language) {
    }

    private final JdbcClient jdbc;
    private final MailTemplates templates;
    private final EmailSender sender;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DailyDigest(JdbcClient jdbc, MailTemplates templates, EmailSender sender, TransactionTemplate transaction,
            Clock clock) {
        this.jdbc = jdbc;
        this.templates = templates;
        this.sender = sender;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Scheduled(cron = "${platform.notifications.email.digest-at:0 0 7 * * *}", zone = "Europe/Brussels")
    void send() {
        List<String> addresses = jdbc.sql("SELECT DISTINCT to_address FROM email WHERE status = 'DIGEST'")
                .query(String.class).list();
        addresses.forEach(address -> transaction.executeWithoutResult(status -> sendTo(address)));
    }

    private void sendTo(String address) {
        List<Item> items = jdbc.sql("""
                SELECT id, notification_type, referral_id, detail, language FROM email
                WHERE status = 'DIGEST' AND to_address = :to ORDER BY occurred_at FOR UPDATE SKIP LOCKED
                """)
                .param("to", address)
                .query((row, n) -> new Item(row.getObject("id", UUID.class), row.getString("notification_type"),
                        row.getObject("referral_id", UUID.class), row.getString("detail"), row.getString("language")))
                .list();
        if (items.isEmpty()) {
            return;
        }
        String language = items.getLast().language();
        List<MailTemplates.Line> lines = items.stream().map(item -> templates.line(item.type(), item.referralId(),
                item.detail(), Locale.of(language))).toList();
        try {
            sender.send(UUID.randomUUID(), address, templates.digest(lines, language));
            jdbc.sql("UPDATE email SET status = 'SENT', sent_at = :now, attempts = attempts + 1 WHERE id IN (:ids)")
                    .param("now", Timestamp.from(clock.instant()))
                    .param("ids", items.stream().map(Item::id).toList())
                    .update();
        } catch (MailException | MessagingException failed) {
            log.warn("Daily digest of {} item(s) not sent; they wait for the next one: {}", items.size(),
                    failed.getMessage());
        }
    }
}
