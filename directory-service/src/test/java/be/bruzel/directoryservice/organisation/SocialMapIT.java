package be.bruzel.directoryservice.organisation;

import static be.bruzel.directoryservice.DirectoryFixtures.ADMIN;
import static be.bruzel.directoryservice.DirectoryFixtures.GP;
import static be.bruzel.directoryservice.DirectoryFixtures.eventsOn;
import static be.bruzel.directoryservice.DirectoryFixtures.organisation;
import static be.bruzel.directoryservice.DirectoryFixtures.service;
import static be.bruzel.directoryservice.DirectoryFixtures.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import be.bruzel.platform.events.ServiceChanged;
import be.bruzel.platform.events.Topics;
import be.bruzel.platform.testing.ServiceIntegrationTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.assertj.MvcTestResultAssert;

@ServiceIntegrationTest
class SocialMapIT {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void organisationsComeAPageAtATimeAndAFullPageLinksToTheNext() throws Exception {
        MvcTestResult first = mvc.get()
                .uri("/api/directory/organisations?size=2")
                .header(HttpHeaders.AUTHORIZATION, GP)
                .exchange();
        MvcTestResult second = mvc.get()
                .uri("/api/directory/organisations?size=2&page=1")
                .header(HttpHeaders.AUTHORIZATION, GP)
                .exchange();

