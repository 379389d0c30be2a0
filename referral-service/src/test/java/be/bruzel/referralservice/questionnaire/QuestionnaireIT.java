package be.bruzel.referralservice.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import be.bruzel.platform.events.Topics;
import be.bruzel.platform.testing.DirectoryWorld;
import be.bruzel.platform.testing.ServiceIntegrationTest;
import be.bruzel.platform.testing.TestTokens;
import be.bruzel.platform.testing.TopicProbe;
import com.jayway.jsonpath.JsonPath;
import io.cloudevents.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The zone's needs questionnaire through the API, on real PostgreSQL and Kafka: administrators write, publish and
 * withdraw versions; referrers go through the one in force where the person lives; the answers are kept on the
 * referral, the other need as personal data, erased with it.
 */
@ServiceIntegrationTest
class QuestionnaireIT {

    private static final String ADMIN = TestTokens.bearer("admin.bruzel", List.of("administrator"), null);
    private static final String ANALYST = TestTokens.bearer("analyst.bruzel", List.of("analyst"), null);
    private static final String GP = TestTokens.bearer("gp.jette", List.of("referrer"), null);
    private static final String OTHER_GP = TestTokens.bearer("gp.elsene", List.of("referrer"), null);
    private static final String OCMW = TestTokens.bearer("worker.ocmw", List.of("organisation-worker"), "ocmw-jette");
    private static final String CAW = TestTokens.bearer("worker.caw", List.of("organisation-worker"), "caw-brussel");
    private static final String JETTE = "21010";
    private static final String ETTERBEEK = "21005";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaTemplate<String, CloudEvent> kafka;

    @BeforeEach
    void theDirectoryIsCopied() {
        DirectoryWorld.ensurePublished(kafka, jdbc);
    }

    @Test
    void anAdministratorWritesADraftEditsAndPublishesItAndAPublishedVersionIsNeverEdited() throws Exception {
        String code = uniqueCode();

        MvcTestResult drafted = define(code, JETTE, "Welzijn");
        assertThat(drafted).hasStatus(HttpStatus.CREATED);
        assertThat(drafted).bodyJson().extractingPath("$.status").isEqualTo("DRAFT");
        assertThat(drafted).bodyJson().extractingPath("$.version").isEqualTo(1);
        assertThat(send("PUT", "/api/questionnaires/" + code + "/versions/1", ADMIN, definition(JETTE, "Welzijn 2")))
                .hasStatus(HttpStatus.OK);
        assertThat(publish(code, 1, today()))
                .hasStatus(HttpStatus.OK)
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("PUBLISHED");

        MvcTestResult edited =
                send("PUT", "/api/questionnaires/" + code + "/versions/1", ADMIN, definition(JETTE, "Stiekem"));
        MvcTestResult again = publish(code, 1, today());

        assertThat(edited).hasStatus(HttpStatus.CONFLICT).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(again).hasStatus(HttpStatus.CONFLICT);
        assertThat(titleOf(code, 1)).isEqualTo("Welzijn 2");
        assertThat(define(code, JETTE, "Welzijn 3"))
                .bodyJson()
                .extractingPath("$.version")
                .isEqualTo(2);
        assertThat(define(code, JETTE, "Welzijn 4")).as("one draft at a time").hasStatus(HttpStatus.CONFLICT);
    }

    @Test
    void theVersionInForceIsAskedWhereThePersonLivesAndAWithdrawnOneIsNoLongerAnswered() throws Exception {
        String code = uniqueCode();
        define(code, ETTERBEEK, "Etterbeek");
        publish(code, 1, today());
        define(code, ETTERBEEK, "Etterbeek, vanaf morgen");
        publish(code, 2, today().plusDays(1));

        assertThat(current("1040", ETTERBEEK)).bodyJson().satisfies(json -> {
            json.assertThat().extractingPath("$[0].code").isEqualTo(code);
            json.assertThat().extractingPath("$[0].version").isEqualTo(1);
        });
        assertThat(current("1090", JETTE))
                .bodyJson()
                .extractingPath("$[*].code")
                .asArray()
                .doesNotContain(code);

        assertThat(send("POST", "/api/questionnaires/" + code + "/versions/1/withdrawal", ADMIN, "{}"))
                .hasStatus(HttpStatus.OK);
        long before = referrals();
        MvcTestResult answered = submit("1040", ETTERBEEK, answers(code, 1, "\"bills\"", null), "{}", "nl");

        assertThat(current("1040", ETTERBEEK))
                .bodyJson()
                .extractingPath("$[*].code")
                .asArray()
                .doesNotContain(code);
        assertThat(answered).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().satisfies(json -> {
            json.assertThat().extractingPath("$.errors[0].field").isEqualTo("questionnaire.version");
            json.assertThat().extractingPath("$.detail").asString().contains("ingetrokken");
        });
        assertThat(referrals()).isEqualTo(before);
    }

