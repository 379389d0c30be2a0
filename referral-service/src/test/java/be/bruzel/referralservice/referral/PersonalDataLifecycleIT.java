package be.bruzel.referralservice.referral;

import static be.bruzel.referralservice.referral.ReferralLifecycleIT.body;
import static be.bruzel.referralservice.referral.ReferralLifecycleIT.eventTypesOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import be.bruzel.platform.events.Topics;
import be.bruzel.platform.testing.DirectoryWorld;
import be.bruzel.platform.testing.ServiceIntegrationTest;
import be.bruzel.platform.testing.SettableClock;
import be.bruzel.platform.testing.TestTokens;
import be.bruzel.platform.testing.TopicProbe;
import be.bruzel.referralservice.retention.RetentionSchedule;
import com.jayway.jsonpath.JsonPath;
import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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
 * The lifecycle of the person's data on real PostgreSQL and Kafka: erased on request and after the retention period,
 * idle referrals expiring, the person's own copy, and every refusal.
 */
@ServiceIntegrationTest
@Import(SettableClock.AsTheClock.class)
class PersonalDataLifecycleIT {

    static final String GP = ReferralLifecycleIT.GP;
    static final String OCMW = ReferralLifecycleIT.OCMW;
    static final String CAW = ReferralLifecycleIT.CAW;
    static final String OTHER_GP = ReferralLifecycleIT.OTHER_GP;
    static final String ANALYST = ReferralLifecycleIT.ANALYST;
    static final String ADMIN = ReferralLifecycleIT.ADMIN;
    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaTemplate<String, CloudEvent> kafka;

    @Autowired
    SettableClock clock;

    @Autowired
    ReferralRetention retention;

    @Autowired
    MeterRegistry meters;

    @Autowired
    RetentionSchedule schedule;

    @BeforeEach
    void directoryIsKnown() {
        clock.set(START);
        DirectoryWorld.ensurePublished(kafka, jdbc);
    }

