package be.bruzel.directoryservice.routing;

import static be.bruzel.directoryservice.DirectoryFixtures.GP;
import static be.bruzel.directoryservice.DirectoryFixtures.eventsOn;
import static be.bruzel.directoryservice.DirectoryFixtures.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import be.bruzel.directoryservice.DirectoryFixtures;
import be.bruzel.platform.events.ServiceChanged;
import be.bruzel.platform.events.Topics;
import be.bruzel.platform.testing.ServiceIntegrationTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Who a service is for, and routing that skips it for a person who is certainly not among them. */
@ServiceIntegrationTest
class EligibilityIT {

    @Autowired
    MockMvcTester mvc;

    String theme;
    String organisationId;
    String forSeniors;
    String forEveryone;

    @BeforeEach
    void aServiceForSeniorsBeforeOneForEveryone() {
        theme = DirectoryFixtures.addTheme(mvc);
        organisationId = DirectoryFixtures.addOrganisation(mvc);
        forSeniors = organisationId + "-seniors";
        assertThat(DirectoryFixtures.asAdministrator(
                        mvc,
                        "POST",
                        "/api/directory/services",
                        withEligibility(forSeniors, "{\"targetGroups\": [\"SENIORS\"]}")))
                .hasStatus(HttpStatus.CREATED);
        forEveryone = DirectoryFixtures.addService(mvc, organisationId, theme, "everyone", "OPEN", "nl");
        assertThat(DirectoryFixtures.asAdministrator(
                        mvc,
                        "PUT",
                        "/api/directory/routing-rules/MUNICIPALITY/21010/" + theme,
                        "{\"serviceIds\": " + strings(List.of(forSeniors, forEveryone)) + "}"))
                .hasStatusOk();
    }

    @Test
    void aServiceForSeniorsIsSkippedForAPersonBornIn1990AndTheExplanationSaysWhoItIsFor() {
        assertThat(route("&yearOfBirth=1990")).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.chosen.serviceId").isEqualTo(forEveryone);
            assertThat(json).extractingPath("$.considered[0].verdict").isEqualTo("SKIPPED_NOT_ELIGIBLE");
            assertThat(json).extractingPath("$.considered[0].choosable").isEqualTo(false);
            assertThat(json)
                    .extractingPath("$.considered[0].eligibility.targetGroups")
                    .asArray()
                    .containsExactly("SENIORS");
            assertThat(json).extractingPath("$.considered[1].verdict").isEqualTo("CHOSEN");
        });
    }

    @Test
    void aSeniorOrAPersonOfWhomNothingIsKnownGoesToTheServiceForSeniors() {
        assertThat(route("&yearOfBirth=1950"))
                .bodyJson()
                .extractingPath("$.chosen.serviceId")
                .isEqualTo(forSeniors);
        assertThat(route("")).bodyJson().extractingPath("$.chosen.serviceId").isEqualTo(forSeniors);
        assertThat(route("&factsTrue=AGED_65_PLUS"))
                .bodyJson()
                .extractingPath("$.chosen.serviceId")
                .isEqualTo(forSeniors);
        assertThat(route("&factsFalse=AGED_65_PLUS"))
                .bodyJson()
                .extractingPath("$.chosen.serviceId")
                .isEqualTo(forEveryone);
    }

    @Test
    void whoAServiceIsForTravelsWithItsEvent() {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !eventsOn(Topics.DIRECTORY_SERVICES, ServiceChanged.class, forSeniors)
                        .isEmpty());
        ServiceChanged changed = eventsOn(Topics.DIRECTORY_SERVICES, ServiceChanged.class, forSeniors)
                .getLast();
        assertThat(changed.targetGroups()).containsExactly("SENIORS");
        assertThat(changed.minimumAge()).isNull();
        assertThat(eventsOn(Topics.DIRECTORY_SERVICES, ServiceChanged.class, forEveryone))
                .allSatisfy(event -> assertThat(event.targetGroups()).isEmpty());
    }

    @Test
    void anAgeRangeUpsideDownIsRefusedNamingTheFieldAndNothingIsStored() {
        String id = organisationId + "-upside-down";

        MvcTestResult refused = mvc.post()
                .uri("/api/directory/services")
                .header(HttpHeaders.AUTHORIZATION, DirectoryFixtures.ADMIN)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "nl")
                .contentType(MediaType.APPLICATION_JSON)
                .content(withEligibility(id, "{\"minimumAge\": 70, \"maximumAge\": 60}"))
                .exchange();

        assertThat(refused).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.errors[0].field").isEqualTo("eligibility.ageRangeInOrder");
            assertThat(json)
                    .extractingPath("$.errors[0].message")
                    .isEqualTo("De minimumleeftijd kan niet hoger zijn dan de maximumleeftijd.");
        });
        assertThat(service(id)).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void anUnknownTargetGroupOrAnAgeOutOfRangeIsRefused() {
        String id = organisationId + "-unknown-group";

        assertThat(DirectoryFixtures.asAdministrator(
                        mvc,
                        "POST",
                        "/api/directory/services",
                        withEligibility(id, "{\"targetGroups\": [\"PENSIONERS\"]}")))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .asString()
                .startsWith("eligibility.targetGroups");
        assertThat(DirectoryFixtures.asAdministrator(
                        mvc, "POST", "/api/directory/services", withEligibility(id, "{\"maximumAge\": 300}")))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("eligibility.maximumAge");
        assertThat(service(id)).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void aFactSaidBothTrueAndFalseOrAnUnknownFactIsABadRequest() {
        assertThat(route("&factsTrue=HAS_CHILDREN&factsFalse=HAS_CHILDREN"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("factsFalse");
        assertThat(route("&factsTrue=RICH")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(route("&yearOfBirth=1850")).hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void onlyAnAdministratorSaysWhoAServiceIsFor() {
        String id = organisationId + "-by-a-gp";

        assertThat(mvc.post()
                        .uri("/api/directory/services")
                        .header(HttpHeaders.AUTHORIZATION, GP)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(withEligibility(id, "{\"minimumAge\": 65}")))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri("/api/directory/services")
                        .header(HttpHeaders.AUTHORIZATION, DirectoryFixtures.WORKER)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(withEligibility(id, "{\"minimumAge\": 65}")))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(service(id)).hasStatus(HttpStatus.NOT_FOUND);
    }

    private String withEligibility(String id, String eligibility) {
        String service = DirectoryFixtures.service(
                id,
                organisationId,
                id,
                id,
                List.of(theme),
                List.of("nl"),
                List.of("REGION:bruzel"),
                "{\"status\": \"OPEN\"}");
        return service.substring(0, service.lastIndexOf('}')) + ", \"eligibility\": " + eligibility + "}";
    }

    private MvcTestResult service(String id) {
        return mvc.get()
                .uri("/api/directory/services/" + id)
                .header(HttpHeaders.AUTHORIZATION, GP)
                .exchange();
    }

    private MvcTestResult route(String query) {
        return mvc.get()
                .uri("/api/directory/routing?postcode=1090&language=nl&theme=" + theme + query)
                .header(HttpHeaders.AUTHORIZATION, GP)
                .exchange();
    }
}
