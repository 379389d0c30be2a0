package be.bruzel.notificationservice.email;

import static org.assertj.core.api.Assertions.assertThat;

import be.bruzel.platform.events.CloudEventCodec;
import be.bruzel.platform.events.DomainEvent;
import be.bruzel.platform.events.ReferralEvent;
import be.bruzel.platform.events.ReferralSubmitted;
import be.bruzel.platform.events.ServiceChanged;
import be.bruzel.platform.events.Topics;
import be.bruzel.platform.testing.TestTokens;
import com.icegreen.greenmail.util.GreenMail;
import io.cloudevents.CloudEvent;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** How the mail tests make events happen and read what arrived at their SMTP server. */
abstract class MailScenario {

    static final CloudEventCodec REFERRAL_SERVICE = new CloudEventCodec("/referral-service");
    static final CloudEventCodec DIRECTORY_SERVICE = new CloudEventCodec("/directory-service");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaTemplate<String, CloudEvent> kafka;

    /** The test's own SMTP server. */
    abstract GreenMail smtp();

    String looksAtNotifications(String userId, String email, String language) {
        return looksAtNotifications(userId, email, language, List.of("referrer"), null);
    }

    /** As a user with these roles, of this organisation (none: of none), looking at their notifications; their token. */
    String looksAtNotifications(
            String userId, String email, String language, List<String> roles, String organisationId) {
        String token =
                "Bearer " + TestTokens.token(userId, roles, organisationId, Map.of("email", email, "locale", language));
        assertThat(mvc.get().uri("/api/notifications").header(HttpHeaders.AUTHORIZATION, token))
                .hasStatusOk();
        return token;
    }

    void publish(DomainEvent event) {
        CloudEventCodec codec = event instanceof ReferralEvent ? REFERRAL_SERVICE : DIRECTORY_SERVICE;
        kafka.send(Topics.of(event), event.subject(), codec.encode(event));
    }

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    static ReferralSubmitted submitted(UUID referral, String referrer, String organisation) {
        return submitted(referral, referrer, organisation, "loneliness");
    }

    static ReferralSubmitted submitted(UUID referral, String referrer, String organisation, String theme) {
        return new ReferralSubmitted(
                UUID.randomUUID(),
                Instant.now(),
                referral,
                referrer,
                List.of(theme),
                "1090",
                "nl",
                "ROUTINE",
                "21010",
                "21010",
                "noord",
                organisation,
                organisation + "-ontmoeting",
                false,
                "general-practitioner");
    }

    /** A service of the organisation whose intake mailbox reads this language (none: both). */
    static ServiceChanged meetingsOf(String org, String intakeLanguage) {
        return new ServiceChanged(
                UUID.randomUUID(),
                Instant.now(),
                org + "-ontmoeting",
                org,
                "Ontmoeting",
                "Rencontre",
                true,
                List.of("loneliness"),
                List.of("nl", "fr"),
                List.of("MUNICIPALITY:21010"),
                "OPEN",
                null,
                "intake@" + org + ".example",
                intakeLanguage,
                null,
                null,
                List.of());
    }

    List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(smtp().getReceivedMessages())
                .filter(mail -> {
                    try {
                        return Arrays.stream(mail.getAllRecipients())
                                .anyMatch(to -> to.toString().equals(address));
                    } catch (Exception unreadable) {
                        return false;
                    }
                })
                .toList();
    }

    static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (Exception unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    static String text(MimeMessage mail) throws Exception {
        return part(mail, "text/plain");
    }

    static String html(MimeMessage mail) throws Exception {
        return part(mail, "text/html");
    }

    private static String part(Part part, String type) throws Exception {
        if (part.isMimeType(type)) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                String found = part(body, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
