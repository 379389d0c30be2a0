package be.bruzel.notificationservice.email;

import jakarta.mail.MessagingException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private final Emails emails;
    private final MailTemplates templates;
    private final EmailSender sender;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DailyDigest(
            Emails emails, MailTemplates templates, EmailSender sender, TransactionTemplate transaction, Clock clock) {
        this.emails = emails;
        this.templates = templates;
        this.sender = sender;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Scheduled(cron = "${platform.notifications.email.digest-at:0 0 7 * * *}", zone = "Europe/Brussels")
    void send() {
        emails.digestAddresses().forEach(address -> transaction.executeWithoutResult(status -> sendTo(address)));
    }

    private void sendTo(String address) {
        List<Emails.Email> items = emails.claimDigestOf(address);
        if (items.isEmpty()) {
            return;
        }
        List<MailTemplates.Happened> happened = items.stream()
                .map(item -> new MailTemplates.Happened(item.referralId(), item.type(), item.detail()))
                .toList();
        try {
            sender.send(
                    UUID.randomUUID(),
                    address,
                    templates.digest(happened, items.getLast().language()));
            emails.sent(items.stream().map(Emails.Email::id).toList(), clock.instant());
        } catch (MailException | MessagingException failed) {
            log.warn(
                    "Daily digest of {} item(s) not sent; they wait for the next one: {}",
                    items.size(),
                    failed.getMessage());
        }
    }
}
