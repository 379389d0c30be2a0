package be.bruzel.referralservice.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import be.bruzel.platform.events.Topics;
import be.bruzel.platform.testing.DirectoryWorld;
import be.bruzel.platform.testing.ServiceIntegrationTest;
import be.bruzel.platform.testing.SettableClock;
import be.bruzel.platform.testing.TestTokens;
import be.bruzel.platform.testing.TopicProbe;
import com.jayway.jsonpath.JsonPath;
import io.cloudevents.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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

/** The closed loop on real PostgreSQL and Kafka: routing, every transition, every refusal, follow-up. */
@ServiceIntegrationTest
@Import(SettableClock.AsTheClock.class)
class ReferralLifecycleIT {

    static final String GP = TestTokens.bearer("gp.jette", List.of("referrer"), null);
    static final String OCMW = TestTokens.bearer("worker.ocmw", List.of("organisation-worker"), "ocmw-jette");
    static final String CAW = TestTokens.bearer("worker.caw", List.of("organisation-worker"), "caw-brussel");
    static final String HELPDESK =
            TestTokens.bearer("helpdesk.noord", List.of("organisation-worker"), "helpdesk-noord");
    static final String OTHER_GP = TestTokens.bearer("gp.schaerbeek", List.of("referrer"), null);
    static final String ANALYST = TestTokens.bearer("analyst.bruzel", List.of("analyst"), null);
    static final String ADMIN = TestTokens.bearer("admin", List.of("administrator"), null);

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaTemplate<String, CloudEvent> kafka;

    @Autowired
    SettableClock clock;

    @Autowired
    ReferralFollowUp followUp;

    @BeforeEach
    void directoryIsKnown() {
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        DirectoryWorld.ensurePublished(kafka, jdbc);
    }

    @Test
    void eachThemeIsRoutedByTheRulesAndAThemeWithoutRuleGoesToTheHelpdeskAsAnUnmetNeed() throws Exception {
        MvcTestResult result = submit(referral("1090", null, "\"finances\", \"housing\", \"loneliness\""), null);

        assertThat(result).hasStatus(HttpStatus.CREATED);
        String body = body(result);
        List<String> receivers = JsonPath.read(body, "$.referrals[*].receivingOrganisationId");
        assertThat(receivers).containsExactly("ocmw-jette", "helpdesk-noord", "caw-brussel");
        List<Boolean> unmet = JsonPath.read(body, "$.referrals[*].unmetNeed");
        assertThat(unmet).containsExactly(false, true, false);
        String loneliness = JsonPath.read(body, "$.referrals[2].id");
        String routing = body(mvc.get()
                .uri("/api/referrals/" + loneliness)
                .header(HttpHeaders.AUTHORIZATION, GP)
                .exchange());
        assertThat(JsonPath.<List<String>>read(routing, "$.routing[0].decision.considered[*].verdict"))
                .containsExactly("NO_RULE", "SKIPPED_FULL", "CHOSEN", "NO_RULE");
    }

    @Test
    void theReferrerMayChooseAnotherServiceTheRulesNameAndTheRoutingRecordsTheChoice() throws Exception {
        MvcTestResult result = submit(
                withChoices(
                        referral("1090", null, "\"finances\""), "{\"finances\": \"" + DirectoryWorld.CAW_NOORD + "\"}"),
                null);

        assertThat(result).hasStatus(HttpStatus.CREATED);
        assertThat(JsonPath.<String>read(body(result), "$.referrals[0].receivingOrganisationId"))
                .isEqualTo("caw-brussel");
        String routing = body(mvc.get()
                .uri("/api/referrals/" + JsonPath.read(body(result), "$.referrals[0].id"))
                .header(HttpHeaders.AUTHORIZATION, GP)
                .exchange());
        assertThat(JsonPath.<List<String>>read(routing, "$.routing[0].decision.considered[*].verdict"))
                .startsWith("PASSED_OVER", "CHOSEN_BY_REFERRER");
    }

