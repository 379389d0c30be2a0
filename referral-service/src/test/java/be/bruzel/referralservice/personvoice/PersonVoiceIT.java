package be.bruzel.referralservice.personvoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import be.bruzel.platform.events.Topics;
import be.bruzel.platform.smscentre.LocalSmsCentre;
import be.bruzel.platform.testing.DirectoryWorld;
import be.bruzel.platform.testing.ServiceIntegrationTest;
import be.bruzel.platform.testing.SettableClock;
import be.bruzel.platform.testing.TestTokens;
import be.bruzel.platform.testing.TopicProbe;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.jayway.jsonpath.JsonPath;
import io.cloudevents.CloudEvent;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The person's own voice on real PostgreSQL, Kafka, SMTP (GreenMail) and SMPP (the local SMS centre): who is asked,
 * when, how, in which language; the link's page and answer; every link that no longer works; the answer on the
 * timeline and on Kafka, without the person's words; faults on the way.
 */
@ServiceIntegrationTest
@Import(SettableClock.AsTheClock.class)
class PersonVoiceIT {

    static final String GP = TestTokens.bearer("gp.jette", List.of("referrer"), null);
    static final String OCMW = TestTokens.bearer("worker.ocmw", List.of("organisation-worker"), "ocmw-jette");
    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    static GreenMail smtp = new GreenMail(new ServerSetup(39035, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    static LocalSmsCentre sms;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaTemplate<String, CloudEvent> kafka;

    @Autowired
    SettableClock clock;

    @Autowired
    PersonSurveySending sending;

    @BeforeAll
    static void startSmtpAndSms() {
        smtp.start();
        sms = LocalSmsCentre.start(39775, "referral", "sms-test");
    }

    @AfterAll
    static void stopSmtpAndSms() {
        smtp.stop();
        sms.close();
    }

    @BeforeEach
    void directoryIsKnown() {
        clock.set(START);
        DirectoryWorld.ensurePublished(kafka, jdbc);
    }

    @Test
    void aPersonWhoAgreedIsMailedInTheirLanguageTwoWeeksAfterAcceptanceOnceAndAnswersOnce() throws Exception {
        String email = "an-" + UUID.randomUUID() + "@example.org";
        String id = submitted(person(email, null, "nl"), true);
        accept(id);

        clock.set(START.plus(Duration.ofDays(13)));
        sending.run();
        assertThat(mailsTo(email))
                .as("not yet: the organisation has had it for less than two weeks")
                .isEmpty();

        clock.set(START.plus(Duration.ofDays(15)));
        sending.run();
        sending.run();

        assertThat(mailsTo(email)).hasSize(1);
        MimeMessage mail = mailsTo(email).getFirst();
        String text = GreenMailUtil.getBody(mail);
        assertThat(mail.getSubject()).isEqualTo("Hoe verliep uw doorverwijzing?");
        assertThat(text)
                .contains("verwees gp.jette u door naar " + serviceName(id, "nl"))
                .contains("De link werkt tot 16 april 2026")
                .doesNotContain("question");
        String token = tokenIn(text);
        assertThat(steps(id)).endsWith("PERSON_ASKED");
        assertThat(detailOf(id, "PERSON_ASKED")).isEqualTo("EMAIL");

        MvcTestResult page = open(token, "nl");
        assertThat(page).hasStatusOk();
        assertThat(body(page))
                .contains("\"language\":\"nl\"")
                .contains("\"referrer\":\"gp.jette\"")
                .contains("\"referredOn\":\"2026-03-02\"")
                .contains("\"answerBefore\":\"2026-04-16\"")
                .doesNotContain(email);

        String words = "Ze belden op dinsdag " + UUID.randomUUID();
        MvcTestResult answered = answer(token, "nl", """
                {"contacted": true, "score": 4, "comment": "%s"}""".formatted(words));

        assertThat(answered).hasStatusOk().bodyJson().extractingPath("$.score").isEqualTo(4);
        assertThat(steps(id)).endsWith("PERSON_ASKED", "PERSON_SAYS_CONTACTED");
        assertThat(detailOf(id, "PERSON_SAYS_CONTACTED")).isEqualTo("4");
        String view = body(mvc.get()
                .uri("/api/referrals/" + id)
                .header(HttpHeaders.AUTHORIZATION, OCMW)
                .exchange());
        assertThat(JsonPath.<List<String>>read(view, "$.timeline[?(@.step == 'PERSON_SAYS_CONTACTED')].remark"))
                .as("the organisation reads the person's words, and the read is logged")
                .containsExactly(words);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> TopicProbe.payloadsOf(Topics.REFERRAL_EVENTS, id).stream()
                        .anyMatch(payload -> payload.contains("\"contacted\":true")));
        assertThat(TopicProbe.payloadsOf(Topics.REFERRAL_EVENTS, id))
                .as("the person's words never reach Kafka")
                .noneMatch(payload -> payload.contains(words))
                .filteredOn(payload -> payload.contains("\"contacted\""))
                .singleElement()
                .satisfies(payload -> assertThat(payload).contains("\"score\":4"));

        MvcTestResult again = answer(token, "fr", "{\"contacted\": false, \"score\": 1}");

        assertThat(again).hasStatus(HttpStatus.GONE);
        assertThat(body(again)).contains("\"reason\":\"answered\"").contains("Vous avez d\u00e9j\u00e0 r\u00e9pondu");
        assertThat(steps(id)).containsOnlyOnce("PERSON_SAYS_CONTACTED").doesNotContain("PERSON_SAYS_NOT_CONTACTED");
        assertThat(jdbc.sql("SELECT score FROM person_survey WHERE referral_id = :id")
                        .param("id", UUID.fromString(id))
                        .query(Integer.class)
                        .single())
                .isEqualTo(4);
        assertThat(open(token, "nl")).hasStatus(HttpStatus.GONE);
    }

    @Test
    void aCompletedReferralsPersonIsAskedAtOnceAndAPersonWithOnlyAMobileNumberGetsATextInFrench() throws Exception {
        String mobile = "0470 " + digits(6);
        String id = submitted(person(null, mobile, "fr"), true);
        accept(id);
        post(OCMW, "/api/referrals/" + id + "/complete", "{\"outcome\": \"SOLVED\"}");

        sending.run();

        String number = "32470" + mobile.substring(5);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> sms.received().stream().anyMatch(text -> text.to().equals(number)));
        LocalSmsCentre.Sms text = sms.received().stream()
                .filter(received -> received.to().equals(number))
                .findFirst()
                .orElseThrow();
        assertThat(text.from()).isEqualTo("BruZEL");
        assertThat(text.text())
                .startsWith("gp.jette vous a orient\u00e9 vers " + serviceName(id, "fr"))
                .contains("Avez-vous \u00e9t\u00e9 contact\u00e9 ?");
        assertThat(detailOf(id, "PERSON_ASKED")).isEqualTo("SMS");

        MvcTestResult answered = answer(tokenIn(text.text()), "fr", "{\"contacted\": false}");

        assertThat(answered).hasStatusOk();
        assertThat(steps(id)).endsWith("PERSON_SAYS_NOT_CONTACTED");
        assertThat(detailOf(id, "PERSON_SAYS_NOT_CONTACTED"))
                .as("no score given")
                .isNull();
    }

