package be.bruzel.referralservice.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import be.bruzel.platform.testing.SettableClock;
import be.bruzel.platform.testing.TestTokens;
import be.bruzel.referralservice.directory.DirectoryWorld;
import be.bruzel.referralservice.referral.ReferralFollowUp;
import com.jayway.jsonpath.JsonPath;
import io.cloudevents.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Who asks for statistics in the tests, and how: referrals made through the API, figures read as
 * each role may. Its tests are {@code @ServiceIntegrationTest}s with {@link SettableClock.AsTheClock}.
 */
abstract class StatisticsScenario {

    static final String GP = token("gp.jette", "referrer", null, Map.of("profession", "general-practitioner"));
    static final String PHARMACIST = token("apotheek.jette", "referrer", null, Map.of("profession", "pharmacist"));
    static final String OCMW = token("worker.ocmw", "organisation-worker", "ocmw-jette", Map.of());
    static final String HELPDESK = token("helpdesk.noord", "organisation-worker", "helpdesk-noord", Map.of());
    static final String ANALYST = token("analyst.bruzel", "analyst", null, Map.of("care_zone", "bruzel"));
    static final String ANALYST_WITHOUT_ZONE = token("analyst.unknown", "analyst", null, Map.of());
    static final String ZONE_ANALYST = token("analyst.noord", "analyst", null, Map.of("care_zone", "noord"));
    static final String ADMIN = token("admin", "administrator", null, Map.of());

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
        DirectoryWorld.ensurePublished(kafka, jdbc);
    }

    List<String> submitAll(String referrer, String theme, int times) throws Exception {
        return submitAll(referrer, "1090", null, theme, times);
    }

    List<String> submitAll(String referrer, String postcode, String municipality, String theme, int times)
            throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            MvcTestResult submitted = mvc.post().uri("/api/referrals").header(HttpHeaders.AUTHORIZATION, referrer)
                    .contentType(MediaType.APPLICATION_JSON).content("""
                            {"person": {"name": "Jan Claes", "phone": "0470 00 00 00", "preferredLanguage": "nl",
                                        "postcode": "%s"%s},
                             "themes": ["%s"], "question": "Hulp gevraagd.",
                             "consent": {"given": true, "method": "ORAL", "givenAt": "%s"}}
                            """.formatted(postcode, municipality == null ? "" : ", \"municipality\": \"" + municipality
                            + "\"", theme, clock.instant()))
                    .exchange();
            assertThat(submitted).hasStatus(HttpStatus.CREATED);
            ids.add(JsonPath.read(body(submitted), "$.referrals[0].id"));
        }
        return ids;
    }

    MvcTestResult get(String token, String uri) {
        var request = mvc.get().uri(uri);
        return (token == null ? request : request.header(HttpHeaders.AUTHORIZATION, token)).exchange();
    }

    String statistics(String token, String query) throws Exception {
        MvcTestResult result = get(token, "/api/statistics/referrals?" + query);
        assertThat(result).hasStatusOk();
        return body(result);
    }

    /** One row of a report: a group (none for all) in a period (none for the whole range). */
    record Row(String name, Map<String, Object> figures, List<String> suppressed) {
        long submitted() {
            return ((Number) figures.get("submitted")).longValue();
        }
    }

    static Row row(String report, String group, String period) {
        List<Map<String, Object>> rows = JsonPath.read(report, "$.rows");
        return rows.stream()
                .filter(row -> Objects.equals(row.get("group"), group)
                        && Objects.equals(row.get("period"), period))
                .findFirst()
                .map(row -> new Row((String) row.get("name"), (Map<String, Object>) row.get("figures"),
                        (List<String>) row.get("suppressed")))
                .orElseThrow(() -> new AssertionError("no row " + group + " " + period + " in " + report));
    }

    static String body(MvcTestResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    static String token(String user, String role, String organisation, Map<String, Object> claims) {
        return "Bearer " + TestTokens.token(user, List.of(role), organisation, claims);
    }
}
