package be.bruzel.statisticsservice.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import be.bruzel.platform.events.ContactAttemptLogged;
import be.bruzel.platform.events.PersonAnswered;
import be.bruzel.platform.testing.ServiceIntegrationTest;
import be.bruzel.platform.testing.SettableClock;
import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * BruZEL's 16 indicators on one page, on real PostgreSQL and Kafka: every number there, each measured by what the
 * platform records, protected as the referral statistics are; the same as CSV; only for analysts of the zone. May 2020
 * is this class's own.
 */
@ServiceIntegrationTest
@Import(SettableClock.AsTheClock.class)
class IndicatorsIT extends StatisticsScenario {

    private static final Instant MAY = Instant.parse("2020-05-04T09:00:00Z");
    private static final String MAY_IN_NOORD = "/api/statistics/indicators?careZone=noord&from=2020-05&to=2020-05";
    /** May's stories are told once, for every test of the class. */
    private static boolean told;

    /**
     * Eight finance referrals by a GP in Jette, to OCMW, each reached by phone and solved, five rated 5 by the GP and 4
     * by the persons who answered; six on loneliness by a pharmacist, to CAW, each tried by e-mail in vain, one then
     * reached by letter. Five users answer the usability survey.
     */
    private void mayInNoord() throws Exception {
        clock.set(MAY);
        if (told) {
            return;
        }
        told = true;
        List<UUID> finances = submitAll(GP, "finances", 8);
        List<UUID> loneliness = submitAll(PHARMACIST, "loneliness", 6);
        for (UUID referral : finances) {
            accept(referral);
            attempt(referral, "PHONE", true);
            complete(referral, "SOLVED");
        }
        for (UUID referral : finances.subList(0, 5)) {
            rate(referral, "REFERRER", 5);
            publish(new PersonAnswered(UUID.randomUUID(), clock.instant(), referral, "ocmw-jette", true, 4));
        }
        for (UUID referral : loneliness) {
            accept(referral);
            attempt(referral, "EMAIL", false);
        }
        attempt(loneliness.getFirst(), "LETTER", true);
        awaitProjected(finances);
        awaitProjected(loneliness);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("""
                                SELECT count(*) FROM statistics_contact_attempt a
                                JOIN statistics_referral s USING (referral_id)
                                WHERE s.submitted_at >= '2020-05-01' AND s.submitted_at < '2020-06-01'
                                """).query(Long.class).single() == 15);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("""
                                SELECT count(*) FROM statistics_referral
                                WHERE submitted_at >= '2020-05-01' AND submitted_at < '2020-06-01' AND person_score = 4
                                """).query(Long.class).single() == 5);
    }

    @Test
    void everyIndicatorHasItsNumberAndIsMeasuredByWhatThePlatformRecorded() throws Exception {
        mayInNoord();
        for (int user = 0; user < 4; user++) {
            answerTheUsabilitySurvey("user-" + UUID.randomUUID());
        }
        String fewAnswers = indicators(ZONE_ANALYST, "nl");
        assertThat(value(fewAnswers, 9, "usabilityScore"))
                .as("four answers: hidden")
                .isNull();
        answerTheUsabilitySurvey("user-" + UUID.randomUUID());

        String report = indicators(ZONE_ANALYST, "nl");

        assertThat(JsonPath.<List<Integer>>read(report, "$.indicators[*].number"))
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16);
        assertThat(JsonPath.<String>read(report, "$.careZone")).isEqualTo("noord");
        assertThat(JsonPath.<List<String>>read(report, "$.indicators[?(@.number == 7)].name"))
                .containsExactly("Aantal doorverwijzingen");
        assertThat(value(report, 7, "submitted")).isEqualTo(14);
        assertThat(value(report, 8, "successful")).isEqualTo(8);
        assertThat(value(report, 12, "solved")).isEqualTo(8);
        assertThat(value(report, 11, "inProgress")).isEqualTo(6);
        assertThat(value(report, 1, "contactAttempts")).isEqualTo(15);
        assertThat(value(report, 1, "contactAttemptsReached")).isEqualTo(9);
        assertThat(value(report, 1, "attemptsPHONE")).isEqualTo(8);
        assertThat(suppressed(report, 1, "attemptsLETTER")).as("one letter").isTrue();
        assertThat(suppressed(report, 1, "attemptsEMAIL"))
                .as("else 15 - 8 - 0 would give the letter")
                .isTrue();
        assertThat(suppressed(report, 1, "reachedPHONE"))
                .as("else 9 reached - 8 by phone would give the letter")
                .isTrue();
        assertThat(value(report, 2, "contactAttemptsPerAccepted")).isEqualTo(1.1);
        assertThat(value(report, 3, "submitted:finances")).isEqualTo(8);
        assertThat(value(report, 3, "submitted:loneliness")).isEqualTo(6);
        assertThat(JsonPath.<List<Object>>read(report, "$.indicators[?(@.number == 4)].values[*]"))
                .as("outside the platform")
                .isEmpty();
        assertThat(JsonPath.<List<String>>read(report, "$.indicators[?(@.number == 4)].note"))
                .containsExactly("Niet gemeten door het platform: dit gebeurt erbuiten.");
        assertThat(suppressed(report, 5, "activeReferrers:general-practitioner"))
                .as("one GP: a referrer is a person too")
                .isTrue();
        assertThat(JsonPath.<List<String>>read(report, "$.indicators[?(@.number == 5)].values[*].label"))
                .contains("Actieve doorverwijzers: Huisarts (gezondheid)");
        assertThat(value(report, 9, "usabilityAnswers")).isEqualTo(5);
        assertThat(value(report, 9, "usabilityScore")).isEqualTo(75.0);
        assertThat(value(report, 13, "hoursToAcceptanceMedian")).isEqualTo(0);
        assertThat(value(report, 14, "personSatisfaction")).isEqualTo(4.0);
        assertThat(value(report, 15, "referrerSatisfaction")).isEqualTo(5.0);
        assertThat(value(report, 10, "escalated")).isEqualTo(0);
    }

    @Test
    void theSameIndicatorsAsCsvInTheCallersLanguage() throws Exception {
        mayInNoord();

        MvcTestResult csv = mvc.get()
                .uri(MAY_IN_NOORD)
                .header(HttpHeaders.AUTHORIZATION, ANALYST)
                .header(HttpHeaders.ACCEPT, "text/csv")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "fr")
                .exchange();

        assertThat(csv).hasStatusOk();
        String text = body(csv);
        assertThat(text)
                .startsWith("\uFEFFIndicateur;Nom;Chiffre;Valeur;")
                .contains("\r\n8;Orientations r\u00e9ussies;R\u00e9ussies;8;\r\n")
                .contains("\r\n4;Collaboration interne au sein de BruZEL;;;\r\n")
                .contains("Tentatives de contact par lettre;;Tentatives de contact par lettre\r\n");
    }

    @Test
    void onlyAnalystsOfTheZoneSeeItAndABadMonthIsAProblemNamingIt() throws Exception {
        assertThat(get(OCMW, MAY_IN_NOORD)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(get(GP.token(), MAY_IN_NOORD)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(get(ADMIN, MAY_IN_NOORD)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(get(null, MAY_IN_NOORD)).hasStatus(HttpStatus.UNAUTHORIZED);
        MvcTestResult otherZone = get(ZONE_ANALYST, MAY_IN_NOORD.replace("noord", "zuidoost"));
        assertThat(otherZone).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(body(otherZone)).contains("careZone").doesNotContain("\"indicators\"");
        MvcTestResult badMonth = get(ANALYST, "/api/statistics/indicators?from=2020-13");
        assertThat(badMonth).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(body(badMonth)).contains("\"field\":\"from\"");
        assertThat(JsonPath.<List<Integer>>read(indicators(ANALYST, "en"), "$.indicators[*].number"))
                .as("BruZEL's analyst: the region")
                .hasSize(16);
    }

    private void attempt(UUID referral, String channel, boolean reached) {
        publish(new ContactAttemptLogged(
                UUID.randomUUID(),
                clock.instant(),
                referral,
                UUID.randomUUID(),
                "ocmw-jette",
                clock.instant(),
                channel,
                reached));
    }

    private void answerTheUsabilitySurvey(String user) {
        assertThat(mvc.post()
                        .uri("/api/statistics/usability")
                        .header(HttpHeaders.AUTHORIZATION, token(user, "referrer", null, Map.of()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"answers\": [4, 2, 4, 2, 4, 2, 4, 2, 4, 2]}")
                        .exchange())
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.score")
                .isEqualTo(75.0);
    }

    private String indicators(String token, String language) throws Exception {
        MvcTestResult result = mvc.get()
                .uri(token.equals(ANALYST) ? MAY_IN_NOORD.replace("careZone=noord&", "") : MAY_IN_NOORD)
                .header(HttpHeaders.AUTHORIZATION, token)
                .header(HttpHeaders.ACCEPT_LANGUAGE, language)
                .exchange();
        assertThat(result).hasStatusOk();
        return body(result);
    }

    private static Object value(String report, int indicator, String key) {
        return part(report, indicator, key, "value");
    }

    private static boolean suppressed(String report, int indicator, String key) {
        return (Boolean) part(report, indicator, key, "suppressed");
    }

    /** One part (value, suppressed) of one figure of one indicator. */
    private static Object part(String report, int indicator, String key, String part) {
        List<Object> found = JsonPath.read(
                report, "$.indicators[?(@.number == " + indicator + ")].values[?(@.key == '" + key + "')]." + part);
        assertThat(found).as(key + " of indicator " + indicator).hasSize(1);
        return found.getFirst();
    }
}
