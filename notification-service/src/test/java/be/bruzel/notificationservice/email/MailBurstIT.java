package be.bruzel.notificationservice.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import be.bruzel.platform.events.FeedbackPosted;
import be.bruzel.platform.testing.ServiceIntegrationTest;
import be.bruzel.platform.testing.TcpGate;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** Mails wait a moment for others on the same referral, a burst arrives as one, and mails due together share a connection. */
@ServiceIntegrationTest
@TestPropertySource(properties = "platform.notifications.email.burst-window=PT3S")
// Closed after its tests: a context left running would send, from the shared database, the mails of the next one.
@DirtiesContext
class MailBurstIT extends MailScenario {

    static GreenMail smtp = new GreenMail(new ServerSetup(39026, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    // The service reaches the mail server through this gate, which counts its connections.
    static final TcpGate relay = TcpGate.closedInFrontOf("127.0.0.1:39026");

    @DynamicPropertySource
    static void mailThroughTheGate(DynamicPropertyRegistry properties) {
        properties.add("spring.mail.port", relay::port);
    }

    @BeforeAll
    static void startSmtp() throws IOException {
        smtp.start();
        relay.open();
    }

    @AfterAll
    static void stopSmtp() {
        relay.close();
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

    @Test
    void mailsDueTogetherGoOverOneConnectionToTheMailServer() throws Exception {
        int connectionsBefore = relay.connections();
        List<String> referrers = new ArrayList<>();
        for (int gp = 0; gp < 25; gp++) {
            String referrer = "gp-" + UUID.randomUUID();
            looksAtNotifications(referrer, referrer + "@example.org", "nl");
            referrers.add(referrer);
        }
        referrers.forEach(referrer -> publish(posted(UUID.randomUUID(), referrer)));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> referrers.stream()
                        .allMatch(gp -> mailsTo(gp + "@example.org").size() == 1));
        assertThat(relay.connections() - connectionsBefore)
                .as("25 mails due within moments of each other, sent in batches of 20, not one connection each")
                .isBetween(2, 5);
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
