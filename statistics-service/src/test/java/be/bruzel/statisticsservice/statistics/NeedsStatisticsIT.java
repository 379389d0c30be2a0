package be.bruzel.statisticsservice.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import be.bruzel.platform.events.ReferralSubmitted;
import be.bruzel.platform.testing.ServiceIntegrationTest;
import be.bruzel.platform.testing.SettableClock;
import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The answers to the zone's needs questionnaire on real PostgreSQL and Kafka, from referral.submitted as
 * referral-service publishes it: each referral of a submission carries the same answers. May and June 2021
 * are this class's own, one month per test: the referrals count in the referral figures too.
 */
@ServiceIntegrationTest
@Import(SettableClock.AsTheClock.class)
class NeedsStatisticsIT extends StatisticsScenario {

    private static final Instant MAY = Instant.parse("2021-05-06T09:00:00Z");
    private static final Instant JUNE = Instant.parse("2021-06-03T09:00:00Z");
    private static final String JUNE_IN_JETTE =
            "/api/statistics/needs?questionnaire=welzijn-jette&from=2021-06&to=2021-06";
    private static final String MAY_IN_JETTE =
            "/api/statistics/needs?questionnaire=welzijn-jette&from=2021-05&to=2021-05";

    /**
     * Ten submissions in Jette, each routed to two receivers: six say the person is often alone and has a need
     * none of the options names, two only the other need, two that the bills are behind. One event comes twice.
     */
    private List<UUID> answeredInJette(Instant at) {
        List<UUID> submissions = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            UUID submission = UUID.randomUUID();
            submissions.add(submission);
            ReferralSubmitted.Answers answers = i < 6
                    ? new ReferralSubmitted.Answers(
                            "welzijn-jette", 1, List.of("alone-often", "something-else"), true, "something-else")
                    : i < 8
                            ? new ReferralSubmitted.Answers(
                                    "welzijn-jette", 1, List.of("something-else"), true, "something-else")
                            : new ReferralSubmitted.Answers("welzijn-jette", 1, List.of("bills"), false, null);
            for (String theme : List.of("finances", "loneliness")) {
                ReferralSubmitted submitted = submitted(at, submission, theme, answers);
                publish(submitted);
                if (i == 0) {
                    publish(submitted);
                }
            }
        }
        return submissions;
    }

    private static ReferralSubmitted submitted(
            Instant at, UUID submission, String theme, ReferralSubmitted.Answers answers) {
        return new ReferralSubmitted(
                UUID.randomUUID(),
                at,
                UUID.randomUUID(),
                GP.userId(),
                List.of(theme),
                JETTE.postcode(),
                "nl",
                "ROUTINE",
                JETTE.municipalityNis(),
                JETTE.areaId(),
                JETTE.careZoneCode(),
                theme.equals("finances") ? "ocmw-jette" : "caw-brussel",
                null,
                false,
                GP.profession(),
                submission,
                answers);
    }

    private void awaitAnswers(List<UUID> submissions) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("SELECT count(*) FROM questionnaire_submission WHERE submission_id IN (:ids)")
                                .param("ids", submissions)
                                .query(Long.class)
                                .single()
                        == submissions.size());
    }

    @Test
    void eachSubmissionCountsOnceWithItsOptionsAndOtherNeedAndSmallCountsAreSuppressed() throws Exception {
        List<UUID> submissions = answeredInJette(MAY);
        awaitAnswers(submissions);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("SELECT count(*) FROM questionnaire_answer WHERE submission_id IN (:ids)")
                                .param("ids", submissions)
                                .query(Long.class)
                                .single()
                        == 8);

        MvcTestResult result = get(ANALYST, MAY_IN_JETTE);
        assertThat(result).hasStatusOk();
        String report = body(result);
        Map<String, Object> jette = needsRow(report, "21010", "2021-05");
        assertThat(jette.get("name")).isEqualTo("Jette");
        assertThat(jette.get("answered"))
                .as("two referrals and a redelivery, one submission")
                .isEqualTo(10);
        assertThat(jette.get("otherNeeds")).isEqualTo(8);
        assertThat((Map<String, Object>) jette.get("answers"))
                .containsEntry("bills", null)
                .as("else 10 submissions less 8 other needs would give the 2 bills: the smallest other one goes too")
                .containsEntry("alone-often", null)
                .as("the other need's option is counted as the other need, not as one more answer")
                .doesNotContainKey("something-else");
        assertThat((List<String>) jette.get("suppressed"))
                .containsExactlyInAnyOrder("answers.bills", "answers.alone-often");
        assertThat(JsonPath.<List<String>>read(report, "$.options")).containsExactly("alone-often", "bills");
        assertThat(jdbc.sql("SELECT count(*) FROM questionnaire_answer WHERE option_code = 'something-else'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aZoneAnalystSeesTheirZoneOnlyAndOthersSeeNothing() throws Exception {
        awaitAnswers(answeredInJette(JUNE));

        MvcTestResult noord = get(ZONE_ANALYST, JUNE_IN_JETTE);
        assertThat(noord).hasStatusOk();
        assertThat(needsRow(body(noord), null, null).get("answered")).isEqualTo(10);
        MvcTestResult otherZone = get(ZONE_ANALYST, JUNE_IN_JETTE + "&careZone=zuidoost");
        assertThat(otherZone)
                .hasStatus(HttpStatus.FORBIDDEN)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("careZone");
        assertThat(body(otherZone)).doesNotContain("alone-often");
        for (String notAnAnalyst : List.of(OCMW, GP.token(), ADMIN)) {
            MvcTestResult refused = get(notAnAnalyst, JUNE_IN_JETTE);
            assertThat(refused).hasStatus(HttpStatus.FORBIDDEN);
            assertThat(body(refused)).doesNotContain("alone-often");
        }
        assertThat(get(null, JUNE_IN_JETTE)).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aMissingQuestionnaireOrABadPeriodIsAProblemNamingItInTheCallersLanguage() {
        MvcTestResult withoutQuestionnaire = mvc.get()
                .uri("/api/statistics/needs?from=2021-05&to=2021-05")
                .header(HttpHeaders.AUTHORIZATION, ANALYST)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "fr")
                .exchange();
        assertThat(withoutQuestionnaire)
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(withoutQuestionnaire)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("questionnaire");
        assertThat(withoutQuestionnaire)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .contains("questionnaire");

        MvcTestResult badPeriod = mvc.get()
                .uri(MAY_IN_JETTE + "&period=week")
                .header(HttpHeaders.AUTHORIZATION, ANALYST)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "nl")
                .exchange();
        assertThat(badPeriod).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(badPeriod).bodyJson().extractingPath("$.errors[0].field").isEqualTo("period");

        MvcTestResult badCode = get(ANALYST, "/api/statistics/needs?questionnaire=Robert'); DROP TABLE x;--");
        assertThat(badCode).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(badCode).bodyJson().extractingPath("$.errors[0].field").isEqualTo("questionnaire");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> needsRow(String report, String municipality, String period) {
        List<Map<String, Object>> rows = JsonPath.read(report, "$.rows");
        return rows.stream()
                .filter(row -> Objects.equals(row.get("municipality"), municipality)
                        && Objects.equals(row.get("period"), period))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row " + municipality + " " + period + " in " + report));
    }
}
