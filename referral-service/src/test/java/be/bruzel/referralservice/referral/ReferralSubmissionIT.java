package be.bruzel.referralservice.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import be.bruzel.platform.events.Topics;
import be.bruzel.platform.testing.DirectoryWorld;
import be.bruzel.platform.testing.ServiceBaseline;
import be.bruzel.platform.testing.ServiceIntegrationTest;
import be.bruzel.platform.testing.TestTokens;
import be.bruzel.platform.testing.TopicProbe;
import com.jayway.jsonpath.JsonPath;
import io.cloudevents.CloudEvent;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@ServiceIntegrationTest
class ReferralSubmissionIT extends ServiceBaseline {

    private static final String GP = TestTokens.bearer("gp.jette", List.of("referrer"), null);

    @Autowired
    KafkaTemplate<String, CloudEvent> kafka;

    @BeforeEach
    void directoryIsKnown() {
        DirectoryWorld.ensurePublished(kafka, jdbc);
    }

    @Override
    protected List<String> migrationVersions() {
        return List.of(
                "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17", "18");
    }

    @Override
    protected String protectedEndpoint() {
        return "/api/referrals/" + UUID.randomUUID();
    }

    @Test
    void submittingWithoutATokenIsUnauthorizedAndStoresNothing() {
        long before = referralCount();

        assertThat(mvc.post()
                        .uri("/api/referrals")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(validReferral("1090")))
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(referralCount()).isEqualTo(before);
    }

