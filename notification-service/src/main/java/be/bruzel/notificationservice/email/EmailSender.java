package be.bruzel.notificationservice.email;

import be.bruzel.notificationservice.email.Emails.Email;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
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
 * (mails the outbox held back for the burst window) goes out as one mail listing them all; a batch's mails share
 * one connection to the mail server.
 */
@Component
class EmailSender {

    private static final Logger log = LoggerFactory.getLogger(EmailSender.class);
    private static final int BATCH = 20;

    private final Emails emails;
    private final JavaMailSender mail;
    private final MailTemplates templates;
    private final EmailSettings settings;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final MeterRegistry meters;

    EmailSender(
            Emails emails,
            JavaMailSender mail,
            MailTemplates templates,
            EmailSettings settings,
            TransactionTemplate transaction,
            Clock clock,
            MeterRegistry meters) {
        this.emails = emails;
        this.mail = mail;
        this.templates = templates;
        this.settings = settings;
        this.transaction = transaction;
        this.clock = clock;
        this.meters = meters;
        Gauge.builder("notifications.email.backlog", emails::backlog)
                .description("E-mails owed and not yet sent (pending or failed, digests excluded)")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${platform.notifications.email.send-every:PT5S}")
    void sendDue() {
        while (Boolean.TRUE.equals(transaction.execute(status -> sendBatch()))) {
            // Another full batch may be due.
        }
    }

    /** @return whether the batch was full */
    private boolean sendBatch() {
        Instant now = clock.instant();
        List<Email> due = emails.claimDue(now, BATCH);
        // Without a burst window each mail goes alone; with one, the mails on a referral to an address go together.
        boolean alone = settings.burstWindow().isZero();
        Map<List<Object>, List<Email>> mails = new LinkedHashMap<>();
        for (Email owed : alone ? due : withTheRestOfTheirBursts(due)) {
            // A mail about a service (a listing to check) goes alone: bursts are a referral's.
            mails.computeIfAbsent(
                            alone || owed.referralId() == null
                                    ? List.of(owed.id())
                                    : Arrays.asList(owed.to(), owed.referralId()),
                            key -> new ArrayList<>())
                    .add(owed);
        }
        Map<MimeMessage, List<Email>> messages = new LinkedHashMap<>();
        for (List<Email> burst : mails.values()) {
            Email first = burst.getFirst();
            List<MailTemplates.Happened> happened = burst.stream()
                    .map(owed -> new MailTemplates.Happened(owed.referralId(), owed.type(), owed.detail()))
                    .toList();
            MailTemplates.Rendered rendered = first.serviceId() != null
                    ? templates.listingCheck(first.serviceId(), first.detail(), first.language())
                    : burst.size() == 1
                            ? templates.notification(happened.getFirst(), first.language())
                            : templates.burst(happened, first.language());
            try {
                messages.put(message(first.id(), first.to(), rendered), burst);
            } catch (MessagingException failed) {
                burst.forEach(owed -> failed(owed, failed));
            }
        }
        Map<Object, Exception> failures = sendTogether(messages.keySet());
        messages.forEach((message, burst) -> {
            Exception failure = failures.get(message);
            if (failure == null) {
                sent(burst);
            } else {
                burst.forEach(owed -> failed(owed, failure));
            }
        });
        return due.size() == BATCH;
    }

    /** The due mails, and those waiting after them on the same referral to the same address, oldest first. */
    private List<Email> withTheRestOfTheirBursts(List<Email> due) {
        if (due.isEmpty()) {
            return due;
        }
        List<Email> all = new ArrayList<>(due);
        all.addAll(emails.claimHeldWith(due));
        all.sort(Comparator.comparing(Email::occurredAt));
        return all;
    }

    /**
     * Sends the mails over one connection: opening one per mail took some 45 ms against a local server (22 mails/s),
     * and costs a TLS handshake and a login against a real one.
     *
     * @return the mails not sent, each with why; a mail that fails does not keep the others from going
     */
    private Map<Object, Exception> sendTogether(Collection<MimeMessage> messages) {
        if (messages.isEmpty()) {
            return Map.of();
        }
        try {
            mail.send(messages.toArray(MimeMessage[]::new));
            return Map.of();
        } catch (MailSendException failed) {
            // Names the mails that failed; none when only closing the connection after sending them all failed.
            return failed.getFailedMessages();
        } catch (MailException failed) {
            // Not one sent, e.g. the server refused the platform's login.
            Map<Object, Exception> all = new HashMap<>();
            messages.forEach(message -> all.put(message, failed));
            return all;
        }
    }

    private void sent(List<Email> burst) {
        emails.sent(burst.stream().map(Email::id).toList(), clock.instant());
        for (Email owed : burst) {
            counter("notifications.sent", owed.type()).increment();
            Timer.builder("notifications.delivery")
                    .tag("channel", "email")
                    .register(meters)
                    .record(Duration.between(owed.occurredAt(), clock.instant()));
        }
    }

    /** Also for the daily digest: one mail, its own Message-ID. */
    void send(UUID id, String to, MailTemplates.Rendered rendered) throws MessagingException {
        mail.send(message(id, to, rendered));
    }

    /** One mail, with the Message-ID of its row. */
    private MimeMessage message(UUID id, String to, MailTemplates.Rendered rendered) throws MessagingException {
        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(settings.from());
        helper.setTo(to);
        helper.setSubject(rendered.subject());
        helper.setText(rendered.text(), rendered.html());
        message.saveChanges();
        message.setHeader("Message-ID", "<" + id + "@notifications.bruzel>");
        return message;
    }

    private void failed(Email owed, Exception failure) {
        int attempts = owed.attempts() + 1;
        boolean roundOver = settings.retries().roundOver(attempts);
        Duration wait = settings.retries().waitAfter(attempts);
        emails.failed(owed.id(), attempts, roundOver, clock.instant().plus(wait), String.valueOf(failure.getMessage()));
        counter("notifications.failed", owed.type()).increment();
        log.warn(
                "E-mail {} ({}) not sent (attempt {}), next in {}: {}",
                owed.id(),
                owed.type(),
                attempts,
                wait,
                failure.getMessage());
    }

    private Counter counter(String name, String type) {
        return Counter.builder(name).tag("channel", "email").tag("type", type).register(meters);
    }
}
