package be.bruzel.statisticsservice.usability;

import static org.assertj.core.api.Assertions.assertThat;

import be.bruzel.platform.testing.ServiceIntegrationTest;
import be.bruzel.platform.testing.SettableClock;
import be.bruzel.platform.testing.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The usability survey on real PostgreSQL: offered once in six months, answered or declined, never twice. */
@ServiceIntegrationTest
@Import(SettableClock.AsTheClock.class)
class UsabilityIT {

    private static final Instant MARCH = Instant.parse("2019-03-04T09:00:00Z");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SettableClock clock;

    @Test
    void aUserIsOfferedTheSurveyAnswersItAndIsNotAskedAgainForSixMonths() throws Exception {
        clock.set(MARCH);
        String user = user("referrer");
        assertThat(due(user)).isTrue();

        MvcTestResult answered = respond(user, "{\"answers\": [5, 1, 5, 1, 5, 1, 5, 1, 5, 1]}");

        assertThat(answered).hasStatusOk().bodyJson().extractingPath("$.score").isEqualTo(100.0);
        assertThat(due(user)).isFalse();
        clock.set(MARCH.plusSeconds(180L * 86_400));
        assertThat(due(user)).as("still within six months").isFalse();
        clock.set(MARCH.plusSeconds(186L * 86_400));
        assertThat(due(user)).as("six months on").isTrue();
    }

    @Test
    void aUserWhoDeclinesIsNotAskedAgainForSixMonthsAndNothingIsScored() throws Exception {
        clock.set(MARCH);
        String user = user("organisation-worker");
        long scored = scored();

        MvcTestResult declined = respond(user, "{}");

        assertThat(declined).hasStatusOk();
        assertThat(declined.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .doesNotContain("\"score\":");

        assertThat(due(user)).isFalse();
        assertThat(scored()).isEqualTo(scored);
    }

    @Test
    void anythingButTenAnswersFromOneToFiveIsRefusedNamingTheAnswersAndChangesNothing() throws Exception {
        clock.set(MARCH);
        String user = user("analyst");
        long responses = jdbc.sql("SELECT count(*) FROM usability_response")
                .query(Long.class)
                .single();

        for (String wrong : List.of(
                "{\"answers\": [5, 1, 5, 1, 5, 1, 5, 1, 5]}",
                "{\"answers\": [5, 1, 5, 1, 5, 1, 5, 1, 5, 6]}",
                "{\"answers\": [5, 1, 5, 1, 5, 1, 5, 1, 5, null]}",
                "{\"answers\": [5, 1, 5, 1, 5, 1, 5, 1, 5, 1, 3]}")) {
            MvcTestResult refused = mvc.post()
                    .uri("/api/statistics/usability")
                    .header(HttpHeaders.AUTHORIZATION, user)
                    .header(HttpHeaders.ACCEPT_LANGUAGE, "nl")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(wrong)
                    .exchange();
            assertThat(refused).as(wrong).hasStatus(HttpStatus.BAD_REQUEST);
            assertThat(refused.getResponse().getContentAsString(StandardCharsets.UTF_8))
                    .contains("\"field\":\"answers\"");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM usability_response")
                        .query(Long.class)
                        .single())
                .isEqualTo(responses);
        assertThat(due(user)).isTrue();
        assertThat(mvc.get().uri("/api/statistics/usability/offer").exchange()).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.post()
                        .uri("/api/statistics/usability")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}")
                        .exchange())
                .hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void theUserIsKeptByAPseudonymNeverByTheirId() throws Exception {
        clock.set(MARCH);
        String id = "someone-" + UUID.randomUUID();
        respond("Bearer " + TestTokens.token(id, List.of("referrer"), null, Map.of()), "{}");

        assertThat(jdbc.sql("SELECT count(*) FROM usability_response WHERE user_key = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private boolean due(String user) throws Exception {
        MvcTestResult offer = mvc.get()
                .uri("/api/statistics/usability/offer")
                .header(HttpHeaders.AUTHORIZATION, user)
                .exchange();
        assertThat(offer).hasStatusOk();
        return offer.getResponse().getContentAsString(StandardCharsets.UTF_8).contains("\"due\":true");
    }

    private MvcTestResult respond(String user, String body) {
        return mvc.post()
                .uri("/api/statistics/usability")
                .header(HttpHeaders.AUTHORIZATION, user)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    private long scored() {
        return jdbc.sql("SELECT count(*) FROM usability_response WHERE score IS NOT NULL")
                .query(Long.class)
                .single();
    }

    private static String user(String role) {
        return "Bearer " + TestTokens.token("user-" + UUID.randomUUID(), List.of(role), null, Map.of());
    }
}
