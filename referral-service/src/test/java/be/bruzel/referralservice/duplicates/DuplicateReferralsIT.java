package be.bruzel.referralservice.duplicates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import be.bruzel.platform.events.Topics;
import be.bruzel.platform.testing.DirectoryWorld;
import be.bruzel.platform.testing.ServiceIntegrationTest;
import be.bruzel.platform.testing.TestTokens;
import be.bruzel.platform.testing.TopicProbe;
import be.bruzel.referralservice.privacy.PersonDataAccessLog;
import com.jayway.jsonpath.JsonPath;
import io.cloudevents.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
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
 * A referrer about to refer a person who already has an open referral on one of the same themes is told before
 * anything is stored, and chooses: on real PostgreSQL and Kafka.
 */
@ServiceIntegrationTest
class DuplicateReferralsIT {

    private static final String GP = TestTokens.bearer("gp.jette", List.of("referrer"), null);
    private static final String OTHER_GP = TestTokens.bearer("gp.schaerbeek", List.of("referrer"), null);
    private static final String OCMW = TestTokens.bearer("worker.ocmw", List.of("organisation-worker"), "ocmw-jette");
    private static final String ANALYST = TestTokens.bearer("analyst.bruzel", List.of("analyst"), null);

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaTemplate<String, CloudEvent> kafka;

    @Autowired
    PersonDataAccessLog accessLog;

    @Autowired
    Duplicates duplicates;

    private String marker;

