package be.bruzel.notificationservice.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import be.bruzel.platform.events.CareZoneChanged;
import be.bruzel.platform.events.ReferralAccepted;
import be.bruzel.platform.events.ReferralCompleted;
import be.bruzel.platform.events.ReferralEscalated;
import be.bruzel.platform.events.ThemeChanged;
import be.bruzel.platform.events.Topics;
import be.bruzel.platform.testing.ServiceIntegrationTest;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;

/** Mail over real SMTP (GreenMail), from events on real Kafka, with the state on real PostgreSQL. */
@ServiceIntegrationTest
// Closed after its tests: a context left running would send, from the shared database, the mails of the next one.
@DirtiesContext
class EmailIT extends MailScenario {

    private static final ServerSetup SMTP = new ServerSetup(39025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);

    static GreenMail smtp = new GreenMail(SMTP);

    @Autowired
    MeterRegistry meters;

    @Autowired
    DailyDigest digest;

    @BeforeAll
    static void startSmtp() {
        smtp.start();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @Test
    void eachPartyIsMailedInItsOwnLanguageWithALinkAndNothingOfThePerson() throws Exception {
        String org = "ldc-" + UUID.randomUUID();
        publish(meetingsOf(org, "nl"));
        publish(new CareZoneChanged(
                UUID.randomUUID(),
                Instant.now(),
                "noord",
                "bruzel",
                "Noord",
                "Nord",
                "helpdesk@zorgzone-noord.example",
                "02 000 00 00"));
        String gp = "gp-" + UUID.randomUUID();
        looksAtNotifications(gp, gp + "@example.org", "fr");
        UUID referral = UUID.randomUUID();
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        count("SELECT count(*) FROM intake_mailbox WHERE " + "organisation_id = '" + org + "'") == 1);

        publish(submitted(referral, gp, org));
        publish(new ReferralAccepted(UUID.randomUUID(), Instant.now(), referral, org, org + "-ontmoeting"));
        publish(new ReferralCompleted(UUID.randomUUID(), Instant.now(), referral, org, "PARTLY_SOLVED"));

        String reference = referral.toString().substring(0, 8);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mailsTo(gp + "@example.org").size() == 2
                        && mailsTo("intake@" + org + ".example").size() == 1);
        MimeMessage intake = mailsTo("intake@" + org + ".example").getFirst();
        assertThat(intake.getSubject()).isEqualTo("Nieuwe doorverwijzing " + reference);
        assertThat(text(intake))
                .contains("wacht op uw organisatie")
                .contains("http://localhost:8080/referrals/" + referral);
        assertThat(mailsTo(gp + "@example.org"))
                .extracting(MimeMessage::getSubject)
                .containsExactlyInAnyOrder(
                        "Orientation " + reference + " acceptée", "Orientation " + reference + " clôturée");
        assertThat(mailsTo(gp + "@example.org")).allSatisfy(mail -> {
            assertThat(text(mail))
                    .contains("Bonjour,")
                    .contains("/referrals/" + referral)
                    .doesNotContain("Marie")
                    .doesNotContain("0470");
            assertThat(html(mail)).contains("<a href=\"http://localhost:8080/referrals/" + referral + "\"");
        });
        assertThat(text(mailsTo(gp + "@example.org").stream()
                        .filter(mail -> subject(mail).contains("clôturée"))
                        .findFirst()
                        .orElseThrow()))
                .contains("en partie résolue");

