package be.bruzel.referralservice.logged;

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
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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

/** A referrer logs a referral made outside the platform, on real PostgreSQL and Kafka: it counts, nothing more. */
@ServiceIntegrationTest
class LoggedReferralsIT {

    private static final String GP = TestTokens.bearer("gp.logger", List.of("referrer"), null);
    private static final String OTHER_GP = TestTokens.bearer("gp.schaerbeek", List.of("referrer"), null);
    private static final String WORKER = TestTokens.bearer("worker.ocmw", List.of("organisation-worker"), "ocmw-jette");
    private static final String ANALYST = TestTokens.bearer("analyst.bruzel", List.of("analyst"), null);
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Brussels"));

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaTemplate<String, CloudEvent> kafka;

    @BeforeEach
    void directoryIsKnown() {
        DirectoryWorld.ensurePublished(kafka, jdbc);
    }

    @Test
    void aReferralMadeByPhoneIsLoggedAndAnnouncedForTheStatisticsWithNothingOfThePerson() throws Exception {
        MvcTestResult logged = log(
                GP,
                logging(
                        TODAY.minusDays(3),
                        "PHONE",
                        "[\"housing\", \"finances\", \"housing\"]",
                        "1090",
                        null,
                        "\"caw-brussel\""));

        assertThat(logged).hasStatus(HttpStatus.CREATED);
        String body = body(logged);
        String id = JsonPath.read(body, "$.id");
        assertThat(JsonPath.<Map<String, Object>>read(body, "$"))
                .containsEntry("madeOn", TODAY.minusDays(3).toString())
                .containsEntry("channel", "PHONE")
                .containsEntry("themes", List.of("housing", "finances"))
                .containsEntry("municipalityNis", "21010")
                .containsEntry("careZone", "noord")
                .containsEntry("organisationId", "caw-brussel");
        assertThat(count("SELECT count(*) FROM logged_referral WHERE id = '" + id + "'"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM referral WHERE id = '" + id + "'"))
                .as("not a referral of the platform: nobody receives it")
                .isZero();

        await().atMost(Duration.ofSeconds(20)).until(() -> !recordsOf(id).isEmpty());
        ConsumerRecord<String, CloudEvent> record = recordsOf(id).getFirst();
        assertThat(record.value().getType()).isEqualTo("referral.logged.v1");
        String event = new String(record.value().getData().toBytes(), StandardCharsets.UTF_8);
        assertThat(JsonPath.<Map<String, Object>>read(event, "$"))
                .containsEntry("madeOn", TODAY.minusDays(3).toString())
                .containsEntry("channel", "PHONE")
                .containsEntry("careZoneCode", "noord")
                .containsEntry("receivingOrganisationId", "caw-brussel")
                .containsEntry("referrerId", "gp.logger")
                .doesNotContainKeys("postcode", "person", "name");

        assertThat(mvc.get().uri("/api/referrals/logged/" + id).header(HttpHeaders.AUTHORIZATION, GP))
                .hasStatusOk();
        String mine = body(mvc.get()
                .uri("/api/referrals/logged?size=100")
                .header(HttpHeaders.AUTHORIZATION, GP)
                .exchange());
        assertThat(JsonPath.<List<String>>read(mine, "$.items[*].id")).contains(id);
    }

    @Test
    void whereTheOrganisationIsNotKnownAndThePostcodeIsSharedTheMunicipalitySays() throws Exception {
        MvcTestResult logged = log(GP, logging(TODAY, "PAPER", "[\"loneliness\"]", "1040", "\"21005\"", null));

        assertThat(logged).hasStatus(HttpStatus.CREATED);
        Map<String, Object> view = JsonPath.read(body(logged), "$");
        assertThat(view).containsEntry("municipalityNis", "21005").containsEntry("careZone", "zuidoost");
        assertThat(view.get("organisationId")).isNull();
    }

    @Test
    void badInputIsAProblemNamingTheFieldInTheCallersLanguageAndStoresNothing() {
        long before = count("SELECT count(*) FROM logged_referral");
        Map<String, String> refused = Map.of(
                "madeOn", logging(TODAY.plusDays(1), "PHONE", "[\"housing\"]", "1090", null, null),
                "madeOn ", logging(TODAY.minusYears(2), "PHONE", "[\"housing\"]", "1090", null, null),
                "channel", logging(TODAY, "FAX", "[\"housing\"]", "1090", null, null),
                "themes", logging(TODAY, "PHONE", "[\"astrology\"]", "1090", null, null),
                "postcode", logging(TODAY, "PHONE", "[\"housing\"]", "9000", null, null),
                "municipality", logging(TODAY, "PHONE", "[\"housing\"]", "1040", null, null),
                "organisationId", logging(TODAY, "PHONE", "[\"housing\"]", "1090", null, "\"no-such-organisation\""));

        refused.forEach((field, body) -> {
            MvcTestResult result = mvc.post()
                    .uri("/api/referrals/logged")
                    .header(HttpHeaders.AUTHORIZATION, GP)
                    .header(HttpHeaders.ACCEPT_LANGUAGE, "nl")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body)
                    .exchange();
            assertThat(result)
                    .as(field)
                    .hasStatus(HttpStatus.BAD_REQUEST)
                    .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo(field.strip());
        });
        assertThat(count("SELECT count(*) FROM logged_referral")).isEqualTo(before);
    }

    @Test
    void onlyAReferrerLogsAndSeesOnlyTheirOwn() throws Exception {
        long before = count("SELECT count(*) FROM logged_referral");
        String body = logging(TODAY, "PHONE", "[\"housing\"]", "1090", null, null);
        for (String refused : List.of(WORKER, ANALYST)) {
            assertThat(log(refused, body))
                    .hasStatus(HttpStatus.FORBIDDEN)
                    .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(mvc.get().uri("/api/referrals/logged").header(HttpHeaders.AUTHORIZATION, refused))
                    .hasStatus(HttpStatus.FORBIDDEN);
        }
        assertThat(mvc.post()
                        .uri("/api/referrals/logged")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(count("SELECT count(*) FROM logged_referral")).isEqualTo(before);

        String id = JsonPath.read(body(log(GP, body)), "$.id");

        assertThat(mvc.get().uri("/api/referrals/logged/" + id).header(HttpHeaders.AUTHORIZATION, OTHER_GP))
                .hasStatus(HttpStatus.NOT_FOUND);
        String theirs = body(mvc.get()
                .uri("/api/referrals/logged")
                .header(HttpHeaders.AUTHORIZATION, OTHER_GP)
                .exchange());
        assertThat(JsonPath.<List<String>>read(theirs, "$.items[*].id")).doesNotContain(id);
    }

    private static String logging(
            LocalDate madeOn,
            String channel,
            String themes,
            String postcode,
            String municipality,
            String organisation) {
        return """
                {"madeOn": "%s", "channel": "%s", "themes": %s, "postcode": "%s", "municipality": %s,
                 "organisationId": %s}""".formatted(madeOn, channel, themes, postcode, municipality, organisation);
    }

    private MvcTestResult log(String token, String body) {
        return mvc.post()
                .uri("/api/referrals/logged")
                .header(HttpHeaders.AUTHORIZATION, token)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    private static String body(MvcTestResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static List<ConsumerRecord<String, CloudEvent>> recordsOf(String id) {
        return TopicProbe.cloudEvents(Topics.REFERRAL_EVENTS).stream()
                .filter(record -> id.equals(record.key()))
                .toList();
    }
}