    @Test
    void aChoiceOfAFullServiceOrForAnotherThemeIsRefusedNamingItAndNothingIsStored() throws Exception {
        long before = count("SELECT count(*) FROM referral");

        MvcTestResult full = submit(
                withChoices(
                        referral("1090", null, "\"loneliness\""),
                        "{\"loneliness\": \"" + DirectoryWorld.LDC_JETTE + "\"}"),
                null);
        MvcTestResult otherTheme = submit(
                withChoices(
                        referral("1090", null, "\"finances\""), "{\"housing\": \"" + DirectoryWorld.CAW_NOORD + "\"}"),
                null);

        assertThat(full).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(full).bodyJson().extractingPath("$.errors[0].field").isEqualTo("choices.loneliness");
        assertThat(full).bodyJson().extractingPath("$.detail").asString().contains(DirectoryWorld.LDC_JETTE);
        assertThat(otherTheme).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(otherTheme).bodyJson().extractingPath("$.errors[0].field").isEqualTo("choices");
        assertThat(count("SELECT count(*) FROM referral")).isEqualTo(before);
    }

    @Test
    void aPostcodeOfTwoMunicipalitiesNeedsTheMunicipalityAndStoresNothingWithoutIt() throws Exception {
        long before = count("SELECT count(*) FROM referral");

        MvcTestResult ambiguous = submit(referral("1040", null, "\"finances\""), null);

        assertThat(ambiguous).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(ambiguous).bodyJson().extractingPath("$.errors[0].field").isEqualTo("person.municipality");
        assertThat(count("SELECT count(*) FROM referral")).isEqualTo(before);
        MvcTestResult chosen = submit(referral("1040", "21005", "\"finances\""), null);
        assertThat(chosen).hasStatus(HttpStatus.CREATED);
        assertThat(JsonPath.<String>read(body(chosen), "$.referrals[0].careZone"))
                .isEqualTo("zuidoost");
    }

    @Test
    void aRetriedSubmissionWithTheSameIdempotencyKeyReturnsTheSameReferral() throws Exception {
        String key = "retry-" + UUID.randomUUID();
        String first = JsonPath.read(body(submit(referral("1090", null, "\"finances\""), key)), "$.referrals[0].id");

        MvcTestResult retry = submit(referral("1090", null, "\"finances\""), key);

        assertThat(retry).hasHeader("Idempotency-Replayed", "true");
        assertThat(JsonPath.<String>read(body(retry), "$.referrals[0].id")).isEqualTo(first);
        assertThat(count("SELECT count(*) FROM referral r JOIN submission s ON s.submission_id = r.submission_id"
                        + " WHERE s.idempotency_key = '" + key + "'"))
                .isEqualTo(1);
        assertThat(submit(referral("1090", null, "\"loneliness\""), key)).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
    }

    @Test
    void theLoopCloses() throws Exception {
        String id = submitFinances();

        assertThat(act(OCMW, id, "accept", null))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("accepted");
        assertThat(act(OCMW, id, "contact-attempts", """
                {"attemptedAt": "2026-03-02T08:30:00Z", "channel": "PHONE", "reached": false}""")).hasStatus(201);
        assertThat(status(id)).isEqualTo("ACCEPTED");
        assertThat(act(OCMW, id, "contact-attempts", """
                {"attemptedAt": "2026-03-02T08:45:00Z", "channel": "PHONE", "reached": true}""")).hasStatus(201);
        assertThat(status(id)).isEqualTo("IN_PROGRESS");
        assertThat(post(OCMW, "/api/referrals/" + id + "/messages", "{\"body\": \"Afspraak gemaakt.\"}"))
                .hasStatus(201);
        assertThat(act(OCMW, id, "complete", "{\"outcome\": \"SOLVED\"}")).hasStatusOk();
        assertThat(act(GP, id, "satisfaction", "{\"score\": 5}")).hasStatus(201);
        assertThat(act(GP, id, "satisfaction", "{\"score\": 4}")).hasStatus(HttpStatus.CONFLICT);

        String view = body(mvc.get()
                .uri("/api/referrals/" + id)
                .header(HttpHeaders.AUTHORIZATION, GP)
                .exchange());
        List<String> steps = JsonPath.read(view, "$.timeline[*].step");
        assertThat(steps)
                .containsExactly(
                        "SUBMITTED", "ROUTED", "ACCEPTED", "CONTACT_ATTEMPTED", "CONTACT_MADE", "COMPLETED", "RATED");
        assertThat(JsonPath.<Integer>read(view, "$.contactAttempts.length()")).isEqualTo(2);
        assertThat(body(mvc.get()
                        .uri("/api/referrals/" + id + "/messages")
                        .header(HttpHeaders.AUTHORIZATION, GP)
                        .exchange()))
                .contains("Afspraak gemaakt.");
        await().atMost(Duration.ofSeconds(20)).until(() -> eventTypesOf(id).size() >= 7);
        assertThat(eventTypesOf(id))
                .containsSubsequence(
                        "referral.submitted.v1",
                        "referral.accepted.v1",
                        "referral.contact-attempt-logged.v1",
                        "referral.contact-attempt-logged.v1",
                        "referral.feedback-posted.v1",
                        "referral.completed.v1",
                        "referral.satisfaction-rated.v1");
    }