    @BeforeEach
    void directoryIsKnown() {
        DirectoryWorld.ensurePublished(kafka, jdbc);
        marker = "D" + String.format("%08d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 100_000_000L));
    }

    @Test
    void referringThePersonAgainOnAnOpenThemeStopsToTellTheReferrerAndStoresNothing() throws Exception {
        String first =
                created(submit(GP, person(marker + " Peeters", "0470 " + digits(), null), "[\"finances\"]", null));
        long before = count("SELECT count(*) FROM referral");
        String key = UUID.randomUUID().toString();

        MvcTestResult told = submit(
                GP,
                person("PEETERS, " + marker.toLowerCase(), "+32 470 " + digits(), null),
                "[\"finances\", \"loneliness\"]",
                "ASK",
                key,
                "nl");

        assertThat(told).hasStatus(HttpStatus.CONFLICT).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(told).bodyJson().satisfies(json -> {
            json.assertThat().extractingPath("$.detail").asString().contains("lopende doorverwijzing");
            json.assertThat().extractingPath("$.openReferrals.length()").isEqualTo(1);
            json.assertThat()
                    .extractingPath("$.openReferrals[0].organisationId")
                    .isEqualTo("ocmw-jette");
            json.assertThat().extractingPath("$.openReferrals[0].yours").isEqualTo(true);
            json.assertThat().extractingPath("$.openReferrals[0].referralId").isEqualTo(first);
            json.assertThat()
                    .extractingPath("$.openReferrals[0].since")
                    .isEqualTo(LocalDate.now(ZoneId.of("Europe/Brussels")).toString());
            json.assertThat()
                    .extractingPath("$.openReferrals[0].themes")
                    .asArray()
                    .containsExactly("finances");
        });
        assertThat(count("SELECT count(*) FROM referral")).isEqualTo(before);
        assertThat(purposesOf(first)).containsOnlyOnce("duplicate.shown");

        MvcTestResult anyway = submit(
                GP,
                person("PEETERS, " + marker.toLowerCase(), "+32 470 " + digits(), null),
                "[\"finances\", \"loneliness\"]",
                "PROCEED",
                key,
                "nl");

        assertThat(anyway).hasStatus(HttpStatus.CREATED);
        assertThat(count("SELECT count(*) FROM referral")).isGreaterThan(before);
        assertThat(purposesOf(first)).containsOnlyOnce("duplicate.shown");
    }

    @Test
    void anotherReferrerIsToldOnlyThatOneIsOpenAndWhereNeverByWhomSinceWhenOrOnWhat() throws Exception {
        String first = created(submit(
                GP, person(marker + " Peeters", "0470 " + digits(), marker + "@example.org"), "[\"finances\"]", null));

        MvcTestResult told =
                submit(OTHER_GP, person(marker + " Peeters", null, marker + "@EXAMPLE.org"), "[\"finances\"]", "ASK");

        assertThat(told).hasStatus(HttpStatus.CONFLICT);
        String body = told.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(JsonPath.<Map<String, Object>>read(body, "$.openReferrals[0]"))
                .containsOnlyKeys("organisationId", "unmetNeed", "yours")
                .containsEntry("organisationId", "ocmw-jette")
                .containsEntry("yours", false);
        assertThat(body).doesNotContain(first).doesNotContain("gp.jette").doesNotContain("finances");
        assertThat(accessLog.of(UUID.fromString(first))).anySatisfy(access -> {
            assertThat(access.userId()).isEqualTo("gp.schaerbeek");
            assertThat(access.purpose()).isEqualTo("duplicate.shown");
            assertThat(access.refused()).isFalse();
        });
    }

    @Test
    void aClosedReferralAnotherThemeOrAnotherPersonIsNoReasonToAsk() throws Exception {
        String phone = "0470 " + digits();
        String cancelled = created(submit(GP, person(marker + " Peeters", phone, null), "[\"finances\"]", null));
        assertThat(post(GP, cancelled, "cancel", "{}")).hasStatusOk();

        created(submit(GP, person(marker + " Peeters", phone, null), "[\"finances\"]", "ASK"));
        created(submit(GP, person(marker + " Peeters", phone, null), "[\"loneliness\"]", "ASK"));
        created(submit(GP, person(marker + " Janssens", phone, null), "[\"finances\"]", "ASK"));
        created(submit(GP, person(marker + " Peeters", "0470 00 00 01", null), "[\"finances\"]", "ASK"));

        assertThat(purposesOf(cancelled)).doesNotContain("duplicate.shown");
    }

    @Test
    void anErasedPersonLeavesNoKeysAndIsNotRecognised() throws Exception {
        String phone = "0470 " + digits();
        String erased = created(
                submit(GP, person(marker + " Peeters", phone, "e" + marker + "@example.org"), "[\"finances\"]", null));
        assertThat(keysOf(erased)).hasSize(2);

        assertThat(post(GP, erased, "erasure", "{\"reason\": \"PERSON_REQUEST\"}"))
                .hasStatusOk();

        assertThat(keysOf(erased)).isEmpty();
        created(submit(GP, person(marker + " Peeters", phone, null), "[\"finances\"]", "ASK"));
    }

    @Test
    void theKeysStayInTheDatabaseNeverInAnEventOrAnAnswer() throws Exception {
        MvcTestResult submitted = submit(
                GP, person(marker + " Peeters", "0470 " + digits(), marker + "@example.org"), "[\"finances\"]", null);
        String id = created(submitted);
        List<String> keys = keysOf(id);
        assertThat(keys).hasSize(2);

        await().atMost(Duration.ofSeconds(20)).until(() -> !recordsOf(id).isEmpty());
        String everyEvent = String.join("|", recordsOf(id))
                + jdbc.sql("SELECT coalesce(string_agg(serialized_event, '|'), '') FROM event_publication")
                        .query(String.class)
                        .single();
        String answer = submitted.getResponse().getContentAsString(StandardCharsets.UTF_8);
        for (String key : keys) {
            assertThat(everyEvent).doesNotContain(key);
            assertThat(answer).doesNotContain(key);
        }
    }

    @Test
    void openReferralsMadeBeforeKeysWereKeptAreKeyedAtStartAndThenFound() throws Exception {
        String phone = "0470 " + digits();
        String older = created(submit(GP, person(marker + " Peeters", phone, null), "[\"finances\"]", null));
        jdbc.sql("DELETE FROM referral_person_key WHERE referral_id = :id")
                .param("id", UUID.fromString(older))
                .update();
        String unnoticed = created(submit(GP, person(marker + " Peeters", phone, null), "[\"finances\"]", "ASK"));

        duplicates.keyOpenReferralsMadeBefore();

        assertThat(keysOf(older)).hasSize(1);
        MvcTestResult told = submit(GP, person(marker + " Peeters", phone, null), "[\"finances\"]", "ASK");
        assertThat(told).hasStatus(HttpStatus.CONFLICT);
        assertThat(told)
                .bodyJson()
                .extractingPath("$.openReferrals[*].referralId")
                .asArray()
                .containsExactly(older, unnoticed);
    }

    @Test
    void onlyAReferrerMayAskAndARefusedCallerIsToldNothing() throws Exception {
        String phone = "0470 " + digits();
        String first = created(submit(GP, person(marker + " Peeters", phone, null), "[\"finances\"]", null));

        for (String refused : List.of(OCMW, ANALYST)) {
            MvcTestResult result = submit(refused, person(marker + " Peeters", phone, null), "[\"finances\"]", "ASK");
            assertThat(result).hasStatus(HttpStatus.FORBIDDEN).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
                    .doesNotContain("openReferrals");
        }
        assertThat(purposesOf(first)).doesNotContain("duplicate.shown");
    }

    @Test
    void anAnswerThatIsNeitherAskNorProceedIsABadRequestNamingTheField() throws Exception {
        long before = count("SELECT count(*) FROM referral");

        MvcTestResult result =
                submit(GP, person(marker + " Peeters", "0470 " + digits(), null), "[\"finances\"]", "MAYBE");

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("onOpenReferral");
        assertThat(count("SELECT count(*) FROM referral")).isEqualTo(before);
    }

    private String digits() {
        return marker.substring(1, 3) + " " + marker.substring(3, 5) + " " + marker.substring(5, 7);
    }

    private static String person(String name, String phone, String email) {
        return """
                {"name": "%s", "phone": %s, "email": %s, "preferredLanguage": "nl", "postcode": "1090"}""".formatted(name, quoted(phone), quoted(email));
    }

    private static String quoted(String text) {
        return text == null ? "null" : "\"" + text + "\"";
    }

    private MvcTestResult submit(String token, String person, String themes, String onOpenReferral) {
        return submit(token, person, themes, onOpenReferral, UUID.randomUUID().toString(), "en");
    }

    private MvcTestResult submit(
            String token, String person, String themes, String onOpenReferral, String key, String language) {
        return mvc.post()
                .uri("/api/referrals")
                .header(HttpHeaders.AUTHORIZATION, token)
                .header("Idempotency-Key", key)
                .header(HttpHeaders.ACCEPT_LANGUAGE, language)
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"person": %s, "themes": %s, "question": "Schulden.", "onOpenReferral": %s,
                         "consent": {"given": true, "method": "ORAL", "givenAt": "2026-01-05T10:00:00Z"}}""".formatted(person, themes, quoted(onOpenReferral)))
                .exchange();
    }

    private static String created(MvcTestResult result) throws Exception {
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(result.getResponse().getStatus()).as(body).isEqualTo(201);
        return JsonPath.read(body, "$.referrals[0].id");
    }

    private MvcTestResult post(String token, String id, String action, String body) {
        return mvc.post()
                .uri("/api/referrals/" + id + "/" + action)
                .header(HttpHeaders.AUTHORIZATION, token)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    private List<String> purposesOf(String id) {
        return accessLog.of(UUID.fromString(id)).stream()
                .map(PersonDataAccessLog.Access::purpose)
                .toList();
    }

    private List<String> keysOf(String id) {
        return jdbc.sql("SELECT encode(person_key, 'hex') FROM referral_person_key WHERE referral_id = :id")
                .param("id", UUID.fromString(id))
                .query(String.class)
                .list();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static List<String> recordsOf(String id) {
        return TopicProbe.payloadsOf(Topics.REFERRAL_EVENTS, id);
    }
}
