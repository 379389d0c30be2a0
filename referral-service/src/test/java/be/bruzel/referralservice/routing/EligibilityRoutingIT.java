package be.bruzel.referralservice.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import be.bruzel.platform.events.CloudEventCodec;
import be.bruzel.platform.events.DirectoryEvent;
import be.bruzel.platform.events.RoutingRuleChanged;
import be.bruzel.platform.events.ServiceChanged;
import be.bruzel.platform.events.ThemeChanged;
import be.bruzel.platform.events.Topics;
import be.bruzel.platform.testing.DirectoryWorld;
import be.bruzel.platform.testing.ServiceIntegrationTest;
import be.bruzel.platform.testing.TestTokens;
import be.bruzel.platform.testing.TopicProbe;
import com.jayway.jsonpath.JsonPath;
import io.cloudevents.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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
 * Routing from the service's own copy of the directory skips a service the person is certainly not eligible for:
 * in Jette, care at home goes to the OCMW's service for seniors first, then to CAW Noord, for everyone.
 */
@ServiceIntegrationTest
class EligibilityRoutingIT {

    private static final String GP = TestTokens.bearer("gp.jette", List.of("referrer"), null);
    private static final String THEME = "care-at-home";
    private static final String FOR_SENIORS = "ocmw-jette-thuiszorg";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaTemplate<String, CloudEvent> kafka;

