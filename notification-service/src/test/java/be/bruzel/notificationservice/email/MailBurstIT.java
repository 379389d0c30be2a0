package be.bruzel.notificationservice.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import be.bruzel.platform.events.FeedbackPosted;
import be.bruzel.platform.testing.ServiceIntegrationTest;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/** Mails wait a moment for others on the same referral, and a burst arrives as one. */
@ServiceIntegrationTest
@TestPropertySource(properties = {"platform.notifications.email.burst-window=PT3S", "spring.mail.port=39026"})
// Closed after its tests: a context left running would send, from the shared database, the mails of the next one.
@DirtiesContext
class MailBurstIT extends MailScenario {

    static GreenMail smtp = new GreenMail(new ServerSetup(39026, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @BeforeAll
    static void startSmtp() {
        smtp.start();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @Override
    GreenMail smtp() {
        return smtp;
    }

    @Test
    void threeMessagesOnOneReferralReachTheReferrerAsOneMailAndAnotherReferralsAsItsOwn() throws Exception {
        String gp = "gp-" + UUID.randomUUID();
        String address = gp + "@example.org";
        looksAtNotifications(gp, address, "nl");
        UUID busy = UUID.randomUUID();
        UUID quiet = UUID.randomUUID();
        for (int message = 0; message < 3; message++) {
            publish(posted(busy, gp));
        }
        publish(posted(quiet, gp));

        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(address).size() >= 2);
        Thread.sleep(4_000);
        List<MimeMessage> mails = mailsTo(address);

        assertThat(mails).hasSize(2);
        MimeMessage burst = mails.stream()
                .filter(mail -> subject(mail).contains(busy.toString().substring(0, 8)))
                .findFirst()
                .orElseThrow();
        assertThat(subject(burst)).contains("3 nieuwe meldingen");
        assertThat(text(burst).split("/referrals/" + busy, -1))
                .as("three lines, each linking to the referral")
                .hasSize(4);
        assertThat(text(burst)).doesNotContain(quiet.toString());
        assertThat(count("SELECT count(*) FROM email WHERE referral_id = '" + busy + "' AND status = 'SENT'"))
                .as("each message counted as sent")
                .isEqualTo(3);
    }

    private static FeedbackPosted posted(UUID referral, String referrer) {
        return new FeedbackPosted(
                UUID.randomUUID(),
                Instant.now(),
                referral,
                UUID.randomUUID(),
                "ORGANISATION",
                "worker.ocmw",
                "ocmw-jette",
                referrer);
    }
}