        publish(new ReferralEscalated(
                UUID.randomUUID(), Instant.now(), referral, org, org + "-ontmoeting", "noord", gp, 5));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mailsTo(gp + "@example.org").size() == 3
                        && mailsTo("intake@" + org + ".example").size() == 2
                        && mailsTo("helpdesk@zorgzone-noord.example").stream()
                                .anyMatch(mail -> subject(mail).contains(reference)));
    }

    @Test
    void aRedeliveredEventSendsNoSecondMail() throws Exception {
        String gp = "gp-" + UUID.randomUUID();
        looksAtNotifications(gp, gp + "@example.org", "nl");
        UUID referral = UUID.randomUUID();
        publish(submitted(referral, gp, "ocmw-nowhere"));
        CloudEvent accepted = REFERRAL_SERVICE.encode(
                new ReferralAccepted(UUID.randomUUID(), Instant.now(), referral, "ocmw-nowhere", null));

        kafka.send(Topics.REFERRAL_EVENTS, referral.toString(), accepted);
        kafka.send(Topics.REFERRAL_EVENTS, referral.toString(), accepted);
        publish(new ReferralCompleted(UUID.randomUUID(), Instant.now(), referral, "ocmw-nowhere", "SOLVED"));

        // Same key, same partition: once the completion is mailed, both copies before it were handled.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mailsTo(gp + "@example.org").stream()
                        .anyMatch(mail -> subject(mail).contains("afgerond")));
        Thread.sleep(1_000);
        assertThat(mailsTo(gp + "@example.org"))
                .extracting(MailScenario::subject)
                .filteredOn(subject -> subject.contains("aanvaard"))
                .hasSize(1);
    }

    @Test
    void withSmtpDownMailsWaitAsFailedAndAreAllDeliveredOnceItIsBack() throws Exception {
        String gp = "gp-" + UUID.randomUUID();
        looksAtNotifications(gp, gp + "@example.org", "nl");
        UUID referral = UUID.randomUUID();
        publish(submitted(referral, gp, "ocmw-nowhere"));
        smtp.stop();
        try {
            publish(new ReferralAccepted(UUID.randomUUID(), Instant.now(), referral, "ocmw-nowhere", null));
            publish(new ReferralCompleted(UUID.randomUUID(), Instant.now(), referral, "ocmw-nowhere", "SOLVED"));

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> count("SELECT count(*) FROM email WHERE referral_id = '" + referral
                                    + "' AND status = 'FAILED' AND last_error IS NOT NULL")
                            == 2);
            assertThat(meters.get("notifications.email.backlog").gauge().value())
                    .isGreaterThanOrEqualTo(2);
            assertThat(meters.get("notifications.failed")
                            .tag("type", "REFERRAL_ACCEPTED")
                            .counter()
                            .count())
                    .isGreaterThanOrEqualTo(2);
        } finally {
            smtp = new GreenMail(SMTP);
            smtp.start();
        }

        await().atMost(Duration.ofSeconds(30))
                .until(() -> mailsTo(gp + "@example.org").size() == 2);
        Thread.sleep(1_000);
        assertThat(mailsTo(gp + "@example.org")).hasSize(2);
        assertThat(count("SELECT count(*) FROM email WHERE referral_id = '" + referral + "' AND status = 'SENT'"))
                .isEqualTo(2);
    }

    @Test
    void aUserWhoChoseTheDigestGetsOneMailADayAndNoneForWhatTheyTurnedOff() throws Exception {
        String gp = "gp-" + UUID.randomUUID();
        String token = looksAtNotifications(gp, gp + "@example.org", "nl");
        assertThat(mvc.put()
                        .uri("/api/notifications/preferences")
                        .header(HttpHeaders.AUTHORIZATION, token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"email\": {\"REFERRAL_ACCEPTED\": \"DAILY_DIGEST\", \"FIRST_CONTACT_MADE\": \"DAILY_DIGEST\","
                                        + " \"REFERRAL_COMPLETED\": \"NEVER\"}}"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.email.REFERRAL_DECLINED")
                .isEqualTo("IMMEDIATELY");
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        for (UUID referral : List.of(first, second)) {
            publish(submitted(referral, gp, "ocmw-nowhere"));
            publish(new ReferralAccepted(UUID.randomUUID(), Instant.now(), referral, "ocmw-nowhere", null));
            publish(new ReferralCompleted(UUID.randomUUID(), Instant.now(), referral, "ocmw-nowhere", "SOLVED"));
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("SELECT count(*) FROM email WHERE to_address = '" + gp
                                + "@example.org' AND status = 'DIGEST'")
                        == 2);
        Thread.sleep(1_000);
        assertThat(mailsTo(gp + "@example.org")).isEmpty();

        digest.send();

        List<MimeMessage> mails = mailsTo(gp + "@example.org");
        assertThat(mails).hasSize(1);
        assertThat(subject(mails.getFirst())).isEqualTo("Doorverwijzingen: 2 nieuwe melding(en)");
        assertThat(text(mails.getFirst()))
                .contains(first.toString().substring(0, 8))
                .contains(second.toString().substring(0, 8))
                .doesNotContain("afgerond");
        digest.send();
        assertThat(mailsTo(gp + "@example.org")).hasSize(1);
    }

    @Test
    void aUserWhoChoseFrenchInTheAppIsMailedInFrenchThoughTheirAccountSaysDutch() throws Exception {
        String gp = "gp-" + UUID.randomUUID();
        String token = looksAtNotifications(gp, gp + "@example.org", "nl");
        assertThat(mvc.put()
                        .uri("/api/notifications/preferences")
                        .header(HttpHeaders.AUTHORIZATION, token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"language\": \"fr\"}"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.language")
                .isEqualTo("fr");
        assertThat(mvc.put()
                        .uri("/api/notifications/preferences")
                        .header(HttpHeaders.AUTHORIZATION, token)
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"language\": \"de\"}"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("language");
        looksAtNotifications(gp, gp + "@example.org", "nl");
        UUID referral = UUID.randomUUID();

        publish(submitted(referral, gp, "ocmw-nowhere"));
        publish(new ReferralAccepted(UUID.randomUUID(), Instant.now(), referral, "ocmw-nowhere", null));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> mailsTo(gp + "@example.org").size() == 1);
        assertThat(subject(mailsTo(gp + "@example.org").getFirst()))
                .isEqualTo("Orientation " + referral.toString().substring(0, 8) + " acceptée");
        assertThat(mvc.get().uri("/api/notifications/preferences").header(HttpHeaders.AUTHORIZATION, token))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.language")
                .isEqualTo("fr");
    }

    @Test
    void aMailNamesTheReferralsThemesInItsReadersLanguage() throws Exception {
        // A theme of this test alone: the others' mails name none, so their subjects stay as they are.
        String theme = "t" + UUID.randomUUID().toString().substring(0, 8);
        publish(new ThemeChanged(UUID.randomUUID(), Instant.now(), theme, "Schulden", "Dettes", "Debts", true));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> count("SELECT count(*) FROM theme_name WHERE code = '" + theme + "'") == 1);
        String gp = "gp-" + UUID.randomUUID();
        looksAtNotifications(gp, gp + "@example.org", "fr");
        UUID referral = UUID.randomUUID();

        publish(submitted(referral, gp, "ocmw-nowhere", theme));
        publish(new ReferralAccepted(UUID.randomUUID(), Instant.now(), referral, "ocmw-nowhere", null));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> mailsTo(gp + "@example.org").size() == 1);
        MimeMessage accepted = mailsTo(gp + "@example.org").getFirst();
        String reference = referral.toString().substring(0, 8);
        assertThat(subject(accepted)).isEqualTo("Orientation " + reference + " (Dettes) acceptée");
        assertThat(text(accepted))
                .contains(reference + " (Dettes)")
                .doesNotContain("Schulden")
                .contains("une fois par jour\u00a0: http://localhost:8080/settings");
        assertThat(html(accepted)).contains("http://localhost:8080/settings");
    }

    @Test
    void anOrganisationWhoseMailboxStatesNoLanguageAndAHelpdeskAreMailedInDutchThenFrench() throws Exception {
        String org = "sport-" + UUID.randomUUID();
        String zone = "z" + UUID.randomUUID().toString().substring(0, 8);
        publish(meetingsOf(org, null));
        publish(new CareZoneChanged(
                UUID.randomUUID(),
                Instant.now(),
                zone,
                "bruzel",
                "Zone",
                "Zone",
                "helpdesk@" + zone + ".example",
                null));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> count("SELECT count(*) FROM intake_mailbox WHERE organisation_id = '" + org + "'")
                                + count("SELECT count(*) FROM helpdesk_mailbox WHERE care_zone_code = '" + zone + "'")
                        == 2);
        String gp = "gp-" + UUID.randomUUID();
        UUID referral = UUID.randomUUID();

        publish(submitted(referral, gp, org));
        publish(new ReferralEscalated(
                UUID.randomUUID(), Instant.now(), referral, org, org + "-ontmoeting", zone, gp, 5));

        String reference = referral.toString().substring(0, 8);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mailsTo("intake@" + org + ".example").stream()
                                .anyMatch(mail -> subject(mail).startsWith("Nieuwe doorverwijzing"))
                        && !mailsTo("helpdesk@" + zone + ".example").isEmpty());
        MimeMessage intake = mailsTo("intake@" + org + ".example").stream()
                .filter(mail -> subject(mail).startsWith("Nieuwe doorverwijzing"))
                .findFirst()
                .orElseThrow();
        assertThat(subject(intake))
                .isEqualTo("Nieuwe doorverwijzing " + reference + " / Nouvelle orientation " + reference);
        assertThat(text(intake))
                .containsSubsequence("Goeiedag,", "wacht op uw organisatie", "Bonjour,", "attend votre organisation");
        assertThat(html(intake))
                .as("one document, each language marked for screen readers")
                .containsOnlyOnce("<html")
                .contains("<div lang=\"nl\">", "<div lang=\"fr\">");
        MimeMessage helpdesk = mailsTo("helpdesk@" + zone + ".example").getFirst();
        assertThat(text(helpdesk)).contains("Goeiedag,", "Bonjour,");
    }

    @Override
    GreenMail smtp() {
        return smtp;
    }
}