    @Test
    void businessMetricsCountByCareZoneAtMostAndOnlyWhatCommitted() throws Exception {
        String id = submitFinances();
        act(OCMW, id, "accept", null);
        act(OCMW, id, "complete", "{\"outcome\": \"SOLVED\"}");
        assertThat(act(OCMW, id, "complete", "{\"outcome\": \"UNREACHABLE\"}")).hasStatus(HttpStatus.CONFLICT);

        assertThat(body(mvc.get().uri("/actuator/prometheus").exchange()))
                .containsPattern("referrals_submitted_total\\{[^}]*care_zone=\"noord\"")
                .containsPattern("referrals_time_to_acceptance_seconds_bucket\\{[^}]*care_zone=\"noord\"")
                .containsPattern("referrals_completed_total\\{[^}]*outcome=\"SOLVED\"")
                .as("a refused transition counts nothing")
                .doesNotContainPattern("referrals_completed_total\\{[^}]*outcome=\"UNREACHABLE\"")
                .as("no series finer than a care zone, nor two dimensions crossed")
                .doesNotContainPattern("referrals_[a-z_]+\\{[^}]*theme=")
                .doesNotContainPattern("referrals_[a-z_]+\\{[^}]*municipality=")
                .doesNotContainPattern("referrals_completed_total\\{[^}]*care_zone=");
    }

    @Test
    void anIllegalTransitionIsAConflictAndChangesNothing() throws Exception {
        String id = submitFinances();

        MvcTestResult complete = act(OCMW, id, "complete", "{\"outcome\": \"SOLVED\"}");

        assertThat(complete).hasStatus(HttpStatus.CONFLICT).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(status(id)).isEqualTo("SUBMITTED");
    }

    @Test
    void onlyTheReceivingOrganisationActsAndAnotherOrganisationDoesNotSeeTheReferral() throws Exception {
        String id = submitFinances();

        assertThat(act(CAW, id, "accept", null)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/api/referrals/" + id).header(HttpHeaders.AUTHORIZATION, CAW))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/api/referrals/" + id + "/messages").header(HttpHeaders.AUTHORIZATION, CAW))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(act(GP, id, "accept", null)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(status(id)).isEqualTo("SUBMITTED");
    }

