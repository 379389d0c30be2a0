package be.bruzel.notificationservice.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import be.bruzel.platform.events.ServiceCheckDue;
import be.bruzel.platform.testing.ServiceIntegrationTest;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;

/** A listing due for a check is mailed to its organisation's coordinators: real Kafka, SMTP and PostgreSQL. */
@ServiceIntegrationTest
// Closed after its tests: a context left running would send, from the shared database, the mails of the next one.
@DirtiesContext
class ListingCheckMailIT extends MailScenario {

    static GreenMail smtp = new GreenMail(new ServerSetup(39025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @BeforeAll
    static void startSmtp() {
        smtp.start();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @Test
    void eachCoordinatorOfTheOrganisationIsMailedInTheirLanguageOnceWithALinkToTheListing() throws Exception {
        String org = "ocmw-" + UUID.randomUUID();
        knownService(org);
        String sofie = coordinatorLooks(org, "sofie", "nl");
        String nadia = coordinatorLooks(org, "nadia", "fr");
        String worker = "worker-" + UUID.randomUUID();
        looksAtNotifications(worker, worker + "@example.org", "nl");
        ServiceCheckDue due = due(org);

        publish(due);
        // Delivered again, as after a consumer crash: still one mail each.
        publish(due);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> mailsTo(sofie).size() == 1 && mailsTo(nadia).size() == 1);
        MimeMessage dutch = mailsTo(sofie).getFirst();
        assertThat(dutch.getSubject()).isEqualTo("Kloppen de gegevens van Ontmoeting nog?");
        assertThat(text(dutch))
                .contains("Goeiedag,")
                .contains("het laatst nagekeken op 1 maart 2026")
                .contains("http://localhost:8080/organisation/services/" + org + "-ontmoeting");
        assertThat(html(mailsTo(nadia).getFirst()))
                .contains("Rencontre")
                .contains("<a href=\"http://localhost:8080/organisation/services/" + org + "-ontmoeting\"");
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> mailsTo(sofie).size() == 1);
        assertThat(mailsTo(worker + "@example.org"))
                .as("a worker who is no coordinator")
                .isEmpty();
        assertThat(mailsTo("intake@" + org + ".example"))
                .as("coordinators are known")
                .isEmpty();
        assertThat(count("SELECT count(*) FROM email WHERE service_id = '" + org + "-ontmoeting'"))
                .isEqualTo(2);
    }

    @Test
    void whileNoCoordinatorIsKnownTheServicesIntakeMailboxIsReminded() {
        String org = "ldc-" + UUID.randomUUID();
        knownService(org);

        publish(due(org));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> mailsTo("intake@" + org + ".example").size() == 1);
        assertThat(subject(mailsTo("intake@" + org + ".example").getFirst()))
                .isEqualTo("Kloppen de gegevens van Ontmoeting nog? / Les données de Rencontre sont-elles toujours"
                        + " correctes\u00a0?");
    }

    private void knownService(String org) {
        publish(meetingsOf(org, null));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> count("SELECT count(*) FROM intake_mailbox WHERE organisation_id = '" + org + "'") == 1);
    }

    /** A coordinator of the organisation looks at their notifications, as the app does on every screen; their address. */
    private String coordinatorLooks(String org, String name, String language) {
        String address = name + "@" + org + ".example";
        looksAtNotifications(
                name + "." + org, address, language, List.of("organisation-worker", "organisation-coordinator"), org);
        return address;
    }

    private static ServiceCheckDue due(String org) {
        return new ServiceCheckDue(
                UUID.randomUUID(),
                Instant.now(),
                org + "-ontmoeting",
                org,
                "Ontmoeting",
                "Rencontre",
                LocalDate.parse("2026-03-01"));
    }

    @Override
    GreenMail smtp() {
        return smtp;
    }
}