    @Test
    void nobodyIsAskedWithoutTheirConsentAndALandlineTakesNoText() throws Exception {
        String email = "no-" + UUID.randomUUID() + "@example.org";
        String withoutConsent = submitted(person(email, null, "nl"), false);
        String landline = "02 " + digits(7);
        String onlyALandline = submitted(person(null, landline, "nl"), true);
        accept(withoutConsent);
        accept(onlyALandline);
        clock.set(START.plus(Duration.ofDays(15)));
        int texts = sms.received().size();

        sending.run();

        assertThat(mailsTo(email)).isEmpty();
        assertThat(steps(withoutConsent)).doesNotContain("PERSON_ASKED");
        assertThat(steps(onlyALandline)).doesNotContain("PERSON_ASKED");
        assertThat(sms.received()).hasSize(texts);
        assertThat(jdbc.sql("SELECT channel FROM person_survey WHERE referral_id = :id")
                        .param("id", UUID.fromString(onlyALandline))
                        .query(String.class)
                        .single())
                .isEqualTo("NONE");
        assertThat(jdbc.sql("SELECT count(*) FROM person_survey WHERE referral_id = :id")
                        .param("id", UUID.fromString(withoutConsent))
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aForgedExpiredOrErasedLinkIsRefusedWithAClearProblemAndChangesNothing() throws Exception {
        Asked asked = askedByEmailOnceCompleted();
        String id = asked.referralId();
        String token = asked.token();
        char changed = token.charAt(20) == 'A' ? 'B' : 'A';
        String forged = token.substring(0, 20) + changed + token.substring(21);

        assertThat(open(forged, "nl")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(body(answer(forged, "nl", "{\"contacted\": true}")))
                .contains("\"reason\":\"unknown\"")
                .contains("Deze link kennen wij niet");
        assertThat(answer("not-a-token", "en", "{\"contacted\": true}")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(answer(null, "en", "{\"contacted\": true}")).hasStatus(HttpStatus.NOT_FOUND);

        MvcTestResult badScore = answer(token, "fr", "{\"contacted\": true, \"score\": 7}");
        assertThat(badScore).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(body(badScore)).contains("\"field\":\"score\"");
        assertThat(badScore.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(answer(token, "nl", "{\"score\": 3}")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(answer(token, "nl", "{\"contacted\": true, \"comment\": \"" + "x".repeat(1001) + "\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST);

        clock.set(START.plus(Duration.ofDays(31)));
        MvcTestResult expired = answer(token, "nl", "{\"contacted\": true, \"score\": 5}");

        assertThat(expired).hasStatus(HttpStatus.GONE);
        assertThat(body(expired))
                .contains("\"reason\":\"expired\"")
                .contains("Deze link werkte tot")
                .contains("\"answerBefore\":\"2026-04-01\"");
        assertThat(steps(id)).doesNotContain("PERSON_SAYS_CONTACTED", "PERSON_SAYS_NOT_CONTACTED");
        assertThat(answeredCount(id)).isZero();

        clock.set(START.plus(Duration.ofDays(1)));
        post(GP, "/api/referrals/" + id + "/erasure", "{\"reason\": \"PERSON_REQUEST\"}");
        MvcTestResult afterErasure = answer(token, "nl", "{\"contacted\": true}");
        assertThat(afterErasure).hasStatus(HttpStatus.GONE);
        assertThat(body(afterErasure)).contains("\"reason\":\"expired\"");
        assertThat(answeredCount(id)).isZero();
    }

    @Test
    void theAnswerIsErasedWithThePersonsDataAndTheCodesStay() throws Exception {
        Asked asked = askedByEmailOnceCompleted();
        String id = asked.referralId();
        String words = "Mijn buurvrouw " + UUID.randomUUID();
        answer(asked.token(), "nl", """
                {"contacted": true, "score": 5, "comment": "%s"}""".formatted(words));
        assertThat(remarks(id)).contains(words);

        post(GP, "/api/referrals/" + id + "/erasure", "{\"reason\": \"PERSON_REQUEST\"}");

        assertThat(remarks(id)).doesNotContain(words);
        assertThat(steps(id)).contains("PERSON_SAYS_CONTACTED");
        assertThat(answeredCount(id)).isEqualTo(1);
    }

    @Test
    void aMailServerThatIsDownIsTriedAgainLaterAndNothingIsLost() throws Exception {
        String email = "down-" + UUID.randomUUID() + "@example.org";
        String id = submitted(person(email, null, "nl"), true);
        accept(id);
        post(OCMW, "/api/referrals/" + id + "/complete", "{\"outcome\": \"SOLVED\"}");
        smtp.stop();
        try {
            sending.run();
            assertThat(steps(id)).doesNotContain("PERSON_ASKED");
            assertThat(jdbc.sql("SELECT attempts || ' ' || failure FROM person_survey WHERE referral_id = :id")
                            .param("id", UUID.fromString(id))
                            .query(String.class)
                            .single())
                    .isEqualTo("1 MailSendException");
        } finally {
            smtp.start();
        }
        sending.run();
        assertThat(mailsTo(email)).as("not before the retry's time").isEmpty();

        clock.set(START.plus(Duration.ofMinutes(11)));
        sending.run();

        assertThat(mailsTo(email)).hasSize(1);
        assertThat(steps(id)).containsOnlyOnce("PERSON_ASKED");
    }

    /** A referral and the token of the link its person was mailed. */
    record Asked(String referralId, String token) {}

    /** A person who agreed to be asked, mailed once their referral was completed. */
    private Asked askedByEmailOnceCompleted() throws Exception {
        String email = "asked-" + UUID.randomUUID() + "@example.org";
        String id = submitted(person(email, null, "nl"), true);
        accept(id);
        post(OCMW, "/api/referrals/" + id + "/complete", "{\"outcome\": \"SOLVED\"}");
        sending.run();
        return new Asked(id, tokenIn(GreenMailUtil.getBody(mailsTo(email).getFirst())));
    }

    private static String person(String email, String phone, String language) {
        return """
                {"name": "Marie Janssens", %s "preferredLanguage": "%s", "postcode": "1090"}""".formatted(
                        (email == null ? "" : "\"email\": \"" + email + "\",")
                                + (phone == null ? "" : "\"phone\": \"" + phone + "\","),
                        language);
    }

    private String submitted(String person, boolean askAfterwards) throws Exception {
        MvcTestResult result = post(GP, "/api/referrals", """
                {
                  "person": %s,
                  "themes": ["finances"],
                  "question": "question of the person",
                  "consent": {"given": true, "method": "ORAL", "givenAt": "2026-01-05T10:00:00Z",
                              "askAfterwards": %s}
                }
                """.formatted(person, askAfterwards));
        assertThat(result).hasStatus(HttpStatus.CREATED);
        return JsonPath.read(body(result), "$.referrals[0].id");
    }

    private void accept(String id) {
        assertThat(post(OCMW, "/api/referrals/" + id + "/accept", "{}")).hasStatusOk();
    }

    private MvcTestResult post(String token, String uri, String body) {
        return mvc.post()
                .uri(uri)
                .header(HttpHeaders.AUTHORIZATION, token)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    private MvcTestResult open(String token, String language) {
        var request = mvc.get().uri(PersonSurveyController.PATH).header(HttpHeaders.ACCEPT_LANGUAGE, language);
        return (token == null ? request : request.header(PersonSurveyController.TOKEN, token)).exchange();
    }

    private MvcTestResult answer(String token, String language, String body) {
        var request = mvc.post()
                .uri(PersonSurveyController.PATH)
                .header(HttpHeaders.ACCEPT_LANGUAGE, language)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
        return (token == null ? request : request.header(PersonSurveyController.TOKEN, token)).exchange();
    }

    private List<MimeMessage> mailsTo(String address) throws Exception {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(mail -> {
                    try {
                        return Arrays.stream(mail.getAllRecipients())
                                .anyMatch(to -> to.toString().equals(address));
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    /** The token of the link in a message: what follows {@code /p#}. */
    private static String tokenIn(String text) {
        Matcher link = Pattern.compile("/p#([A-Za-z0-9_-]{48})").matcher(text.replace("=\r\n", ""));
        assertThat(link.find()).as("a link in: " + text).isTrue();
        return link.group(1);
    }

    private List<String> steps(String id) {
        return jdbc.sql("SELECT step FROM referral_step WHERE referral_id = :id ORDER BY position")
                .param("id", UUID.fromString(id))
                .query(String.class)
                .list();
    }

    private String detailOf(String id, String step) {
        return (String) jdbc.sql("SELECT detail FROM referral_step WHERE referral_id = :id AND step = :step")
                .param("id", UUID.fromString(id))
                .param("step", step)
                .query()
                .singleRow()
                .get("detail");
    }

    private String remarks(String id) {
        return String.valueOf(jdbc.sql("SELECT string_agg(remark, '|') FROM referral_step WHERE referral_id = :id")
                .param("id", UUID.fromString(id))
                .query(String.class)
                .optional()
                .orElse(""));
    }

    private long answeredCount(String id) {
        return jdbc.sql("SELECT count(*) FROM person_survey WHERE referral_id = :id AND answered_at IS NOT NULL")
                .param("id", UUID.fromString(id))
                .query(Long.class)
                .single();
    }

    private String serviceName(String id, String language) {
        return jdbc.sql("SELECT name_" + language + " FROM directory_service WHERE service_id = "
                        + "(SELECT receiving_service_id FROM referral WHERE id = :id)")
                .param("id", UUID.fromString(id))
                .query(String.class)
                .single();
    }

    private static String digits(int count) {
        return String.format("%0" + count + "d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), (long)
                Math.pow(10, count)));
    }

    private static String body(MvcTestResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