    @Test
    void erasureOnRequestRemovesEveryTextAboutThePersonAndKeepsTheCodesAndTheTimeline() throws Exception {
        String marker = marker("M");
        String id = submit(GP, marked(marker, "nl"));
        post(OCMW, id, "accept", null);
        post(OCMW, id, "contact-attempts", """
                {"attemptedAt": "2026-03-02T08:30:00Z", "channel": "PHONE", "reached": true, "note": "%s-note"}""".formatted(marker));
        post(OCMW, id, "messages", "{\"body\": \"" + marker + "-from-organisation\"}");
        post(GP, id, "messages", "{\"body\": \"" + marker + "-from-referrer\"}");
        post(OCMW, id, "complete", "{\"outcome\": \"SOLVED\"}");
        assertThat(everyTextOf(id)).contains(marker);
        String personKeys = "SELECT count(*) FROM referral_person_key WHERE referral_id = '" + id + "'";
        assertThat(count(personKeys)).as("by name with phone, and with e-mail").isEqualTo(2);
        String yearAndFacts = "SELECT count(*) FROM referral WHERE id = '" + id
                + "' AND person_year_of_birth = 1948 AND person_facts = '{\"LIVES_ALONE\": true, \"HAS_CHILDREN\": false}'";
        assertThat(count(yearAndFacts)).isEqualTo(1);

        MvcTestResult erased = post(GP, id, "erasure", "{\"reason\": \"PERSON_REQUEST\"}");

        assertThat(erased).hasStatusOk().bodyJson().extractingPath("$.reason").isEqualTo("person-request");
        assertThat(everyTextOf(id)).doesNotContain(marker);
        assertThat(count(personKeys)).isZero();
        assertThat(count("SELECT count(*) FROM referral WHERE id = '" + id
                        + "' AND person_year_of_birth IS NULL AND person_facts = '{}'"))
                .as("the year of birth and the facts are erased with the rest")
                .isEqualTo(1);
        String view = body(get(GP, "/api/referrals/" + id));
        assertThat(view).doesNotContain(marker);
        assertThat(JsonPath.<Map<String, Object>>read(view, "$")).doesNotContainKeys("person", "question");
        assertThat(JsonPath.<String>read(view, "$.personalData.erasureReason")).isEqualTo("person-request");
        assertThat(JsonPath.<List<String>>read(view, "$.themes")).containsExactly("finances");
        assertThat(JsonPath.<String>read(view, "$.residence.municipalityNis")).isEqualTo("21010");
        assertThat(JsonPath.<String>read(view, "$.outcome")).isEqualTo("solved");
        assertThat(JsonPath.<List<String>>read(view, "$.timeline[*].step"))
                .containsExactly(
                        "SUBMITTED", "ROUTED", "ACCEPTED", "CONTACT_MADE", "COMPLETED", "PERSONAL_DATA_ERASED");
        assertThat(body(get(OCMW, "/api/referrals/" + id)))
                .doesNotContain(marker)
                .contains("person-request");
        String thread = body(get(OCMW, "/api/referrals/" + id + "/messages"));
        assertThat(JsonPath.<List<String>>read(thread, "$[*].authorRole")).hasSize(2);
        assertThat(JsonPath.<List<Object>>read(thread, "$[*].body")).isEmpty();
        assertThat(post(OCMW, id, "messages", "{\"body\": \"na het wissen\"}")).hasStatus(HttpStatus.CONFLICT);
        assertThat(count("SELECT count(*) FROM feedback_message WHERE referral_id = '" + id + "'"))
                .isEqualTo(2);

        MvcTestResult again = post(GP, id, "erasure", "{\"reason\": \"CONSENT_WITHDRAWN\"}");

        assertThat(again).hasStatusOk().bodyJson().extractingPath("$.reason").isEqualTo("person-request");
        assertThat(body(again)).isEqualTo(body(erased));
        assertThat(count("SELECT count(*) FROM referral_step WHERE referral_id = '" + id
                        + "' AND step = 'PERSONAL_DATA_ERASED'"))
                .isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> eventTypesOf(id).contains("referral.erased.v1"));
        assertThat(eventTypesOf(id)).containsOnlyOnce("referral.erased.v1");
        assertThat(recordsOf(id)).noneMatch(data -> data.contains(marker));
    }

    @Test
    void erasingAnOpenReferralWithdrawsItFirstAndTellsTheOrganisationWithNoData() throws Exception {
        String id = submit(GP, marked(marker("open"), "nl"));

        assertThat(post(ADMIN, id, "erasure", "{\"reason\": \"CONSENT_WITHDRAWN\"}"))
                .hasStatusOk();

        assertThat(status(id)).isEqualTo("CANCELLED");
        assertThat(jdbc.sql(
                                "SELECT actor_role || ':' || step FROM referral_step WHERE referral_id = :id ORDER BY position")
                        .param("id", UUID.fromString(id))
                        .query(String.class)
                        .list())
                .endsWith("ADMINISTRATOR:CANCELLED", "ADMINISTRATOR:PERSONAL_DATA_ERASED");
        await().atMost(Duration.ofSeconds(20)).until(() -> eventTypesOf(id).contains("referral.erased.v1"));
        // Both leave in one transaction; the outbox relays them side by side, in no fixed order.
        assertThat(eventTypesOf(id)).containsOnlyOnce("referral.cancelled.v1", "referral.erased.v1");
        assertThat(count("SELECT count(*) FROM referral WHERE id = '" + id + "' AND person_name IS NULL"))
                .isEqualTo(1);
    }

    /** Who may not erase or read the person's copy, and how they are refused. */
    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("erasure", "another referrer", OTHER_GP, 404),
                Arguments.of("erasure", "the receiving organisation", OCMW, 403),
                Arguments.of("erasure", "another organisation", CAW, 403),
                Arguments.of("erasure", "an analyst", ANALYST, 403),
                Arguments.of("erasure", "nobody signed in", null, 401),
                Arguments.of("person-data", "another referrer", OTHER_GP, 404),
                Arguments.of("person-data", "the receiving organisation", OCMW, 403),
                Arguments.of("person-data", "an analyst", ANALYST, 403));
    }

    @ParameterizedTest(name = "{0} by {1} is a {3}")
    @MethodSource("refusals")
    void whoMayNotIsRefusedAndNothingChanges(String what, String who, String token, int refusedWith) throws Exception {
        String marker = marker("R");
        String id = submit(GP, marked(marker, "nl"));

        MvcTestResult refused = what.equals("erasure")
                ? post(token, id, "erasure", "{\"reason\": \"PERSON_REQUEST\"}")
                : get(token, "/api/referrals/" + id + "/person-data");

        assertThat(refused).hasStatus(refusedWith);
        assertThat(body(refused)).doesNotContain(marker);
        assertThat(status(id)).isEqualTo("SUBMITTED");
        assertThat(everyTextOf(id)).contains(marker);
        assertThat(count("SELECT count(*) FROM person_data_access WHERE NOT refused AND referral_id = '" + id + "'"))
                .isZero();
        assertThat(count("SELECT count(*) FROM referral_step WHERE referral_id = '" + id + "'"))
                .isEqualTo(2);
    }

    @Test
    void aReasonTheCallerMayNotGiveIsABadRequestNamingTheField() throws Exception {
        String id = submit(GP, marked(marker("reason"), "nl"));

        for (String body : List.of("{\"reason\": \"BORED\"}", "{\"reason\": \"RETENTION\"}", "{}")) {
            MvcTestResult refused = post(GP, id, "erasure", body);

            assertThat(refused).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(refused).bodyJson().extractingPath("$.errors[0].field").isEqualTo("reason");
        }
        assertThat(status(id)).isEqualTo("SUBMITTED");
        assertThat(count("SELECT count(*) FROM referral WHERE id = '" + id + "' AND person_name IS NOT NULL"))
                .isEqualTo(1);
    }

    @Test
    void aClosedReferralIsErased180DaysAfterItClosedAndNotADayBeforeAndOnlyOnce() throws Exception {
        clock.set(START.plus(Duration.ofDays(1)));
        String old = submit(GP, marked(marker("old"), "nl"));
        post(GP, old, "cancel", "{\"remark\": \"old-remark\"}");
        clock.set(START.plus(Duration.ofDays(3)));
        String recent = submit(GP, marked(marker("recent"), "nl"));
        post(GP, recent, "cancel", null);
        double erasedBefore = erasedCount();

        clock.set(START.plus(Duration.ofDays(182)));
        assertThat(body(get(ADMIN, "/api/referrals/retention?within=P1D&limit=10000")))
                .contains(old);
        ReferralRetention.Run first = retention.run();
        ReferralRetention.Run second = retention.run();

        assertThat(count("SELECT count(*) FROM referral WHERE id = '" + old + "' AND person_name IS NULL"
                        + " AND personal_data_erasure_reason = 'RETENTION'"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM referral_step WHERE referral_id = '" + old + "' AND remark IS NOT NULL"))
                .isZero();
        assertThat(count("SELECT count(*) FROM referral WHERE id = '" + recent + "' AND person_name IS NOT NULL"))
                .as("closed 179 days ago")
                .isEqualTo(1);
        assertThat(first.erased()).isPositive();
        assertThat(second.erased()).isZero();
        assertThat(count("SELECT count(*) FROM referral_step WHERE referral_id = '" + old
                        + "' AND step = 'PERSONAL_DATA_ERASED'"))
                .isEqualTo(1);
        assertThat(erasedCount() - erasedBefore).isEqualTo(first.erased());
        assertThat(meters.get("referrals.personal_data.due").gauge().value()).isZero();
    }

    @Test
    void anIdleOpenReferralExpiresAfterAYearAndIsErasedAfterTheRetentionPeriod() throws Exception {
        String idle = submit(GP, marked(marker("idle"), "nl"));
        clock.set(START.plus(Duration.ofDays(300)));
        String active = submit(GP, marked(marker("active"), "nl"));

        clock.set(START.plus(Duration.ofDays(366)));
        retention.run();

        assertThat(status(idle)).isEqualTo("EXPIRED");
        assertThat(status(active)).isEqualTo("SUBMITTED");
        assertThat(body(get(GP, "/api/referrals/" + idle)))
                .contains("\"status\":\"expired\"")
                .contains("idle");
        await().atMost(Duration.ofSeconds(20)).until(() -> eventTypesOf(idle).contains("referral.expired.v1"));

        clock.set(START.plus(Duration.ofDays(366 + 181)));
        retention.run();

        assertThat(count("SELECT count(*) FROM referral WHERE id = '" + idle + "' AND person_name IS NULL"))
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT step FROM referral_step WHERE referral_id = :id ORDER BY position")
                        .param("id", UUID.fromString(idle))
                        .query(String.class)
                        .list())
                .containsExactly("SUBMITTED", "ROUTED", "EXPIRED", "PERSONAL_DATA_ERASED");
    }

    @Test
    void theOutboxIdempotencyKeysAndAccessLogAreKeptOnlyForTheirOwnPeriods() throws Exception {
        String key = "retention-" + UUID.randomUUID();
        MvcTestResult submitted = mvc.post()
                .uri("/api/referrals")
                .header(HttpHeaders.AUTHORIZATION, GP)
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .content(marked(marker("key"), "nl"))
                .exchange();
        String id = JsonPath.read(body(submitted), "$.referrals[0].id");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> count("SELECT count(*) FROM event_publication"
                                + " WHERE completion_date IS NOT NULL AND serialized_event LIKE '%" + id + "%'")
                        == 1);
        jdbc.sql("UPDATE event_publication SET completion_date = now() - interval '8 days'"
                        + " WHERE serialized_event LIKE '%" + id + "%'")
                .update();
        jdbc.sql("""
                INSERT INTO person_data_access (referral_id, user_id, accessed_at, purpose)
                VALUES (:id, 'gp.long-ago', now() - interval '6 years', 'referral.read'),
                       (:id, 'gp.lately', now() - interval '4 years', 'referral.read')
                """).param("id", UUID.fromString(id)).update();

        clock.set(Instant.now().plus(Duration.ofDays(2)));
        schedule.run();

        assertThat(count("SELECT count(*) FROM event_publication WHERE serialized_event LIKE '%" + id + "%'"))
                .as("sent more than 7 days ago")
                .isZero();
        assertThat(count("SELECT count(*) FROM submission WHERE idempotency_key = '" + key + "'"))
                .isZero();
        assertThat(jdbc.sql("SELECT user_id FROM person_data_access WHERE referral_id = :id ORDER BY accessed_at")
                        .param("id", UUID.fromString(id))
                        .query(String.class)
                        .list())
                .containsExactly("gp.lately");
        assertThat(status(id)).isEqualTo("SUBMITTED");
    }

    @Test
    void theRetentionPreviewNamesIdsOnlyAndIsForAdministrators() throws Exception {
        String id = submit(GP, marked(marker("preview"), "nl"));
        post(GP, id, "cancel", null);

        MvcTestResult preview = get(ADMIN, "/api/referrals/retention?within=P200D");

        assertThat(preview).hasStatusOk();
        assertThat(JsonPath.<List<String>>read(body(preview), "$.erasure")).contains(id);
        assertThat(body(preview)).doesNotContain("preview").doesNotContain("Marie");
        assertThat(get(GP, "/api/referrals/retention")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(get(ANALYST, "/api/referrals/retention")).hasStatus(HttpStatus.FORBIDDEN);
        for (String within : List.of("soon", "P0D", "-P3D", "P100Y")) {
            assertThat(get(ADMIN, "/api/referrals/retention?within=" + within))
                    .hasStatus(HttpStatus.BAD_REQUEST)
                    .bodyJson()
                    .extractingPath("$.errors[0].field")
                    .isEqualTo("within");
        }
    }

    @Test
    void thePersonsCopyHoldsEveryFieldAndWhoReadItAndIsLogged() throws Exception {
        String marker = marker("C");
        String id = submit(GP, marked(marker, "fr"));
        get(OCMW, "/api/referrals/" + id);
        post(OCMW, id, "decline", "{\"reason\": \"NO_CAPACITY\", \"remark\": \"" + marker + "-decline\"}");
        post(CAW, id, "accept", null);
        post(CAW, id, "contact-attempts", """
                {"attemptedAt": "2026-03-02T08:30:00Z", "channel": "EMAIL", "reached": false, "note": "%s-note"}""".formatted(marker));
        post(CAW, id, "messages", "{\"body\": \"" + marker + "-message\"}");
        get(TestTokens.bearer("worker.ldc", List.of("organisation-worker"), "ldc-jette"), "/api/referrals/" + id);

        String json = body(get(GP, "/api/referrals/" + id + "/person-data"));

        for (String field : List.of(
                marker + " Peeters",
                "0470 " + digits(marker),
                marker + "@example.org",
                marker + " question",
                marker + " moment",
                marker + "-decline",
                marker + "-note",
                marker + "-message")) {
            assertThat(json).contains(field);
        }
        assertThat(JsonPath.<Integer>read(json, "$.person.facts.yearOfBirth")).isEqualTo(1948);
        assertThat(JsonPath.<Map<String, Boolean>>read(json, "$.person.facts.facts"))
                .containsEntry("LIVES_ALONE", true)
                .containsEntry("HAS_CHILDREN", false);
        assertThat(JsonPath.<List<String>>read(json, "$.accessLog[*].userId"))
                .contains("worker.ocmw", "worker.ldc", "gp.jette");
        assertThat(JsonPath.<List<Boolean>>read(json, "$.accessLog[?(@.userId == 'worker.ldc')].refused"))
                .containsExactly(true);
        assertThat(JsonPath.<List<String>>read(json, "$.accessLog[*].purpose")).contains("person-data.export");

        MvcTestResult page = mvc.get()
                .uri("/api/referrals/" + id + "/person-data")
                .header(HttpHeaders.AUTHORIZATION, ADMIN)
                .accept(MediaType.TEXT_HTML)
                .exchange();

        assertThat(page).hasStatusOk().hasContentTypeCompatibleWith(MediaType.TEXT_HTML);
        String html = body(page);
        assertThat(html)
                .contains("lang=\"fr\"")
                .contains("Vos données dans une orientation")
                .contains("Qui a consulté vos données")
                .contains("refusé")
                .contains("Année de naissance</dt><dd>1948")
                .contains("Vit seul·e</dt><dd>Oui")
                .contains("A des enfants</dt><dd>Non");
        assertThat(html)
                .as("the gateway's Content-Security-Policy allows no inline style or script")
                .contains("<link rel=\"stylesheet\" href=\"/app/person-data.css\">")
                .doesNotContain("<style", "<script", " style=");
        for (String field : List.of(
                marker + " Peeters",
                "0470 " + digits(marker),
                marker + "@example.org",
                marker + " question",
                marker + " moment",
                marker + "-decline",
                marker + "-note",
                marker + "-message")) {
            assertThat(html).contains(field);
        }
        assertThat(count("SELECT count(*) FROM person_data_access WHERE referral_id = '" + id
                        + "' AND purpose = 'person-data.export'"))
                .isEqualTo(2);
    }

    @Test
    void aDeclinesRemarkIsForTheReferrerNotForTheNextOrganisation() throws Exception {
        String id = submit(GP, marked(marker("remark"), "nl"));
        post(OCMW, id, "decline", "{\"reason\": \"NO_CAPACITY\", \"remark\": \"vol tot juni\"}");

        assertThat(body(get(GP, "/api/referrals/" + id))).contains("vol tot juni");
        assertThat(body(get(CAW, "/api/referrals/" + id)))
                .doesNotContain("vol tot juni")
                .contains("NO_CAPACITY");
    }

    @Test
    void administratorsSeeRefusedAttemptsOverEveryReferral() throws Exception {
        String id = submit(GP, marked(marker("probe"), "nl"));
        get(CAW, "/api/referrals/" + id);

        String refusals = body(get(ADMIN, "/api/referrals/access-log?refused=true&size=500"));

        assertThat(JsonPath.<List<String>>read(refusals, "$[?(@.referralId == '" + id + "')].userId"))
                .containsExactly("worker.caw");
        assertThat(get(ADMIN, "/api/referrals/access-log")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(get(GP, "/api/referrals/access-log?refused=true")).hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void theAccessLogOfAReferralComesAPageAtATime() throws Exception {
        String id = submit(GP, marked(marker("pages"), "nl"));
        for (int read = 0; read < 3; read++) {
            get(GP, "/api/referrals/" + id);
        }

        MvcTestResult first = get(ADMIN, "/api/referrals/access-log?referral=" + id + "&size=2");
        MvcTestResult rest = get(ADMIN, "/api/referrals/access-log?referral=" + id + "&size=2&page=1");

        assertThat(JsonPath.<List<String>>read(body(first), "$[*].userId")).containsExactly("gp.jette", "gp.jette");
        assertThat(first)
                .headers()
                .hasValue(
                        HttpHeaders.LINK,
                        "</api/referrals/access-log?referral=" + id + "&size=2&page=1>; rel=\"next\"");
        assertThat(JsonPath.<List<String>>read(body(rest), "$[*].userId"))
                .isNotEmpty()
                .containsOnly("gp.jette");
        assertThat(get(ADMIN, "/api/referrals/access-log?referral=" + id + "&size=501"))
                .hasStatus(HttpStatus.BAD_REQUEST);
    }

    /** Every free text of the referral as stored, in every table that refers to it. */
    private String everyTextOf(String id) {
        Map<String, Object> row =
                jdbc.sql("""
                SELECT concat_ws('|', r.person_name, r.person_phone, r.person_email, r.question, r.contact_moment,
                    (SELECT string_agg(body, '|') FROM feedback_message WHERE referral_id = r.id),
                    (SELECT string_agg(note, '|') FROM contact_attempt WHERE referral_id = r.id),
                    (SELECT string_agg(remark, '|') FROM referral_step WHERE referral_id = r.id),
                    (SELECT string_agg(serialized_event, '|') FROM event_publication
                     WHERE serialized_event LIKE '%' || r.id || '%')) AS texts
                FROM referral r WHERE r.id = :id
                """).param("id", UUID.fromString(id)).query().singleRow();
        return String.valueOf(row.get("texts"));
    }

    /** A word found nowhere else, to look for in every store: a prefix and eight digits (a phone takes the digits). */
    static String marker(String prefix) {
        return prefix + String.format("%08d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 100_000_000L));
    }

    static String digits(String marker) {
        return marker.replaceAll("\\D", "");
    }

    static String marked(String marker, String language) {
        return """
                {
                  "person": {"name": "%1$s Peeters", "phone": "0470 %3$s", "email": "%1$s@example.org",
                             "preferredLanguage": "%2$s", "postcode": "1090", "yearOfBirth": 1948,
                             "facts": {"LIVES_ALONE": true, "HAS_CHILDREN": false}},
                  "themes": ["finances"],
                  "question": "%1$s question",
                  "contact": {"channel": "PHONE", "moment": "%1$s moment"},
                  "consent": {"given": true, "method": "ORAL", "givenAt": "2026-01-05T10:00:00Z"}
                }
                """.formatted(marker, language, digits(marker));
    }

    private String submit(String token, String body) throws Exception {
        MvcTestResult result = mvc.post()
                .uri("/api/referrals")
                .header(HttpHeaders.AUTHORIZATION, token)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
        assertThat(result).hasStatus(HttpStatus.CREATED);
        return JsonPath.read(body(result), "$.referrals[0].id");
    }

    private MvcTestResult post(String token, String id, String action, String body) {
        var request = mvc.post()
                .uri("/api/referrals/" + id + "/" + action)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body == null ? "{}" : body);
        return (token == null ? request : request.header(HttpHeaders.AUTHORIZATION, token)).exchange();
    }

    private MvcTestResult get(String token, String uri) {
        var request = mvc.get().uri(uri);
        return (token == null ? request : request.header(HttpHeaders.AUTHORIZATION, token)).exchange();
    }

    private double erasedCount() {
        return meters.find("referrals.personal_data.erased").counters().stream()
                .mapToDouble(c -> c.count())
                .sum();
    }

    private String status(String id) {
        return jdbc.sql("SELECT status FROM referral WHERE id = :id")
                .param("id", UUID.fromString(id))
                .query(String.class)
                .single();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static List<String> recordsOf(String id) {
        return TopicProbe.payloadsOf(Topics.REFERRAL_EVENTS, id);
    }
}