    @Test
    void submittingWithoutConsentIsRejectedInTheCallersLanguageAndStoresNothing() {
        long before = referralCount();
        String withoutConsent = validReferral("1090").replaceAll(",\\s*\"consent\":\\s*\\{[^}]*\\}", "");

        MvcTestResult result = submit(withoutConsent, "nl-BE,nl;q=0.9");

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.title").isEqualTo("Controleer het formulier");
            assertThat(json).extractingPath("$.errors[0].field").isEqualTo("consent");
            assertThat(json).extractingPath("$.errors[0].message").asString().contains("toestemming");
        });
        assertThat(referralCount()).isEqualTo(before);
    }

    @Test
    void consentNotGivenIsRejected() {
        MvcTestResult result = submit(validReferral("1090").replace("\"given\": true", "\"given\": false"), "fr");

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.errors[0].field").isEqualTo("consent.given");
            assertThat(json).extractingPath("$.errors[0].message").asString().contains("consentement");
        });
    }

    @Test
    void aBadFieldIsNamedInTheProblem() {
        MvcTestResult result = submit(validReferral("9000"), "fr");

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.detail").asString().contains("person.postcode");
            assertThat(json).extractingPath("$.errors[0].field").isEqualTo("person.postcode");
            assertThat(json).extractingPath("$.errors[0].message").asString().contains("code postal bruxellois");
        });
    }

    @Test
    void aValueOfTheWrongTypeIsNamedInTheProblem() {
        MvcTestResult result =
                submit(validReferral("1090").replace("\"method\": \"ORAL\"", "\"method\": \"TELEPATHY\""), "en");

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("consent.method");
    }

    @Test
    void aControlCharacterInATextIsRefusedNamingTheFieldAndStoresNothing() {
        long before = referralCount();

        MvcTestResult result = submit(validReferral("1090").replace("Marie Peeters", "Marie\\u0000Peeters"), "nl");

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.errors[0].field").isEqualTo("person.name");
            assertThat(json).extractingPath("$.errors[0].message").asString().contains("stuurteken");
        });
        assertThat(referralCount()).isEqualTo(before);
    }

    @Test
    void aBodyNestedDeeperThanAnyReferralIsRefusedUnread() {
        long before = referralCount();
        String deep = "[".repeat(10_000) + "]".repeat(10_000);

        assertThat(submit(validReferral("1090").replace("\"themes\": [\"loneliness\"]", "\"themes\": " + deep), "en"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(referralCount()).isEqualTo(before);
    }

    @Test
    void malformedJsonWrongMediaTypeAndWrongMethodAreProblems() {
        assertThat(submit("{not json", "en"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(mvc.post()
                        .uri("/api/referrals")
                        .header(HttpHeaders.AUTHORIZATION, GP)
                        .contentType(MediaType.TEXT_PLAIN)
                        .content("hello"))
                .hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(mvc.delete().uri("/api/referrals").header(HttpHeaders.AUTHORIZATION, GP))
                .hasStatus(HttpStatus.METHOD_NOT_ALLOWED)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(mvc.get().uri("/api/nothing-here").header(HttpHeaders.AUTHORIZATION, GP))
                .hasStatus(HttpStatus.NOT_FOUND)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void onlyAReferrerMaySubmit() {
        long before = referralCount();

        MvcTestResult result = mvc.post()
                .uri("/api/referrals")
                .header(
                        HttpHeaders.AUTHORIZATION,
                        TestTokens.bearer("worker.jette", List.of("organisation-worker"), "org-1"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(validReferral("1090"))
                .exchange();

        assertThat(result).hasStatus(HttpStatus.FORBIDDEN).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(referralCount()).isEqualTo(before);
    }

    @Test
    void aReferralIsStoredAndAnnouncedOnKafkaWithoutPersonalData() throws Exception {
        MvcTestResult result = submit(validReferral("1090"), "nl");

        assertThat(result).hasStatus(HttpStatus.CREATED);
        String id = idOf(result);
        assertThat(result).hasHeader(HttpHeaders.LOCATION, "/api/referrals/" + id);
        assertThat(jdbc.sql("SELECT status FROM referral WHERE id = :id")
                        .param("id", UUID.fromString(id))
                        .query(String.class)
                        .single())
                .isEqualTo("SUBMITTED");

        ConsumerRecord<String, CloudEvent> published = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> TopicProbe.cloudEvents(Topics.REFERRAL_EVENTS).stream()
                                .filter(record -> id.equals(record.key()))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
        CloudEvent event = published.value();
        assertThat(event.getType()).isEqualTo("referral.submitted.v1");
        assertThat(event.getSubject()).isEqualTo(id);
        assertThat(event.getSource()).hasToString("/referral-service");
        String data = new String(event.getData().toBytes(), StandardCharsets.UTF_8);
        assertThat(data)
                .contains("\"themeCodes\":[\"loneliness\"]")
                .doesNotContain("Marie")
                .doesNotContain("12 34 56")
                .doesNotContain("marie@")
                .doesNotContain("alleen");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL")
                                .query(Long.class)
                                .single()
                        == 0);
    }

    @Test
    void anotherReferrersReferralIsNotFound() throws Exception {
        MvcTestResult created = submit(validReferral("1090"), "en");
        String id = idOf(created);

        assertThat(mvc.get().uri("/api/referrals/" + id).header(HttpHeaders.AUTHORIZATION, GP))
                .hasStatusOk();
        assertThat(mvc.get()
                        .uri("/api/referrals/" + id)
                        .header(
                                HttpHeaders.AUTHORIZATION,
                                TestTokens.bearer("gp.ganshoren", List.of("referrer"), null)))
                .hasStatus(HttpStatus.NOT_FOUND)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private MvcTestResult submit(String body, String language) {
        return mvc.post()
                .uri("/api/referrals")
                .header(HttpHeaders.AUTHORIZATION, GP)
                .header(HttpHeaders.ACCEPT_LANGUAGE, language)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    private static String idOf(MvcTestResult created) throws UnsupportedEncodingException {
        return JsonPath.read(created.getResponse().getContentAsString(StandardCharsets.UTF_8), "$.referrals[0].id");
    }

    private long referralCount() {
        return jdbc.sql("SELECT count(*) FROM referral").query(Long.class).single();
    }

    static String validReferral(String postcode) {
        return """
                {
                  "person": {"name": "Marie Peeters", "phone": "0470 12 34 56", "email": "marie@example.org",
                             "preferredLanguage": "nl", "postcode": "%s"},
                  "themes": ["loneliness"],
                  "question": "Mevrouw is sinds de dood van haar man veel alleen.",
                  "consent": {"given": true, "method": "ORAL", "givenAt": "2026-01-05T10:00:00Z"}
                }
                """.formatted(postcode);
    }
}
