package be.bruzel.directoryservice.hsds;

import static be.bruzel.directoryservice.DirectoryFixtures.ADMIN;
import static be.bruzel.directoryservice.DirectoryFixtures.organisation;
import static be.bruzel.directoryservice.DirectoryFixtures.service;
import static be.bruzel.directoryservice.DirectoryFixtures.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;

import be.bruzel.platform.testing.ServiceIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

/** The HSDS 3.0 API: open, paged as the spec says, and every answer valid against the official schemas. */
@ServiceIntegrationTest
class HsdsApiIT {

    private static final String API = "/api/directory/hsds/v3";
    private static final String DEBTS = HsdsIds.of(HsdsIds.SERVICE, "ocmw-jette-schuldbemiddeling");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anyoneReadsTheApiWithoutSigningInAndItNamesItsVersionProfileAndOpenApi() {
        JsonNode about = get(API + "/");

        assertThat(about.path("version").asString()).isEqualTo("3.0");
        assertThat(about.path("profile").asString()).isEqualTo("http://localhost:8080" + API + "/profile");
        assertThat(about.path("openapi_url").asString()).isEqualTo("http://localhost:8080" + API + "/openapi.json");
        assertThat(mvc.get().uri(API + "/profile"))
                .hasStatusOk()
                .bodyText()
                .contains("x_intake_language", "bruzel_place", "x_id");
        assertThat(get(API + "/openapi.json").path("servers").get(0).path("url").asString())
                .isEqualTo("http://localhost:8080" + API);
        assertThat(mvc.get().uri("/api/directory/hsds").accept(MediaType.APPLICATION_JSON))
                .as("the bulk export stays for those signed in")
                .hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.post()
                        .uri(API + "/services")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .as("read-only")
                .hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void everyListIsASpecPageOfItemsValidAgainstTheListSchemas() {
        HsdsValidity.assertPageOf(HsdsSchemas.SERVICE_LIST, get(API + "/services?per_page=1000"));
        HsdsValidity.assertPageOf(HsdsSchemas.ORGANIZATION_LIST, get(API + "/organizations?per_page=1000"));
        HsdsValidity.assertPageOf(
                HsdsSchemas.SERVICE_AT_LOCATION_LIST, get(API + "/service_at_locations?per_page=1000"));
        JsonNode terms = get(API + "/taxonomy_terms");
        HsdsValidity.assertValid(HsdsValidity.PAGE, terms);
        terms.path("contents").forEach(term -> HsdsValidity.assertValid(HsdsValidity.TAXONOMY_TERM, term));
        JsonNode taxonomies = get(API + "/taxonomies");
        HsdsValidity.assertValid(HsdsValidity.PAGE, taxonomies);
        assertThat(taxonomies.path("contents")).singleElement().satisfies(taxonomy -> {
            HsdsValidity.assertValid(HsdsValidity.TAXONOMY, taxonomy);
            assertThat(get(API + "/taxonomies/" + taxonomy.path("id").asString()))
                    .isEqualTo(taxonomy);
        });
        assertThat(terms.path("contents").findValuesAsString("code")).contains("finances", "housing", "loneliness");
    }

    @Test
    void fullyNestedAnswersAreValidAgainstTheServiceOrganizationAndServiceAtLocationSchemas() {
        JsonNode debts = get(API + "/services/" + DEBTS);
        HsdsValidity.assertEachValid(HsdsSchemas.SERVICE, List.of(debts));
        assertThat(debts.path("x_id").asString()).isEqualTo("ocmw-jette-schuldbemiddeling");
        assertThat(debts.path("organization").path("x_id").asString()).isEqualTo("ocmw-jette");
        assertThat(debts.path("organization").path("locations")).isNotEmpty();

        JsonNode organization =
                get(API + "/organizations/" + debts.path("organization_id").asString());
        HsdsValidity.assertEachValid(HsdsSchemas.ORGANIZATION, List.of(organization));
        assertThat(organization.path("services").findValuesAsString("id")).contains(DEBTS);
        assertThat(organization.path("services").get(0).has("attributes"))
                .as("services in brief unless full_service")
                .isFalse();
        JsonNode full =
                get(API + "/organizations/" + debts.path("organization_id").asString() + "?full_service=true");
        HsdsValidity.assertEachValid(HsdsSchemas.ORGANIZATION, List.of(full));
        assertThat(full.path("services").get(0).has("attributes")).isTrue();

        String at = debts.path("service_at_locations").get(0).path("id").asString();
        JsonNode serviceAtLocation = get(API + "/service_at_locations/" + at);
        HsdsValidity.assertEachValid(HsdsSchemas.SERVICE_AT_LOCATION, List.of(serviceAtLocation));
        assertThat(serviceAtLocation.path("service").path("id").asString()).isEqualTo(DEBTS);
        assertThat(serviceAtLocation
                        .path("location")
                        .path("addresses")
                        .get(0)
                        .path("postal_code")
                        .asString())
                .isEqualTo("1090");

        String term = debts.path("attributes").get(0).path("taxonomy_term_id").asString();
        JsonNode debtsTerm = get(API + "/taxonomy_terms/" + term);
        HsdsValidity.assertValid(HsdsValidity.TAXONOMY_TERM, debtsTerm);
        assertThat(debtsTerm.path("code").asString()).isEqualTo("finances");

        HsdsValidity.assertPageOf(HsdsSchemas.SERVICE, get(API + "/services?full=true&per_page=20"));
        HsdsValidity.assertPageOf(HsdsSchemas.ORGANIZATION, get(API + "/organizations?full=true&per_page=20"));
    }

    @Test
    void theFiltersFindWhatTheyName() {
        String debtsTerm = HsdsIds.of(HsdsIds.TAXONOMY_TERM, "finances");
        for (JsonNode service : full(API + "/services?full=true&per_page=1000&taxonomy_term_id=" + debtsTerm)) {
            assertThat(service.path("attributes").findValuesAsString("code")).contains("finances");
        }
        String jette = HsdsIds.of(HsdsIds.ORGANIZATION, "ocmw-jette");
        assertThat(full(API + "/services?organization_id=" + jette))
                .isNotEmpty()
                .allSatisfy(service ->
                        assertThat(service.path("organization_id").asString()).isEqualTo(jette));
        List<String> inJette = ids(API + "/services?per_page=1000&postcode=1090");
        assertThat(inJette)
                .contains(DEBTS)
                .doesNotContain(HsdsIds.of(HsdsIds.SERVICE, "ocmw-anderlecht-schuldbemiddeling"));
        assertThat(ids(API + "/services?search=schuldbemiddeling&per_page=1000"))
                .contains(DEBTS);
        assertThat(get(API + "/services?modified_after=2999-01-01")
                        .path("total_items")
                        .asInt())
                .isZero();
        assertThat(get(API + "/services?taxonomy_term_id=00000000-0000-3000-8000-000000000000")
                        .path("empty")
                        .asBoolean())
                .isTrue();
        assertThat(get(API + "/service_at_locations?per_page=1000&postcode=1090")
                        .path("contents"))
                .allSatisfy(at ->
                        assertThat(at.path("location").path("id").asString()).isNotEmpty());
        assertThat(get(API + "/taxonomy_terms?search=schulden").path("contents").findValuesAsString("code"))
                .containsExactly("finances");
        assertThat(get(API + "/organizations?search=OCMW Jette")
                        .path("contents")
                        .findValuesAsString("id"))
                .contains(jette);
    }

    @Test
    void aServiceChangedSinceADayIsFoundByModifiedAfter() {
        String organisationId = uniqueId("hsds-api");
        String serviceId = organisationId + "-dienst";
        assertThat(mvc.post()
                        .uri("/api/directory/organisations")
                        .header(HttpHeaders.AUTHORIZATION, ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(organisation(organisationId)))
                .hasStatus(HttpStatus.CREATED);
        assertThat(mvc.post()
                        .uri("/api/directory/services")
                        .header(HttpHeaders.AUTHORIZATION, ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(service(
                                serviceId,
                                organisationId,
                                "Nieuwe dienst",
                                "Nouveau service",
                                List.of("housing"),
                                List.of("nl"),
                                List.of("MUNICIPALITY:21010"),
                                "{\"status\": \"OPEN\"}")))
                .hasStatus(HttpStatus.CREATED);
        String since = jdbc.sql("SELECT to_char((last_modified - interval '1 second') AT TIME ZONE 'UTC',"
                        + " 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM service WHERE id = :id")
                .param("id", serviceId)
                .query(String.class)
                .single();

        List<String> changed = ids(API + "/services?per_page=1000&modified_after=" + since);

        assertThat(changed).contains(HsdsIds.of(HsdsIds.SERVICE, serviceId)).doesNotContain(DEBTS);
    }

    @Test
    void pagesAreNumberedFromOneAndSayWhereTheyLie() {
        JsonNode second = get(API + "/services?per_page=2&page=2");

        assertThat(second.path("page_number").asInt()).isEqualTo(2);
        assertThat(second.path("size").asInt()).isEqualTo(2);
        assertThat(second.path("first_page").asBoolean()).isFalse();
        assertThat(second.path("last_page").asBoolean()).isFalse();
        assertThat(second.path("total_pages").asLong())
                .isEqualTo((second.path("total_items").asLong() + 1) / 2);
        JsonNode beyond = get(API + "/services?per_page=2&page=99999");
        assertThat(beyond.path("empty").asBoolean()).isTrue();
        assertThat(beyond.path("contents")).isEmpty();
    }

    @Test
    void aBadParameterIsAProblemNamingItAndAnUnknownIdIsNotFound() {
        assertThat(mvc.get().uri(API + "/services?per_page=1001"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .asString()
                .containsIgnoringCase("per");
        assertThat(mvc.get().uri(API + "/services?modified_after=gisteren").header(HttpHeaders.ACCEPT_LANGUAGE, "nl"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.errors[0].field").isEqualTo("modified_after");
                    assertThat(json).extractingPath("$.detail").asString().contains("tijdstip");
                });
        assertThat(mvc.get().uri(API + "/services?postcode=10900")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.get().uri(API + "/services/" + java.util.UUID.randomUUID()))
                .hasStatus(HttpStatus.NOT_FOUND)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(mvc.get().uri(API + "/services/ocmw-jette-schuldbemiddeling"))
                .as("found by its UUID, not by the platform's id")
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri(API + "/organizations/not-a-uuid")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri(API + "/service_at_locations/" + DEBTS)).hasStatus(HttpStatus.NOT_FOUND);
    }

    private JsonNode get(String uri) {
        MvcTestResult result = mvc.get().uri(uri).exchange();
        assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        return HsdsJson.MAPPER.readTree(result.getResponse().getContentAsByteArray());
    }

    private List<JsonNode> full(String uri) {
        List<JsonNode> contents = new ArrayList<>();
        get(uri).path("contents").forEach(contents::add);
        return contents;
    }

    private List<String> ids(String uri) {
        return full(uri).stream().map(item -> item.path("id").asString()).toList();
    }
}
