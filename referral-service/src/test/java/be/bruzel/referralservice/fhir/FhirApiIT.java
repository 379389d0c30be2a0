package be.bruzel.referralservice.fhir;

import static be.bruzel.platform.fhir.FhirValidity.valid;
import static org.assertj.core.api.Assertions.assertThat;

import be.bruzel.platform.testing.DirectoryWorld;
import be.bruzel.platform.testing.ServiceIntegrationTest;
import be.bruzel.platform.testing.TestTokens;
import com.jayway.jsonpath.JsonPath;
import io.cloudevents.CloudEvent;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The FHIR API through the service's whole HTTP stack; every resource it answers is valid R4. */
@ServiceIntegrationTest
class FhirApiIT {

    private static final String GP = TestTokens.bearer("gp.jette", List.of("referrer"), null);
    private static final String FHIR_JSON = "application/fhir+json";

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
    void theCapabilityStatementIsOpenValidAndTellsOnlyWhatIsServed() {
        String capabilities = valid(mvc.get().uri("/fhir/R4/metadata").exchange(), HttpStatus.OK);

        assertThat((String) JsonPath.read(capabilities, "$.resourceType")).isEqualTo("CapabilityStatement");
        assertThat((String) JsonPath.read(capabilities, "$.fhirVersion")).isEqualTo("4.0.1");
        assertThat((String) JsonPath.read(capabilities, "$.implementation.url"))
                .isEqualTo("http://localhost:8080/fhir/R4");
        // OperationDefinition: HAPI describes its own operations ($meta and the like) there.
        assertThat((List<String>) JsonPath.read(capabilities, "$.rest[0].resource[*].type"))
                .containsExactlyInAnyOrder(
                        "CodeSystem",
                        "Communication",
                        "Consent",
                        "OperationDefinition",
                        "Patient",
                        "ServiceRequest",
                        "Subscription",
                        "Task");
        assertThat((List<String>)
                        JsonPath.read(capabilities, "$.rest[0].resource[?(@.type == 'Task')].interaction[*].code"))
                .containsExactlyInAnyOrder("read", "search-type", "update", "patch");
        assertThat((List<String>) JsonPath.read(
                        capabilities, "$.rest[0].resource[?(@.type == 'Subscription')].interaction[*].code"))
                .containsExactlyInAnyOrder("create", "read", "delete", "search-type");
        assertThat((List<String>) JsonPath.read(capabilities, "$.rest[0].interaction[*].code"))
                .contains("transaction");
        assertThat((List<String>) JsonPath.read(
                        capabilities, "$.rest[0].resource[?(@.type == 'CodeSystem')].interaction[*].code"))
                .containsExactlyInAnyOrder("read", "search-type");
    }

    @Test
    void theThemesAreACodeSystemInDutchWithFrenchAndEnglishDesignations() {
        String themes = valid(mvc.get().uri("/fhir/R4/CodeSystem/themes").exchange(), HttpStatus.OK);

        assertThat((String) JsonPath.read(themes, "$.url")).isEqualTo(ThemeCodeSystem.URL);
        assertThat((String) JsonPath.read(themes, "$.language")).isEqualTo("nl");
        assertThat((List<String>) JsonPath.read(themes, "$.concept[*].code")).contains("finances", "loneliness");
        assertThat((List<String>) JsonPath.read(themes, "$.concept[?(@.code == 'finances')].designation[*].language"))
                .containsExactly("fr", "en");
        Integer count = JsonPath.read(themes, "$.count");
        assertThat(count).isEqualTo(((List<?>) JsonPath.read(themes, "$.concept")).size());
    }

    @Test
    void theThemesAreFoundByTheirCanonicalUrlAndNothingByAnother() {
        String found = valid(
                mvc.get().uri("/fhir/R4/CodeSystem?url=" + ThemeCodeSystem.URL).exchange(), HttpStatus.OK);
        String none = valid(
                mvc.get()
                        .uri("/fhir/R4/CodeSystem?url=http://example.org/other")
                        .exchange(),
                HttpStatus.OK);

        assertThat((String) JsonPath.read(found, "$.type")).isEqualTo("searchset");
        assertThat((List<String>) JsonPath.read(found, "$.entry[*].resource.id"))
                .containsExactly("themes");
        assertThat((Integer) JsonPath.read(none, "$.total")).isZero();
    }

    @Test
    void anUnknownCodeSystemIsANotFoundOperationOutcome() {
        String outcome = valid(mvc.get().uri("/fhir/R4/CodeSystem/diagnoses").exchange(), HttpStatus.NOT_FOUND);

        assertThat((String) JsonPath.read(outcome, "$.resourceType")).isEqualTo("OperationOutcome");
    }

    @Test
    void whatIsNotServedIsAnOperationOutcomeAndChangesNothing() {
        long referrals =
                jdbc.sql("SELECT count(*) FROM referral").query(Long.class).single();

        MvcTestResult task = mvc.delete()
                .uri("/fhir/R4/Task/" + java.util.UUID.randomUUID())
                .header("Authorization", GP)
                .exchange();
        MvcTestResult observation = mvc.get()
                .uri("/fhir/R4/Observation/1")
                .header("Authorization", GP)
                .exchange();
        MvcTestResult written = mvc.post()
                .uri("/fhir/R4/CodeSystem")
                .header("Authorization", GP)
                .contentType(FHIR_JSON)
                .content("{\"resourceType\": \"CodeSystem\", \"status\": \"draft\", \"content\": \"complete\"}")
                .exchange();

        for (MvcTestResult notServed : List.of(task, observation, written)) {
            assertThat(notServed.getResponse().getStatus()).isBetween(400, 499);
            assertThat((String) JsonPath.read(
                            valid(
                                    notServed,
                                    HttpStatus.valueOf(notServed.getResponse().getStatus())),
                            "$.resourceType"))
                    .isEqualTo("OperationOutcome");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM referral").query(Long.class).single())
                .isEqualTo(referrals);
    }

    @Test
    void beyondWhatIsOpenATokenIsNeeded() {
        assertThat(mvc.get().uri("/fhir/R4/Task/" + java.util.UUID.randomUUID()))
                .hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.get().uri("/fhir/R4/Task/1").header("Authorization", "Bearer not.a.token"))
                .hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.get().uri("/fhir/R4/metadata")).hasStatus(HttpStatus.OK);
    }
}