    @Test
    void theAnswersAreKeptOnTheReferralForItsTwoSidesAndTheOtherNeedNeverLeavesTheService() throws Exception {
        String code = publishedInJette();

        String id = created(submit(
                "1090",
                null,
                answers(code, 1, "\"lives-alone\", \"bills\", \"other\"", "Hulp met de hond van de buren"),
                "{}",
                "nl"));

        for (String reader : List.of(GP, OCMW)) {
            String view = read(id, reader).getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(JsonPath.<String>read(view, "$.questionnaire.code")).isEqualTo(code);
            assertThat(JsonPath.<List<String>>read(view, "$.questionnaire.answers[*].optionCode"))
                    .containsExactly("lives-alone", "bills", "other");
            assertThat(JsonPath.<String>read(view, "$.questionnaire.answers[0].question.nl"))
                    .isEqualTo("Woont u alleen?");
            assertThat(JsonPath.<String>read(view, "$.questionnaire.otherNeed"))
                    .isEqualTo("Hulp met de hond van de buren");
            assertThat(JsonPath.<Boolean>read(view, "$.person.facts.LIVES_ALONE"))
                    .as("the answer says the person lives alone")
                    .isTrue();
        }
        assertThat(read(id, OTHER_GP)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(read(id, CAW)).hasStatus(HttpStatus.NOT_FOUND);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !TopicProbe.payloadsOf(Topics.REFERRAL_EVENTS, id).isEmpty());
        String submitted = TopicProbe.payloadsOf(Topics.REFERRAL_EVENTS, id).getFirst();
        assertThat(JsonPath.<List<String>>read(submitted, "$.answers.optionCodes"))
                .containsExactly("lives-alone", "bills", "other");
        assertThat(JsonPath.<Boolean>read(submitted, "$.answers.otherNeed")).isTrue();
        assertThat(JsonPath.<String>read(submitted, "$.answers.otherNeedOption"))
                .isEqualTo("other");
        assertThat(TopicProbe.payloadsOf(Topics.REFERRAL_EVENTS, id))
                .as("the other need in the referrer's words is personal data: never on Kafka")
                .noneMatch(payload -> payload.contains("hond"));

        assertThat(send("POST", "/api/referrals/" + id + "/erasure", GP, "{\"reason\": \"PERSON_REQUEST\"}"))
                .hasStatus(HttpStatus.OK);

        assertThat(jdbc.sql("SELECT count(*) FROM referral_answers WHERE referral_id = :id")
                        .param("id", UUID.fromString(id))
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(read(id, GP)).bodyJson().doesNotHavePath("$.questionnaire");
    }

    @Test
    void badAnswersAreRefusedNamingTheFieldInTheCallersLanguageAndNothingIsStored() throws Exception {
        String code = publishedInJette();
        String elsewhere = uniqueCode();
        define(elsewhere, ETTERBEEK, "Elders");
        publish(elsewhere, 1, today());
        long before = referrals();
        long answersBefore = jdbc.sql("SELECT count(*) FROM referral_answers")
                .query(Long.class)
                .single();

        assertThat(submit("1090", null, answers(code, 1, "\"bills\", \"debts\"", null), "{}", "en"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .satisfies(json -> {
                    json.assertThat().extractingPath("$.errors[0].field").isEqualTo("questionnaire.answers[1]");
                    json.assertThat()
                            .extractingPath("$.detail")
                            .isEqualTo("debts is not an answer of version 1 of questionnaire " + code + ".");
                });
        assertThat(submit("1090", null, answers(code, 1, "\"lives-alone\", \"lives-with-others\"", null), "{}", "fr"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .contains("une seule réponse");
        assertThat(field(submit("1090", null, answers(code, 1, "\"bills\"", "Iets"), "{}", "nl")))
                .isEqualTo("questionnaire.otherNeed");
        assertThat(field(submit("1090", null, answers(code, 1, "\"other\"", null), "{}", "nl")))
                .isEqualTo("questionnaire.otherNeed");
        assertThat(field(submit("1090", null, answers(elsewhere, 1, "\"bills\"", null), "{}", "nl")))
                .isEqualTo("questionnaire.code");
        assertThat(field(submit("1090", null, answers(code, 9, "\"bills\"", null), "{}", "nl")))
                .isEqualTo("questionnaire.version");
        assertThat(field(submit(
                        "1090", null, answers(code, 1, "\"lives-alone\"", null), "{\"LIVES_ALONE\": false}", "nl")))
                .isEqualTo("person.facts");
        assertThat(referrals()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM referral_answers")
                        .query(Long.class)
                        .single())
                .isEqualTo(answersBefore);
    }

    @Test
    void onlyAdministratorsWriteAndAQuestionnaireNamesOnlyKnownThemesAndMunicipalities() throws Exception {
        String code = uniqueCode();

        assertThat(send("POST", "/api/questionnaires/" + code + "/versions", GP, definition(JETTE, "Q")))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(send("POST", "/api/questionnaires/" + code + "/versions", ANALYST, definition(JETTE, "Q")))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(send("POST", "/api/questionnaires/" + code + "/versions", OCMW, definition(JETTE, "Q")))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(field(send(
                        "POST",
                        "/api/questionnaires/" + code + "/versions",
                        ADMIN,
                        definition(JETTE, "Q").replace("\"finances\"", "\"gardening\""))))
                .isEqualTo("questions[1].options[0].themes");
        assertThat(field(send("POST", "/api/questionnaires/" + code + "/versions", ADMIN, definition("99999", "Q"))))
                .isEqualTo("municipalities[0]");
        assertThat(field(send(
                        "POST",
                        "/api/questionnaires/" + code + "/versions",
                        ADMIN,
                        definition(JETTE, "Q").replace("\"fr\": \"Q (fr)\"", "\"fr\": \"\""))))
                .isEqualTo("title.fr");
        assertThat(jdbc.sql("SELECT count(*) FROM questionnaire_version WHERE code = :code")
                        .param("code", code)
                        .query(Long.class)
                        .single())
                .isZero();

        define(code, JETTE, "Ontwerp");
        assertThat(get("/api/questionnaires/" + code + "/versions/1", GP))
                .as("a draft is not for referrers")
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(get("/api/questionnaires/" + code + "/versions/1", ANALYST)).hasStatus(HttpStatus.OK);
        assertThat(get("/api/questionnaires", OCMW)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(get("/api/questionnaires/current?postcode=1090", OCMW)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(send(
                        "POST",
                        "/api/questionnaires/" + code + "/versions/1/publication",
                        GP,
                        "{\"validFrom\": \"" + today() + "\"}"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(send("POST", "/api/questionnaires/" + code + "/versions/1/withdrawal", ANALYST, "{}"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(field(publish(code, 1, today().minusDays(1)))).isEqualTo("validFrom");
        assertThat(jdbc.sql("SELECT status FROM questionnaire_version WHERE code = :code")
                        .param("code", code)
                        .query(String.class)
                        .single())
                .isEqualTo("DRAFT");
    }

    private String publishedInJette() throws Exception {
        String code = uniqueCode();
        assertThat(define(code, JETTE, "Welzijn")).hasStatus(HttpStatus.CREATED);
        assertThat(publish(code, 1, today())).hasStatus(HttpStatus.OK);
        return code;
    }

    private MvcTestResult define(String code, String municipality, String title) {
        return send("POST", "/api/questionnaires/" + code + "/versions", ADMIN, definition(municipality, title));
    }

    private MvcTestResult publish(String code, int version, LocalDate from) {
        return send(
                "POST",
                "/api/questionnaires/" + code + "/versions/" + version + "/publication",
                ADMIN,
                "{\"validFrom\": \"" + from + "\"}");
    }

    private MvcTestResult current(String postcode, String municipality) {
        return get("/api/questionnaires/current?postcode=" + postcode + "&municipality=" + municipality, GP);
    }

    private static String definition(String municipality, String title) {
        return """
                {"title": {"nl": "%s", "fr": "%s (fr)"}, "municipalities": ["%s"],
                 "questions": [
                   {"code": "household", "text": {"nl": "Woont u alleen?", "fr": "Vivez-vous seul ?"}, "multiple": false,
                    "options": [
                      {"code": "lives-alone", "text": {"nl": "Ja", "fr": "Oui"}, "fact": {"fact": "LIVES_ALONE", "value": true}},
                      {"code": "lives-with-others", "text": {"nl": "Nee", "fr": "Non"},
                       "fact": {"fact": "LIVES_ALONE", "value": false}}]},
                   {"code": "worries", "text": {"nl": "Zorgen?", "fr": "Soucis ?"}, "multiple": true,
                    "options": [
                      {"code": "bills", "text": {"nl": "Rekeningen", "fr": "Factures"}, "themes": ["finances"]},
                      {"code": "other", "text": {"nl": "Iets anders", "fr": "Autre chose"}, "otherNeed": true}]}]}""".formatted(title, title, municipality);
    }

    private static String answers(String code, int version, String options, String otherNeed) {
        return "{\"code\": \"%s\", \"version\": %d, \"answers\": [%s]%s}"
                .formatted(code, version, options, otherNeed == null ? "" : ", \"otherNeed\": \"" + otherNeed + "\"");
    }

    private MvcTestResult submit(
            String postcode, String municipality, String questionnaire, String facts, String language) {
        return mvc.post()
                .uri("/api/referrals")
                .header(HttpHeaders.AUTHORIZATION, GP)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header(HttpHeaders.ACCEPT_LANGUAGE, language)
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"person": {"name": "%s Peeters", "phone": "0470 55 66 77", "preferredLanguage": "nl",
                                    "postcode": "%s"%s, "facts": %s},
                         "themes": ["finances"], "question": "Schulden.", "questionnaire": %s,
                         "consent": {"given": true, "method": "ORAL", "givenAt": "2026-01-05T10:00:00Z"}}""".formatted(
                                UUID.randomUUID(),
                                postcode,
                                municipality == null ? "" : ", \"municipality\": \"" + municipality + "\"",
                                facts,
                                questionnaire))
                .exchange();
    }

    private MvcTestResult read(String id, String reader) {
        return get("/api/referrals/" + id, reader);
    }

    private MvcTestResult get(String uri, String token) {
        return mvc.get().uri(uri).header(HttpHeaders.AUTHORIZATION, token).exchange();
    }

    private MvcTestResult send(String method, String uri, String token, String body) {
        return ("PUT".equals(method) ? mvc.put() : mvc.post())
                .uri(uri)
                .header(HttpHeaders.AUTHORIZATION, token)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    private String titleOf(String code, int version) {
        return jdbc.sql("SELECT title_nl FROM questionnaire_version WHERE code = :code AND version = :version")
                .param("code", code)
                .param("version", version)
                .query(String.class)
                .single();
    }

    private long referrals() {
        return jdbc.sql("SELECT count(*) FROM referral").query(Long.class).single();
    }

    private static String field(MvcTestResult result) throws Exception {
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(result.getResponse().getStatus()).as(body).isEqualTo(400);
        return JsonPath.read(body, "$.errors[0].field");
    }

    private static String created(MvcTestResult result) throws Exception {
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(result.getResponse().getStatus()).as(body).isEqualTo(201);
        return JsonPath.read(body, "$.referrals[0].id");
    }

    private static String uniqueCode() {
        return "q-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Brussels"));
    }
}