    /** Every action with every caller who may not take it on a new referral: who, what, and the refusal. */
    static Stream<Arguments> refusals() {
        String attempt = "{\"attemptedAt\": \"2026-03-02T08:30:00Z\", \"channel\": \"PHONE\", \"reached\": true}";
        return Stream.of(
                refusal("accept", "{}", "the referrer", GP, 403),
                refusal("accept", "{}", "another organisation", CAW, 404),
                refusal("accept", "{}", "an analyst", ANALYST, 403),
                refusal("accept", "{}", "an administrator", ADMIN, 403),
                refusal("accept", "{}", "nobody signed in", null, 401),
                refusal("decline", "{\"reason\": \"NO_CAPACITY\"}", "the referrer", GP, 403),
                refusal("decline", "{\"reason\": \"NO_CAPACITY\"}", "another organisation", CAW, 404),
                refusal("contact-attempts", attempt, "the referrer", GP, 403),
                refusal("contact-attempts", attempt, "another organisation", CAW, 404),
                refusal("contact-attempts", attempt, "the zone helpdesk", HELPDESK, 404),
                refusal("complete", "{\"outcome\": \"SOLVED\"}", "the referrer", GP, 403),
                refusal("complete", "{\"outcome\": \"SOLVED\"}", "another organisation", CAW, 404),
                refusal("cancel", "{}", "the receiving organisation", OCMW, 403),
                refusal("cancel", "{}", "another referrer", OTHER_GP, 404),
                refusal("cancel", "{}", "an analyst", ANALYST, 403),
                refusal("satisfaction", "{\"score\": 1}", "another referrer", OTHER_GP, 404),
                refusal("satisfaction", "{\"score\": 1}", "another organisation", CAW, 404),
                refusal("messages", "{\"body\": \"Hallo\"}", "another referrer", OTHER_GP, 404),
                refusal("messages", "{\"body\": \"Hallo\"}", "another organisation", CAW, 404),
                refusal("messages", "{\"body\": \"Hallo\"}", "an analyst", ANALYST, 404));
    }

    private static Arguments refusal(String action, String body, String who, String token, int status) {
        return Arguments.of(action, body, who, token, status);
    }

