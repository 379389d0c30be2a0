package be.bruzel.directoryservice.routing;

import static be.bruzel.directoryservice.DirectoryFixtures.GP;
import static be.bruzel.directoryservice.DirectoryFixtures.eventsOn;
import static be.bruzel.directoryservice.DirectoryFixtures.strings;
import static be.bruzel.directoryservice.DirectoryFixtures.theme;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import be.bruzel.directoryservice.DirectoryFixtures;
import be.bruzel.platform.events.RoutingRuleChanged;
import be.bruzel.platform.events.Topics;
import be.bruzel.platform.testing.ServiceIntegrationTest;
import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Each test routes on a theme of its own, so the demo's rules and other tests stay out of its way. */
@ServiceIntegrationTest
class RoutingIT {

    @Autowired
    MockMvcTester mvc;

    String theme;
    String organisationId;

    @BeforeEach
    void aThemeAndAnOrganisationOfTheTestsOwn() {
        theme = DirectoryFixtures.addTheme(mvc);
        organisationId = DirectoryFixtures.addOrganisation(mvc);
    }

    @Test
    void theMunicipalRuleComesFirstThenTheZoneThenTheRegionThenTheHelpdesk() throws Exception {
        String local = service("local", "OPEN", "nl", "fr");
        String zone = service("zone", "OPEN", "nl", "fr");
        String region = service("region", "OPEN", "nl", "fr");

        assertThat(routeFromJette()).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.helpdeskFallback").isEqualTo(true);
            assertThat(json).extractingPath("$.careZone.code").isEqualTo("noord");
            assertThat(json).extractingPath("$.careZone.helpdesk.email").isEqualTo("helpdesk.noord@bruzel.example");
            assertThat(json)
                    .extractingPath("$.considered[*].verdict")
                    .asArray()
                    .containsExactly("NO_RULE", "NO_RULE", "NO_RULE");
        });

        rule("REGION", "bruzel", region);
        assertThat(chosenFromJette()).isEqualTo(region);
        rule("CARE_ZONE", "noord", zone);
        assertThat(chosenFromJette()).isEqualTo(zone);
        rule("MUNICIPALITY", "21010", local);
        assertThat(routeFromJette()).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.chosen.serviceId").isEqualTo(local);
            assertThat(json).extractingPath("$.chosen.intakeEmail").isEqualTo("onthaal@" + organisationId + ".example");
            assertThat(json).extractingPath("$.helpdeskFallback").isEqualTo(false);
            assertThat(json)
                    .extractingPath("$.considered[*].verdict")
                    .asArray()
                    .containsExactly("CHOSEN", "NOT_NEEDED", "NOT_NEEDED");
        });
    }

    @Test
    void aDistrictRuleComesBeforeTheRuleOfItsMunicipality() {
        String haren = service("haren", "OPEN", "nl");
        String brussel = service("brussel", "OPEN", "nl");
        rule("MUNICIPALITY", "21004", brussel);
        rule("AREA", "21004-haren", haren);

        assertThat(route("postcode=1130&language=nl")).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.chosen.serviceId").isEqualTo(haren);
            assertThat(json).extractingPath("$.place.careZoneCode").isEqualTo("noord");
            assertThat(json).extractingPath("$.considered[0].level").isEqualTo("AREA");
        });
        assertThat(route("postcode=1000&language=nl"))
                .bodyJson()
                .extractingPath("$.chosen.serviceId")
                .isEqualTo(brussel);
    }

    @Test
    void fullPausedAndWrongLanguageServicesAreSkippedWithTheReason() {
        String full = service("full", "FULL", "nl", "fr");
        String paused = service("paused", "PAUSED", "nl", "fr");
        String dutchOnly = service("dutch", "OPEN", "nl");
        String bilingual = service("bilingual", "OPEN", "nl", "fr");
        rule("MUNICIPALITY", "21010", full, paused, dutchOnly, bilingual);

        assertThat(route("postcode=1090&language=fr")).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.chosen.serviceId").isEqualTo(bilingual);
            assertThat(json)
                    .extractingPath("$.considered[*].verdict")
                    .asArray()
                    .containsExactly(
                            "SKIPPED_FULL", "SKIPPED_PAUSED", "SKIPPED_LANGUAGE", "CHOSEN", "NO_RULE", "NO_RULE");
        });
        assertThat(route("postcode=1090&language=ar")).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.chosen.serviceId").isEqualTo(dutchOnly);
            assertThat(json).extractingPath("$.considered[2].verdict").isEqualTo("CHOSEN_DESPITE_LANGUAGE");
        });
    }

    @Test
    void whenEveryServiceIsFullTheHelpdeskOfTheZoneReceivesTheReferral() {
        rule("MUNICIPALITY", "21010", service("full", "FULL", "nl"));

        assertThat(routeFromJette()).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.helpdeskFallback").isEqualTo(true);
            assertThat(json).doesNotHavePath("$.chosen");
        });
    }

    @Test
    void theRuleChangeIsPublishedKeyedByPlaceAndTheme() {
        String local = service("local", "OPEN", "nl");
        rule("MUNICIPALITY", "21010", local);

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(eventsOn(
                                Topics.DIRECTORY_ROUTING_RULES,
                                RoutingRuleChanged.class,
                                "MUNICIPALITY:21010:" + theme))
                        .singleElement()
                        .extracting(RoutingRuleChanged::serviceIds)
                        .isEqualTo(List.of(local)));
    }

    @Test
    void aRuleNamingAServiceThatDoesNotOfferTheThemeIsRefused() {
        assertThat(write(
                        "PUT",
                        "/api/directory/routing-rules/MUNICIPALITY/21010/" + theme,
                        "{\"serviceIds\": [\"ocmw-jette-sociale-dienst\"]}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("serviceIds");
        assertThat(write("PUT", "/api/directory/routing-rules/AREA/21010/" + theme, "{\"serviceIds\": []}"))
                .as("Jette is a whole municipality, not a district")
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void thePostcodeTrapsAreAnsweredOrAskedAbout() {
        assertThat(route("postcode=1040"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.errors[0].field").isEqualTo("municipality");
                    assertThat(json)
                            .extractingPath("$.detail")
                            .asString()
                            .contains("21004")
                            .contains("21005");
                });
        assertThat(route("postcode=1040&municipality=21005"))
                .bodyJson()
                .extractingPath("$.place.careZoneCode")
                .isEqualTo("zuidoost");
        assertThat(route("postcode=1050&municipality=21004"))
                .bodyJson()
                .extractingPath("$.place.areaId")
                .isEqualTo("21004-louizawijk");
        assertThat(route("postcode=1050&municipality=21009"))
                .bodyJson()
                .extractingPath("$.place.careZoneCode")
                .isEqualTo("zuid");
        assertThat(route("postcode=1020"))
                .bodyJson()
                .extractingPath("$.place.areaId")
                .isEqualTo("21004-laken");
        assertThat(route("postcode=1000"))
                .bodyJson()
                .extractingPath("$.place.careZoneCode")
                .isEqualTo("centrum-west");
        assertThat(route("postcode=1090&municipality=21005"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("municipality");
        assertThat(route("postcode=9999"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("postcode");
    }

    @Test
    void inTheDemoANeedWithoutAnyServiceIsAnUnmetNeedForTheHelpdesk() {
        assertThat(mvc.get()
                        .uri("/api/directory/routing?postcode=1160&theme=work&language=nl")
                        .header(HttpHeaders.AUTHORIZATION, GP))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.helpdeskFallback").isEqualTo(true);
                    assertThat(json).extractingPath("$.careZone.code").isEqualTo("zuidoost");
                });
        assertThat(mvc.get()
                        .uri("/api/directory/routing?postcode=1090&theme=finances&language=fr")
                        .header(HttpHeaders.AUTHORIZATION, GP))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.chosen.organisationId")
                .isEqualTo("ocmw-jette");
    }

    @Test
    void everyCandidateComesWithWhatAReferrerNeedsToChooseIt() {
        assertThat(mvc.get()
                        .uri("/api/directory/routing?postcode=1090&theme=finances&language=fr")
                        .header(HttpHeaders.AUTHORIZATION, GP))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.chosen.serviceId").isEqualTo("ocmw-jette-schuldbemiddeling");
                    assertThat(json).extractingPath("$.considered[0].choosable").isEqualTo(true);
                    assertThat(json)
                            .extractingPath("$.considered[0].details.descriptionFr")
                            .asString()
                            .isNotBlank();
                    assertThat(json)
                            .extractingPath("$.considered[0].details.phone")
                            .asString()
                            .startsWith("+32 2");
                    assertThat(json)
                            .extractingPath("$.considered[0].details.location.postcode")
                            .isEqualTo("1090");
                    assertThat(json)
                            .extractingPath("$.considered[0].details.openingHours[0].weekday")
                            .isEqualTo(1);
                    assertThat(json)
                            .extractingPath("$.considered[0].details.languages")
                            .asArray()
                            .contains("fr");
                    assertThat(json)
                            .extractingPath("$.considered[?(@.choosable == true)].serviceId")
                            .asArray()
                            .as("the other services the rules name that can take it")
                            .contains("ocmw-jette-sociale-dienst", "voedselhulp-jette-sociale-kruidenier");
                });
    }

    private String service(String name, String capacity, String... languages) {
        return DirectoryFixtures.addService(mvc, organisationId, theme, name, capacity, languages);
    }

    private void rule(String kind, String code, String... serviceIds) {
        assertThat(write(
                        "PUT",
                        "/api/directory/routing-rules/" + kind + "/" + code + "/" + theme,
                        "{\"serviceIds\": " + strings(List.of(serviceIds)) + "}"))
                .hasStatusOk();
    }

    private String chosenFromJette() throws Exception {
        return JsonPath.read(routeFromJette().getResponse().getContentAsString(), "$.chosen.serviceId");
    }

    private MvcTestResult routeFromJette() {
        return route("postcode=1090&language=nl");
    }

    private MvcTestResult route(String query) {
        return mvc.get()
                .uri("/api/directory/routing?theme=" + theme + "&" + query)
                .header(HttpHeaders.AUTHORIZATION, GP)
                .exchange();
    }

    private MvcTestResult write(String method, String uri, String body) {
        return DirectoryFixtures.asAdministrator(mvc, method, uri, body);
    }
}