        assertThat(first).hasStatusOk().bodyJson().extractingPath("$.length()").isEqualTo(2);
        assertThat(first)
                .headers()
                .hasValue(HttpHeaders.LINK, "</api/directory/organisations?size=2&page=1>; rel=\"next\"");
        assertThat(second)
                .bodyJson()
                .extractingPath("$[0].id")
                .isNotEqualTo(com.jayway.jsonpath.JsonPath.read(
                        first.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8), "$[0].id"));
        assertThat(mvc.get().uri("/api/directory/organisations?size=501").header(HttpHeaders.AUTHORIZATION, GP))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("size");
    }

    @Test
    void anAdministratorAddsAnOrganisationAndItsServiceWhichIsAuditedAndPublished() {
        String organisationId = uniqueId("buurtwerk");
        String serviceId = organisationId + "-onthaal";

        post("/api/directory/organisations", organisation(organisationId)).hasStatus(HttpStatus.CREATED);
        post(
                        "/api/directory/services",
                        service(
                                serviceId,
                                organisationId,
                                "Onthaal buurtwerk",
                                "Accueil quartier",
                                List.of("loneliness", "housing"),
                                List.of("nl", "fr"),
                                List.of("MUNICIPALITY:21010"),
                                "{\"status\": \"OPEN\"}"))
                .hasStatus(HttpStatus.CREATED)
                .bodyJson()
                .extractingPath("$.version")
                .isEqualTo(0);

        assertThat(mvc.get().uri("/api/directory/services/" + serviceId).header(HttpHeaders.AUTHORIZATION, GP))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json)
                            .extractingPath("$.themes")
                            .asArray()
                            .containsExactlyInAnyOrder("loneliness", "housing");
                    assertThat(json).extractingPath("$.serviceAreas[0].code").isEqualTo("21010");
                    assertThat(json).extractingPath("$.openingHours[0].opensAt").isEqualTo("09:00:00");
                });
        assertThat(jdbc.sql("SELECT action FROM audit_entry WHERE subject_id IN (:ids) ORDER BY id")
                        .param("ids", List.of(organisationId, serviceId))
                        .query(String.class)
                        .list())
                .containsExactly("organisation.added", "service.added");
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(eventsOn(Topics.DIRECTORY_SERVICES, ServiceChanged.class, serviceId))
                        .singleElement()
                        .satisfies(event -> {
                            assertThat(event.organisationId()).isEqualTo(organisationId);
                            assertThat(event.serviceAreas()).containsExactly("MUNICIPALITY:21010");
                            assertThat(event.capacity()).isEqualTo("OPEN");
                        }));
    }

    @Test
    void aServiceOnAnUnknownThemeOrPlaceIsRefusedNamingTheFieldAndNothingIsStored() {
        String organisationId = uniqueId("vzw");
        post("/api/directory/organisations", organisation(organisationId)).hasStatus(HttpStatus.CREATED);

        assertThat(mvc.post()
                        .uri("/api/directory/services")
                        .header(HttpHeaders.AUTHORIZATION, ADMIN)
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "nl")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(service(
                                organisationId + "-a",
                                organisationId,
                                "A",
                                "A",
                                List.of("teleportation"),
                                List.of("nl"),
                                List.of("MUNICIPALITY:21010"),
                                "{\"status\": \"OPEN\"}")))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.errors[0].field").isEqualTo("themes");
                    assertThat(json).extractingPath("$.detail").asString().contains("teleportation");
                });
        post(
                        "/api/directory/services",
                        service(
                                organisationId + "-b",
                                organisationId,
                                "B",
                                "B",
                                List.of("housing"),
                                List.of("nl"),
                                List.of("AREA:21010"),
                                "{\"status\": \"OPEN\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("serviceAreas");
        post(
                        "/api/directory/services",
                        service(
                                organisationId + "-c",
                                organisationId,
                                "C",
                                "C",
                                List.of("housing"),
                                List.of("nl"),
                                List.of("MUNICIPALITY:21010"),
                                "{\"status\": \"OPEN\", \"fullUntil\": \"2027-01-01\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .asString()
                .startsWith("capacity");

        assertThat(jdbc.sql("SELECT count(*) FROM service WHERE organisation_id = :id")
                        .param("id", organisationId)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aChangeBasedOnAStaleVersionIsAConflictAndTheFirstWriterWins() {
        String organisationId = uniqueId("ldc");
        String serviceId = organisationId + "-ontmoeting";
        post("/api/directory/organisations", organisation(organisationId)).hasStatus(HttpStatus.CREATED);
        String body = service(
                serviceId,
                organisationId,
                "Ontmoeting",
                "Rencontre",
                List.of("loneliness"),
                List.of("nl"),
                List.of("CARE_ZONE:noord"),
                "{\"status\": \"OPEN\"}");
        post("/api/directory/services", body).hasStatus(HttpStatus.CREATED);
        String readAtVersionZero =
                body.replace("\"nameNl\": \"Ontmoeting\"", "\"version\": 0, \"nameNl\": \"Ontmoeting\"");

        assertThat(put("/api/directory/services/" + serviceId, readAtVersionZero.replace("Rencontre", "Rencontres")))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.version")
                .isEqualTo(1);
        assertThat(put("/api/directory/services/" + serviceId, readAtVersionZero.replace("Rencontre", "Réunion")))
                .hasStatus(HttpStatus.CONFLICT)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(jdbc.sql("SELECT name_fr FROM service WHERE id = :id")
                        .param("id", serviceId)
                        .query(String.class)
                        .single())
                .isEqualTo("Rencontres");
    }

    @Test
    void theLanguageAServicesIntakeMailboxReadsIsKeptAndPublishedAndOnlyDutchOrFrenchIsAccepted() {
        String organisationId = uniqueId("epicerie");
        post("/api/directory/organisations", organisation(organisationId)).hasStatus(HttpStatus.CREATED);
        String french = organisationId + "-onthaal";
        String german = organisationId + "-empfang";

        post("/api/directory/services", withIntakeLanguage(french, organisationId, "fr"))
                .hasStatus(HttpStatus.CREATED);
        post("/api/directory/services", withIntakeLanguage(german, organisationId, "de"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("intake.language");

        assertThat(mvc.get().uri("/api/directory/services/" + french).header(HttpHeaders.AUTHORIZATION, GP))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.intake.language")
                .isEqualTo("fr");
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(eventsOn(Topics.DIRECTORY_SERVICES, ServiceChanged.class, french))
                        .singleElement()
                        .extracting(ServiceChanged::intakeLanguage)
                        .isEqualTo("fr"));
        assertThat(jdbc.sql("SELECT count(*) FROM service WHERE id = :id")
                        .param("id", german)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private static String withIntakeLanguage(String serviceId, String organisationId, String language) {
        String service = service(
                serviceId,
                organisationId,
                "Onthaal",
                "Accueil",
                List.of("food"),
                List.of("fr"),
                List.of("MUNICIPALITY:21010"),
                "{\"status\": \"OPEN\"}");
        String mailbox = "\"email\": \"onthaal@" + organisationId + ".example\"";
        assertThat(service).contains(mailbox);
        return service.replace(mailbox, mailbox + ", \"language\": \"" + language + "\"");
    }

    @Test
    void aServiceMarkedFullUntilADateIsPublishedWithItsCapacity() {
        String organisationId = uniqueId("caw");
        String serviceId = organisationId + "-onthaal";
        post("/api/directory/organisations", organisation(organisationId)).hasStatus(HttpStatus.CREATED);
        post(
                        "/api/directory/services",
                        service(
                                serviceId,
                                organisationId,
                                "Onthaal",
                                "Accueil",
                                List.of("housing"),
                                List.of("nl", "fr"),
                                List.of("REGION:bruzel"),
                                "{\"status\": \"OPEN\"}"))
                .hasStatus(HttpStatus.CREATED);

        assertThat(put(
                        "/api/directory/services/" + serviceId + "/capacity",
                        "{\"status\": \"FULL\", \"fullUntil\": \"2027-02-01\"}"))
                .hasStatusOk();

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(eventsOn(Topics.DIRECTORY_SERVICES, ServiceChanged.class, serviceId))
                        .extracting(ServiceChanged::capacity, ServiceChanged::fullUntil)
                        .last()
                        .isEqualTo(tuple("FULL", LocalDate.parse("2027-02-01"))));
    }

    @Test
    void aLocationIsAddedToItsOrganisationAndAServiceCanOnlyUseItsOwnOrganisationsLocations() {
        String organisationId = uniqueId("huis");
        post("/api/directory/organisations", organisation(organisationId)).hasStatus(HttpStatus.CREATED);
        assertThat(put(
                        "/api/directory/organisations/" + organisationId + "/locations/" + organisationId + "-site",
                        """
                {"id": "%s-site", "name": "Site", "address": "Dorpsstraat 1", "postcode": "1090", "city": "Jette"}
                """.formatted(organisationId)))
                .hasStatusOk();

        String withOwnLocation = service(
                        organisationId + "-s",
                        organisationId,
                        "S",
                        "S",
                        List.of("family"),
                        List.of("nl"),
                        List.of("MUNICIPALITY:21010"),
                        "{\"status\": \"OPEN\"}")
                .replace("\"openingHours\"", "\"locationIds\": [\"" + organisationId + "-site\"], \"openingHours\"");
        post("/api/directory/services", withOwnLocation).hasStatus(HttpStatus.CREATED);
        post(
                        "/api/directory/services",
                        withOwnLocation
                                .replace(organisationId + "-s\"", organisationId + "-t\"")
                                .replace(organisationId + "-site", "ocmw-jette-location"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("locationIds");
    }

    private MvcTestResultAssert post(String uri, String body) {
        return assertThat(mvc.post()
                .uri(uri)
                .header(HttpHeaders.AUTHORIZATION, ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private MvcTestResult put(String uri, String body) {
        return mvc.put()
                .uri(uri)
                .header(HttpHeaders.AUTHORIZATION, ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }
}