    @ParameterizedTest(name = "{0} by {2} is a {4}")
    @MethodSource("refusals")
    void everyActionIsRefusedToWhoMayNotTakeItAndChangesNothing(
            String action, String body, String who, String token, int refusedWith) throws Exception {
        String id = submitFinances();

        MvcTestResult refused = act(token, id, action, body);

        assertThat(refused).hasStatus(refusedWith);
        if (refusedWith != 401) {
            assertThat(refused).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        assertThat(status(id)).isEqualTo("SUBMITTED");
        assertThat(jdbc.sql("SELECT step FROM referral_step WHERE referral_id = :id ORDER BY position")
                        .param("id", UUID.fromString(id))
                        .query(String.class)
                        .list())
                .containsExactly("SUBMITTED", "ROUTED");
        for (String table : List.of("contact_attempt", "feedback_message", "satisfaction")) {
            assertThat(count("SELECT count(*) FROM " + table + " WHERE referral_id = '" + id + "'"))
                    .as(table)
                    .isZero();
        }
        assertThat(count("SELECT count(*) FROM person_data_access WHERE NOT refused AND referral_id = '" + id + "'"))
                .as("no read of the person's data")
                .isZero();
        // Told the referral does not exist, the caller left a trace an administrator sees.
        assertThat(count("SELECT count(*) FROM person_data_access WHERE refused AND referral_id = '" + id + "'"))
                .isEqualTo(refusedWith == 404 ? 1 : 0);
    }

    @Test
    void twoWorkersAcceptingAtOnceCannotBothWin() throws Exception {
        for (int round = 0; round < 5; round++) {
            String id = submitFinances();
            CyclicBarrier together = new CyclicBarrier(2);
            Callable<Integer> accept = () -> {
                together.await();
                return act(OCMW, id, "accept", null).getResponse().getStatus();
            };
            try (ExecutorService workers = Executors.newFixedThreadPool(2)) {
                List<Integer> statuses = workers.invokeAll(List.of(accept, accept)).stream()
                        .map(outcome -> outcome.resultNow())
                        .sorted()
                        .toList();

                assertThat(statuses).containsExactly(200, 409);
            }
            assertThat(count("SELECT count(*) FROM referral_step WHERE referral_id = '" + id
                            + "' AND step = 'ACCEPTED'"))
                    .isEqualTo(1);
        }
    }

    @Test
    void aDeclineGoesToTheNextCandidateAndTheLastDeclineReturnsItToTheReferrer() throws Exception {
        String id = submitFinances();

        assertThat(act(OCMW, id, "decline", "{\"reason\": \"NO_CAPACITY\"}")).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(count("SELECT count(*) FROM referral WHERE id = '" + id
                        + "' AND receiving_organisation_id = 'caw-brussel' AND status = 'SUBMITTED'"))
                .isEqualTo(1);
        assertThat(mvc.get().uri("/api/referrals/" + id).header(HttpHeaders.AUTHORIZATION, OCMW))
                .hasStatus(HttpStatus.NOT_FOUND);

        assertThat(act(CAW, id, "decline", "{\"reason\": \"NOT_OUR_OFFER\"}")).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(status(id)).isEqualTo("DECLINED");
    }

    @Test
    void theNextOrganisationSeesThePersonAndTheQuestionButNotWhatWasSaidWithTheOneThatDeclined() throws Exception {
        String id = submitFinances();
        assertThat(post(OCMW, "/api/referrals/" + id + "/messages", "{\"body\": \"OCMW: is mevrouw al bij het CAW?\"}"))
                .hasStatus(HttpStatus.CREATED);
        assertThat(post(GP, "/api/referrals/" + id + "/messages", "{\"body\": \"GP aan OCMW: nee, nog niet\"}"))
                .hasStatus(HttpStatus.CREATED);
        assertThat(act(OCMW, id, "decline", "{\"reason\": \"NO_CAPACITY\", \"remark\": \"OCMW-notitie over mevrouw\"}"))
                .hasStatus(HttpStatus.NO_CONTENT);

        String asCaw = body(mvc.get()
                .uri("/api/referrals/" + id)
                .header(HttpHeaders.AUTHORIZATION, CAW)
                .exchange());
        String cawThread = body(mvc.get()
                .uri("/api/referrals/" + id + "/messages")
                .header(HttpHeaders.AUTHORIZATION, CAW)
                .exchange());

        assertThat(asCaw)
                .contains("Marie Peeters", "\"question\"")
                .doesNotContain("OCMW-notitie", "OCMW:", "GP aan OCMW");
        assertThat(cawThread).isEqualTo("[]");

        assertThat(post(CAW, "/api/referrals/" + id + "/messages", "{\"body\": \"CAW neemt contact op\"}"))
                .hasStatus(HttpStatus.CREATED);
        assertThat(body(mvc.get()
                        .uri("/api/referrals/" + id + "/messages")
                        .header(HttpHeaders.AUTHORIZATION, CAW)
                        .exchange()))
                .contains("CAW neemt contact op")
                .doesNotContain("OCMW:", "GP aan OCMW");
        assertThat(body(mvc.get()
                        .uri("/api/referrals/" + id + "/messages")
                        .header(HttpHeaders.AUTHORIZATION, GP)
                        .exchange()))
                .as("the referrer reads the whole thread")
                .contains("OCMW: is mevrouw al bij het CAW?", "GP aan OCMW: nee, nog niet", "CAW neemt contact op");
        assertThat(body(mvc.get()
                        .uri("/api/referrals/" + id)
                        .header(HttpHeaders.AUTHORIZATION, GP)
                        .exchange()))
                .contains("OCMW-notitie over mevrouw");
        assertThat(mvc.get().uri("/api/referrals/" + id + "/messages").header(HttpHeaders.AUTHORIZATION, OCMW))
                .as("the organisation that declined reads nothing more")
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void theReferrerCancelsAndEveryReadOfThePersonIsLogged() throws Exception {
        String id = submitFinances();
        mvc.get()
                .uri("/api/referrals/" + id)
                .header(HttpHeaders.AUTHORIZATION, OCMW)
                .exchange();

        assertThat(act(GP, id, "cancel", null))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("cancelled");

        assertThat(jdbc.sql("SELECT user_id FROM person_data_access WHERE referral_id = :id ORDER BY id")
                        .param("id", UUID.fromString(id))
                        .query(String.class)
                        .list())
                .containsExactly("worker.ocmw", "gp.jette");
        assertThat(count("SELECT count(*) FROM referral_step WHERE referral_id = '" + id + "' AND step = 'RECEIVED'"))
                .isEqualTo(1);
    }

    @Test
    void noAnswerWithinTwoWorkingDaysRemindsAndWithinFiveEscalates() throws Exception {
        clock.set(Instant.parse("2026-03-06T09:00:00Z"));
        String id = submitFinances();

        clock.set(Instant.parse("2026-03-09T10:00:00Z"));
        followUp.run();
        assertThat(count("SELECT count(*) FROM referral WHERE id = '" + id + "' AND reminded_at IS NOT NULL"))
                .as("Friday to Monday is one working day")
                .isZero();

        clock.set(Instant.parse("2026-03-10T10:00:00Z"));
        followUp.run();
        assertThat(count("SELECT count(*) FROM referral WHERE id = '" + id + "' AND reminded_at IS NOT NULL"))
                .isEqualTo(1);

        clock.set(Instant.parse("2026-03-13T10:00:00Z"));
        followUp.run();
        followUp.run();
        assertThat(count("SELECT count(*) FROM referral_step WHERE referral_id = '" + id + "' AND step = 'ESCALATED'"))
                .isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> eventTypesOf(id).contains("referral.escalated.v1"));
        assertThat(body(mvc.get()
                        .uri("/api/referrals/inbox?status=overdue")
                        .header(HttpHeaders.AUTHORIZATION, OCMW)
                        .exchange()))
                .contains(id);
    }

    @Test
    void noPublishedEventCarriesThePersonsData() throws Exception {
        String id = submitFinances();
        act(OCMW, id, "accept", null);
        post(OCMW, "/api/referrals/" + id + "/messages", "{\"body\": \"Mevrouw Peeters belt terug.\"}");

        await().atMost(Duration.ofSeconds(20)).until(() -> eventTypesOf(id).size() >= 3);
        TopicProbe.payloadsOf(Topics.REFERRAL_EVENTS, id)
                .forEach(data -> assertThat(data)
                        .doesNotContain("Marie")
                        .doesNotContain("Peeters")
                        .doesNotContain("12 34 56")
                        .doesNotContain("marie@")
                        .doesNotContain("alleen")
                        .doesNotContain("belt terug"));
    }

    private String submitFinances() throws Exception {
        return JsonPath.read(body(submit(referral("1090", null, "\"finances\""), null)), "$.referrals[0].id");
    }

    private MvcTestResult submit(String body, String idempotencyKey) {
        var request = mvc.post()
                .uri("/api/referrals")
                .header(HttpHeaders.AUTHORIZATION, GP)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.exchange();
    }

    private MvcTestResult act(String token, String id, String action, String body) {
        return post(token, "/api/referrals/" + id + "/" + action, body == null ? "{}" : body);
    }

    private MvcTestResult post(String token, String uri, String body) {
        var request =
                mvc.post().uri(uri).contentType(MediaType.APPLICATION_JSON).content(body);
        return (token == null ? request : request.header(HttpHeaders.AUTHORIZATION, token)).exchange();
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

    static List<String> eventTypesOf(String id) {
        return TopicProbe.cloudEvents(Topics.REFERRAL_EVENTS).stream()
                .filter(record -> id.equals(record.key()))
                .map(record -> record.value().getType())
                .toList();
    }

    static String body(MvcTestResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** The referral with the services the referrer chose, by theme. */
    static String withChoices(String referral, String choices) {
        return referral.replace("\"themes\":", "\"choices\": " + choices + ",\n  \"themes\":");
    }

    static String referral(String postcode, String municipality, String themes) {
        return """
                {
                  "person": {"name": "Marie Peeters", "phone": "0470 12 34 56", "email": "marie@example.org",
                             "preferredLanguage": "nl", "postcode": "%s"%s},
                  "themes": [%s],
                  "question": "Mevrouw is sinds de dood van haar man veel alleen.",
                  "urgency": "SOON",
                  "contact": {"channel": "PHONE", "moment": "na 17 uur"},
                  "consent": {"given": true, "method": "ORAL", "givenAt": "2026-01-05T10:00:00Z"}
                }
                """.formatted(
                        postcode, municipality == null ? "" : ", \"municipality\": \"" + municipality + "\"", themes);
    }
}