    @BeforeEach
    void careAtHomeInJetteIsForSeniorsFirst() {
        DirectoryWorld.ensurePublished(kafka, jdbc);
        Instant at = Instant.parse("2026-01-02T00:00:00Z");
        CloudEventCodec codec = new CloudEventCodec("/directory-service");
        for (DirectoryEvent event : List.<DirectoryEvent>of(
                new ThemeChanged(UUID.randomUUID(), at, THEME, "Thuiszorg", "Aide à domicile", "Care at home", true),
                new ServiceChanged(
                        UUID.randomUUID(),
                        at,
                        FOR_SENIORS,
                        "ocmw-jette",
                        "Thuiszorg OCMW Jette",
                        "Aide à domicile CPAS Jette",
                        true,
                        List.of(THEME),
                        List.of("nl", "fr"),
                        List.of("MUNICIPALITY:21010"),
                        "OPEN",
                        null,
                        "thuiszorg@ocmw-jette.example",
                        null,
                        null,
                        null,
                        List.of("SENIORS")),
                new RoutingRuleChanged(
                        UUID.randomUUID(),
                        at,
                        "MUNICIPALITY",
                        "21010",
                        THEME,
                        List.of(FOR_SENIORS, DirectoryWorld.CAW_NOORD)))) {
            kafka.send(Topics.of(event), event.subject(), codec.encode(event));
        }
        kafka.flush();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("""
                        SELECT count(*) FROM directory_routing_rule r JOIN directory_service s
                            ON s.service_id = :service AND s.target_groups = '{SENIORS}'
                        WHERE r.theme_code = :theme
                        """)
                                .param("service", FOR_SENIORS)
                                .param("theme", THEME)
                                .query(Long.class)
                                .single()
                        == 1);
    }

    @Test
    void aPersonBornIn1990IsNotSentToTheServiceForSeniorsButToTheNextOne() throws Exception {
        String id = created(submit("\"yearOfBirth\": 1990, \"facts\": {\"LIVES_ALONE\": true}", null, "nl"));

        String view = body(mvc.get()
                .uri("/api/referrals/" + id)
                .header(HttpHeaders.AUTHORIZATION, GP)
                .exchange());

        assertThat(JsonPath.<String>read(view, "$.receiver.serviceId")).isEqualTo(DirectoryWorld.CAW_NOORD);
        assertThat(JsonPath.<List<String>>read(view, "$.routing[0].decision.considered[*].verdict"))
                .startsWith("SKIPPED_NOT_ELIGIBLE", "CHOSEN");
        assertThat(JsonPath.<Integer>read(view, "$.person.yearOfBirth")).isEqualTo(1990);
        assertThat(JsonPath.<Boolean>read(view, "$.person.facts.LIVES_ALONE")).isTrue();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !TopicProbe.payloadsOf(Topics.REFERRAL_EVENTS, id).isEmpty());
        assertThat(TopicProbe.payloadsOf(Topics.REFERRAL_EVENTS, id))
                .as("the year of birth and the facts are personal data: never on Kafka")
                .noneMatch(payload ->
                        payload.contains("1990") || payload.contains("LIVES_ALONE") || payload.contains("yearOfBirth"));
    }

    @Test
    void aSeniorAndAPersonWhoseAgeIsNotKnownGoToTheServiceForSeniors() throws Exception {
        assertThat(receiverOf(created(submit("\"yearOfBirth\": 1950", null, "nl"))))
                .isEqualTo(FOR_SENIORS);
        assertThat(receiverOf(created(submit("\"facts\": {\"HAS_CHILDREN\": true}", null, "nl"))))
                .isEqualTo(FOR_SENIORS);
    }

    @Test
    void sayingThePersonIsUnder65IsEnoughToGoPastTheServiceForSeniors() throws Exception {
        assertThat(receiverOf(created(submit("\"facts\": {\"AGED_65_PLUS\": false}", null, "nl"))))
                .isEqualTo(DirectoryWorld.CAW_NOORD);
    }

    @Test
    void theReferrerCannotChooseTheServiceForSeniorsForAYoungerPersonAndNothingIsStored() {
        long before = referrals();

        MvcTestResult refused = submit("\"yearOfBirth\": 1990", FOR_SENIORS, "nl");

        assertThat(refused).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused).bodyJson().extractingPath("$.errors[0].field").isEqualTo("choices." + THEME);
        assertThat(referrals()).isEqualTo(before);
    }

    @Test
    void aYearOfBirthInTheFutureOrAnUnknownFactIsRefusedNamingTheFieldAndNothingIsStored() {
        long before = referrals();

        MvcTestResult future = submit("\"yearOfBirth\": 2099", null, "nl");
        MvcTestResult unknownFact = submit("\"facts\": {\"RICH\": true}", null, "en");
        MvcTestResult tooOld = submit("\"yearOfBirth\": 1800", null, "en");

        assertThat(future).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().satisfies(json -> {
            json.assertThat().extractingPath("$.errors[0].field").isEqualTo("person.yearOfBirth");
            json.assertThat().extractingPath("$.detail").isEqualTo("Het geboortejaar 2099 ligt in de toekomst.");
        });
        assertThat(unknownFact)
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .asString()
                .startsWith("person.facts");
        assertThat(tooOld)
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("person.yearOfBirth");
        assertThat(referrals()).isEqualTo(before);
    }

    private MvcTestResult submit(String aboutThePerson, String chosen, String language) {
        String choices = chosen == null ? "" : ", \"choices\": {\"" + THEME + "\": \"" + chosen + "\"}";
        return mvc.post()
                .uri("/api/referrals")
                .header(HttpHeaders.AUTHORIZATION, GP)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header(HttpHeaders.ACCEPT_LANGUAGE, language)
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"person": {"name": "%s Janssens", "phone": "0470 11 22 33", "preferredLanguage": "nl",
                                    "postcode": "1090", %s},
                         "themes": ["%s"], "question": "Hulp thuis."%s,
                         "consent": {"given": true, "method": "ORAL", "givenAt": "2026-01-05T10:00:00Z"}}""".formatted(UUID.randomUUID(), aboutThePerson, THEME, choices))
                .exchange();
    }

    private String receiverOf(String id) throws Exception {
        return JsonPath.read(
                body(mvc.get()
                        .uri("/api/referrals/" + id)
                        .header(HttpHeaders.AUTHORIZATION, GP)
                        .exchange()),
                "$.receiver.serviceId");
    }

    private long referrals() {
        return jdbc.sql("SELECT count(*) FROM referral").query(Long.class).single();
    }

    private static String created(MvcTestResult result) throws Exception {
        String body = body(result);
        assertThat(result.getResponse().getStatus()).as(body).isEqualTo(201);
        return JsonPath.read(body, "$.referrals[0].id");
    }

    private static String body(MvcTestResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
