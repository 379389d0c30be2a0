package be.bruzel.directoryservice.hsds;

import static be.bruzel.directoryservice.DirectoryFixtures.ADMIN;
import static be.bruzel.directoryservice.DirectoryFixtures.GP;
import static be.bruzel.directoryservice.DirectoryFixtures.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;

import be.bruzel.platform.testing.ServiceIntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

@ServiceIntegrationTest
class HsdsImportIT {

    private static final MediaType ZIP = MediaType.parseMediaType("application/zip");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theWholeDirectoryIsExportedAsHsdsWithItsFrenchNamesInExtensionFields() {
        assertThat(mvc.get()
                        .uri("/api/directory/hsds")
                        .accept(MediaType.APPLICATION_JSON)
                        .header(HttpHeaders.AUTHORIZATION, GP))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.hsds_version").isEqualTo("3.0");
                    assertThat(json).extractingPath("$.services").asArray().hasSizeGreaterThanOrEqualTo(300);
                    assertThat(json)
                            .extractingPath("$.services[?(@.x_id == 'ocmw-jette-schuldbemiddeling')].x_name_fr")
                            .asArray()
                            .containsExactly("Médiation de dettes CPAS Jette");
                    assertThat(json)
                            .extractingPath("$.services[?(@.x_id == 'ldc-jette-ontmoeting')].x_intake_language")
                            .asArray()
                            .containsExactly("nl");
                    assertThat(json)
                            .extractingPath("$.services[?(@.x_id == 'ocmw-jette-schuldbemiddeling')].x_intake_language")
                            .asArray()
                            .as("the bilingual CPAS states no language: its mails are in both")
                            .isEmpty();
                    assertThat(json)
                            .extractingPath(
                                    "$.organizations[?(@.x_id == 'ocmw-jette')].locations[0].addresses[0].postal_code")
                            .asArray()
                            .containsExactly("1090");
                });
    }

    @Test
    void everyOrganisationAndServiceOfTheExportIsValidHsds30WithStableUuids() throws Exception {
        JsonNode export = HsdsJson.MAPPER.readTree(export(MediaType.APPLICATION_JSON));

        HsdsValidity.assertEachValid(HsdsSchemas.ORGANIZATION, export.path("organizations"));
        HsdsValidity.assertEachValid(HsdsSchemas.SERVICE, export.path("services"));
        JsonNode debts = service(export, "ocmw-jette-schuldbemiddeling");
        assertThat(debts.path("id").asString())
                .as("derived from the platform's id, the same in every export and in the database")
                .isEqualTo(HsdsIds.of(HsdsIds.SERVICE, "ocmw-jette-schuldbemiddeling"))
                .isEqualTo(jdbc.sql("SELECT hsds_id::text FROM service WHERE id = 'ocmw-jette-schuldbemiddeling'")
                        .query(String.class)
                        .single());
        assertThat(debts.path("organization_id").asString()).isEqualTo(HsdsIds.of(HsdsIds.ORGANIZATION, "ocmw-jette"));
        assertThat(debts.path("attributes")
                        .get(0)
                        .path("taxonomy_term")
                        .path("code")
                        .asString())
                .isEqualTo("finances");
        assertThat(debts.path("last_modified").asString()).isNotEmpty();
        assertThat(HsdsJson.MAPPER.readTree(export(MediaType.APPLICATION_JSON)))
                .as("nothing changes between two exports")
                .isEqualTo(export);
    }

    @Test
    void importingTheExportAgainChangesNothing() throws Exception {
        byte[] exported = mvc.get()
                .uri("/api/directory/hsds")
                .accept(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, ADMIN)
                .exchange()
                .getResponse()
                .getContentAsByteArray();
        long audited = audited();

        assertThat(importJson(exported, "")).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.counts.services.created").isEqualTo(0);
            assertThat(json).extractingPath("$.counts.services.updated").isEqualTo(0);
            assertThat(json)
                    .extractingPath("$.counts.services.unchanged")
                    .asNumber()
                    .satisfies(n -> assertThat(n.intValue()).isGreaterThanOrEqualTo(300));
        });
        assertThat(audited()).isEqualTo(audited);
    }

    @Test
    void theCsvTablesSurviveARoundTrip() throws Exception {
        byte[] zip = mvc.get()
                .uri("/api/directory/hsds")
                .accept(ZIP)
                .header(HttpHeaders.AUTHORIZATION, ADMIN)
                .exchange()
                .getResponse()
                .getContentAsByteArray();

        assertThat(mvc.post()
                        .uri("/api/directory/hsds")
                        .header(HttpHeaders.AUTHORIZATION, ADMIN)
                        .contentType(ZIP)
                        .content(zip))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.counts.services.created").isEqualTo(0);
                    assertThat(json).extractingPath("$.counts.services.updated").isEqualTo(0);
                    assertThat(json)
                            .extractingPath("$.counts.organizations.updated")
                            .isEqualTo(0);
                });
    }

    @Test
    void aNewOrganisationArrivesFromCsvTablesAndASecondImportFindsItUnchanged() throws Exception {
        String id = uniqueId("csv");
        String organisation = HsdsIds.of(HsdsIds.ORGANIZATION, id);
        String site = HsdsIds.of(HsdsIds.LOCATION, id + "-site");
        String service = HsdsIds.of(HsdsIds.SERVICE, id + "-onthaal");
        String term = HsdsIds.of(HsdsIds.TAXONOMY_TERM, "loneliness");
        byte[] zip = zip(Map.of(
                "organizations.csv",
                        "id,x_id,name,description,x_name_fr\n" + organisation + "," + id
                                + ",Buurtpunt,Buurtwerk,Point de quartier\n",
                "locations.csv",
                        "id,x_id,location_type,organization_id,name,latitude\n" + site + "," + id + "-site,physical,"
                                + organisation + ",Buurtpunt,50.88\n",
                "addresses.csv",
                        "id,location_id,address_1,city,state_province,postal_code,country,address_type\n" + uuid() + ","
                                + site + ",Kerkplein 3,Jette,Brussel,1090,BE,physical\n",
                "services.csv",
                        "id,x_id,organization_id,name,description,email,status,x_name_fr,fees\n" + service + ","
                                + id + "-onthaal," + organisation
                                + ",Onthaal,Onthaal,onthaal@csv.example,active,Accueil,gratis\n",
                "languages.csv", "id,service_id,code\n" + uuid() + "," + service + ",nl\n",
                "service_areas.csv",
                        "id,service_id,extent,extent_type\n" + uuid() + "," + service
                                + ",MUNICIPALITY:21010,bruzel_place\n",
                "taxonomy_terms.csv",
                        "id,code,name,description,taxonomy\n" + term
                                + ",loneliness,Eenzaamheid,Eenzaamheid,bruzel-themes\n",
                "attributes.csv", "id,link_id,taxonomy_term_id\n" + uuid() + "," + service + "," + term + "\n",
                "service_at_location.csv", "id,service_id,location_id\n" + uuid() + "," + service + "," + site + "\n",
                "funding.csv", "id,service_id,source\n" + uuid() + "," + service + ",Vlaamse Gemeenschap\n"));

        assertThat(importZip(zip)).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.counts.services.created").isEqualTo(1);
            assertThat(json)
                    .extractingPath("$.notKept[*].field")
                    .asArray()
                    .as("a column and a table the platform does not keep, reported")
                    .contains("services[].fees", "funding.csv");
        });
        assertThat(importZip(zip)).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.counts.services.unchanged").isEqualTo(1);
            assertThat(json).extractingPath("$.counts.organizations.unchanged").isEqualTo(1);
        });
        assertThat(jdbc.sql("SELECT theme_code FROM service_theme WHERE service_id = :id")
                        .param("id", id + "-onthaal")
                        .query(String.class)
                        .list())
                .as("stored under the platform's own id, from x_id")
                .containsExactly("loneliness");
        assertThat(jdbc.sql("SELECT latitude FROM location WHERE id = :id")
                        .param("id", id + "-site")
                        .query(java.math.BigDecimal.class)
                        .single())
                .isEqualByComparingTo("50.88");
    }

    @Test
    void theExportComesAPageOfOrganisationsAtATime() {
        MvcTestResult page = mvc.get()
                .uri("/api/directory/hsds?size=3")
                .accept(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, ADMIN)
                .exchange();

        assertThat(page)
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.organizations.length()")
                .isEqualTo(3);
        assertThat(page).headers().hasValue(HttpHeaders.LINK, "</api/directory/hsds?size=3&page=1>; rel=\"next\"");
        assertThat(mvc.get()
                        .uri("/api/directory/hsds?size=1001")
                        .accept(MediaType.APPLICATION_JSON)
                        .header(HttpHeaders.AUTHORIZATION, ADMIN))
                .hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void aZipBombIsRefusedAsTooLargeBeforeItUnpacksAndNothingIsStored() throws Exception {
        long audited = audited();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("organizations.csv"));
            byte[] zeros = new byte[1024 * 1024];
            for (int megabyte = 0; megabyte < 256; megabyte++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }

        assertThat(importZip(bytes.toByteArray()))
                .hasStatus(HttpStatus.CONTENT_TOO_LARGE)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("body");
        assertThat(audited()).as("nothing stored").isEqualTo(audited);
    }

    @Test
    void aZipOfMoreFilesThanASocialMapHasIsRefused() throws Exception {
        Map<String, String> files = new java.util.HashMap<>();
        for (int file = 0; file < 100; file++) {
            files.put("extra-" + file + ".txt", "x");
        }

        assertThat(importZip(zip(files))).hasStatus(HttpStatus.CONTENT_TOO_LARGE);
    }

    @Test
    void aNameThatASpreadsheetWouldRunIsExportedAsTextAndImportedBackAsItWas() throws Exception {
        String id = uniqueId("formula");
        String organisation = HsdsIds.of(HsdsIds.ORGANIZATION, id);
        String site = HsdsIds.of(HsdsIds.LOCATION, id + "-site");
        String formula = "=HYPERLINK(\"http://evil.example\";\"Klik\")";
        byte[] upload = zip(Map.of(
                "organizations.csv",
                        "id,x_id,name,description,x_name_fr\n" + organisation + "," + id + ",\""
                                + formula.replace("\"", "\"\"") + "\",Buurtwerk,Point de quartier\n",
                "locations.csv",
                        "id,x_id,location_type,organization_id,name\n" + site + "," + id + "-site,physical,"
                                + organisation + ",Buurtpunt\n",
                "addresses.csv",
                        "id,location_id,address_1,city,state_province,postal_code,country,address_type\n" + uuid() + ","
                                + site + ",Kerkplein 3,Jette,Brussel,1090,BE,physical\n"));
        assertThat(importZip(upload)).hasStatusOk();

        byte[] export = export(ZIP);
        String organizations = entry(export, "organizations.csv");

        assertThat(organizations).contains("'" + formula.replace("\"", "\"\"")).doesNotContain(",\"=", ",=");
        assertThat(jdbc.sql("SELECT name_nl FROM organisation WHERE id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo(formula);
        assertThat(importZip(export))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.counts.organizations.updated")
                .as("read back as it was written")
                .isEqualTo(0);
    }

    @Test
    void aDataSetThePlatformCannotTakeIsRejectedWithAReadableReportAndNothingOfItIsStored() {
        String id = uniqueId("bad");
        String organisation = HsdsIds.of(HsdsIds.ORGANIZATION, id);
        String site = HsdsIds.of(HsdsIds.LOCATION, id + "-site");
        String dataSet = """
                {"organizations": [{"id": "%1$s", "x_id": "%2$s", "name": "Goede organisatie", "description": "",
                   "x_name_fr": "Bonne organisation",
                   "locations": [{"id": "%3$s", "x_id": "%2$s-site", "location_type": "physical", "name": "Site",
                                  "addresses": []}]}],
                 "services": [
                   {"id": "%4$s", "x_id": "%2$s-good", "organization_id": "%1$s", "name": "Goed",
                    "email": "goed@bad.example", "status": "active", "languages": [{"id": "%6$s", "code": "nl"}],
                    "service_areas": [{"id": "%7$s", "extent": "MUNICIPALITY:21010", "extent_type": "bruzel_place"}],
                    "attributes": [{"id": "%8$s", "taxonomy_term": {"id": "%9$s", "code": "housing", "name": "Wonen",
                                    "description": "Wonen", "taxonomy": "bruzel-themes"}}]},
                   {"id": "%5$s", "x_id": "%2$s-bad", "organization_id": "%1$s", "name": "Slecht", "status": "active",
                    "languages": [{"id": "%10$s", "code": "nl"}],
                    "service_areas": [{"id": "%11$s", "extent": "Jette", "extent_type": "text"}],
                    "attributes": [{"id": "%12$s", "taxonomy_term": {"id": "%13$s", "code": "teleportation",
                                    "name": "Teleportatie", "description": "Beam me up", "taxonomy": "bruzel-themes"}}]}]}
                """.formatted(
                        organisation,
                        id,
                        site,
                        HsdsIds.of(HsdsIds.SERVICE, id + "-good"),
                        HsdsIds.of(HsdsIds.SERVICE, id + "-bad"),
                        uuid(),
                        uuid(),
                        uuid(),
                        uuid(),
                        uuid(),
                        uuid(),
                        uuid(),
                        uuid());

        assertThat(mvc.post()
                        .uri("/api/directory/hsds")
                        .header(HttpHeaders.AUTHORIZATION, ADMIN)
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "nl")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(dataSet))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.detail").asString().contains("er is niets bewaard");
                    assertThat(json)
                            .extractingPath("$.rejected[*].record")
                            .asArray()
                            .contains(
                                    "organizations[0] " + organisation + " location " + site,
                                    "services[1] " + HsdsIds.of(HsdsIds.SERVICE, id + "-bad"));
                    assertThat(json)
                            .extractingPath("$.rejected[*].field")
                            .asArray()
                            .contains("addresses", "service_areas", "email");
                    assertThat(json)
                            .extractingPath("$.rejected[?(@.field == 'addresses')].reason")
                            .asArray()
                            .containsExactly("Een locatie heeft een fysiek adres nodig.");
                    assertThat(json)
                            .extractingPath("$.notKept[*].field")
                            .asArray()
                            .as("the area the platform cannot route by is reported too")
                            .contains("services[].service_areas[]");
                });

        assertThat(jdbc.sql("SELECT count(*) FROM organisation WHERE id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM service WHERE id LIKE :id")
                        .param("id", id + "%")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aDataSetThatBreaksTheHsdsSchemaIsRefusedWithTheSchemasOwnPathsAndNothingIsStored() {
        long audited = audited();
        String dataSet = """
                {"organizations": [{"id": "ocmw-jette", "name": "OCMW Jette", "description": "Verplaatst",
                                    "email": "geen e-mailadres"}],
                 "services": [{"id": "%s", "status": "open"}]}
                """.formatted(uuid());

        assertThat(mvc.post()
                        .uri("/api/directory/hsds")
                        .header(HttpHeaders.AUTHORIZATION, ADMIN)
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "fr")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(dataSet))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.detail").asString().contains("HSDS 3.0");
                    assertThat(json)
                            .extractingPath("$.errors[*].pointer")
                            .asArray()
                            .contains(
                                    "/organizations/0/id",
                                    "/organizations/0/email",
                                    "/services/0",
                                    "/services/0/status");
                    assertThat(json)
                            .extractingPath("$.errors[?(@.pointer == '/services/0')].message")
                            .asArray()
                            .as("the schema's words, in the caller's language")
                            .anySatisfy(message -> assertThat((String) message).contains("name"))
                            .noneSatisfy(message -> assertThat((String) message).contains("required property"));
                });
        assertThat(audited()).as("nothing stored").isEqualTo(audited);
        assertThat(jdbc.sql("SELECT description_nl FROM organisation WHERE id = 'ocmw-jette'")
                        .query(String.class)
                        .single())
                .isNotEqualTo("Verplaatst");
    }

    @Test
    void aProfileFieldOfTheWrongShapeIsRefusedLikeABreachOfTheSchema() {
        String dataSet = """
                [{"id": "%s", "name": "Dienst", "status": "active", "x_capacity": "open"}]
                """.formatted(uuid());

        assertThat(importJson(dataSet.getBytes(StandardCharsets.UTF_8), ""))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson()
                .extractingPath("$.errors[0].pointer")
                .isEqualTo("/0/x_capacity");
    }

    @Test
    void anotherPublishersServicesAreImportedAsFarAsThePlatformCanKeepThemAndTheRestIsReported() {
        String service = uuid();
        String organisation = uuid();
        String location = uuid();
        String dataSet = """
                [{"id": "%1$s", "name": "Budget Buddies", "description": "Peer support with money worries.",
                  "status": "active", "fees": "Free", "url": "https://budgetbuddies.example",
                  "organization": {"id": "%2$s", "name": "Budget Buddies vzw", "description": "A charity.",
                                   "email": "hello@budgetbuddies.example", "tax_id": "BE0123456789"},
                  "phones": [{"id": "%4$s", "number": "+32 2 123 45 67"}],
                  "cost_options": [{"id": "%5$s", "amount": 0, "currency": "EUR"}],
                  "contacts": [{"id": "%6$s", "name": "Intake", "title": "Coordinator",
                                "email": "intake@budgetbuddies.example"}],
                  "languages": [{"id": "%7$s", "code": "en-GB", "name": "English"}, {"id": "%8$s", "name": "Dutch"}],
                  "service_areas": [
                    {"id": "%9$s", "extent": "MUNICIPALITY:21010", "extent_type": "bruzel_place"},
                    {"id": "%10$s", "name": "Jette", "extent": "{\\"type\\": \\"Polygon\\"}", "extent_type": "geojson"}],
                  "attributes": [
                    {"id": "%11$s", "taxonomy_term_id": "%12$s"},
                    {"id": "%13$s", "taxonomy_term": {"id": "%14$s", "code": "BD-8000", "name": "Financial Assistance",
                                    "description": "Open Eligibility", "taxonomy": "open-eligibility"}}],
                  "service_at_locations": [{"id": "%15$s", "service_id": "%1$s", "location_id": "%3$s",
                    "location": {"id": "%3$s", "location_type": "physical", "name": "Buddy House",
                      "addresses": [{"id": "%16$s", "address_1": "Kerkplein 9", "city": "Jette",
                                     "state_province": "Brussels", "postal_code": "1090", "country": "BE",
                                     "address_type": "physical"}],
                      "accessibility": [{"id": "%17$s", "description": "Step-free"}]}}]}]
                """.formatted(
                        service,
                        organisation,
                        location,
                        uuid(),
                        uuid(),
                        uuid(),
                        uuid(),
                        uuid(),
                        uuid(),
                        uuid(),
                        uuid(),
                        HsdsIds.of(HsdsIds.TAXONOMY_TERM, "finances"),
                        uuid(),
                        uuid(),
                        uuid(),
                        uuid(),
                        uuid());

        assertThat(importJson(dataSet.getBytes(StandardCharsets.UTF_8), ""))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.counts.services.created").isEqualTo(1);
                    assertThat(json)
                            .extractingPath("$.counts.organizations.created")
                            .isEqualTo(1);
                    assertThat(json)
                            .extractingPath("$.notKept[*].field")
                            .asArray()
                            .contains(
                                    "services[].fees",
                                    "services[].url",
                                    "services[].phones",
                                    "services[].cost_options",
                                    "services[].contacts[].title",
                                    "services[].organization.tax_id",
                                    "services[].service_at_locations[].location.accessibility",
                                    "services[].service_areas[]",
                                    "services[].attributes[]");
                    assertThat(json)
                            .extractingPath("$.notKept[?(@.field == 'services[].attributes[]')].reason")
                            .asArray()
                            .singleElement()
                            .asString()
                            .contains("Financial Assistance");
                });
        assertThat(jdbc.sql("""
                        SELECT s.organisation_id || ' ' || s.intake_email || ' '
                               || (SELECT string_agg(theme_code, ',') FROM service_theme WHERE service_id = s.id) || ' '
                               || (SELECT string_agg(language_code, ',') FROM service_language WHERE service_id = s.id)
                               || ' ' || (SELECT string_agg(l.postcode, ',') FROM service_at_location sal
                                          JOIN location l ON l.id = sal.location_id WHERE sal.service_id = s.id)
                        FROM service s WHERE s.id = :id
                        """).param("id", service).query(String.class).single())
                .as("its UUIDs as ids; the intake mailbox from its contact; its theme by term id; en-GB as en")
                .isEqualTo(organisation + " intake@budgetbuddies.example finances en 1090");
    }

    @Test
    void aDryRunReportsWithoutStoringAndAnUnreadableFileIsABadRequest() {
        String id = uniqueId("dry");
        String dataSet = """
                {"organizations": [{"id": "%s", "x_id": "%s", "name": "Proef", "description": "", "x_name_fr": "Essai"}]}
                """.formatted(HsdsIds.of(HsdsIds.ORGANIZATION, id), id);

        assertThat(importJson(dataSet.getBytes(StandardCharsets.UTF_8), "?dryRun=true"))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.dryRun").isEqualTo(true);
                    assertThat(json)
                            .extractingPath("$.counts.organizations.created")
                            .isEqualTo(1);
                });
        assertThat(jdbc.sql("SELECT count(*) FROM organisation WHERE id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(importJson("{\"services\": [".getBytes(StandardCharsets.UTF_8), ""))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("body");
        assertThat(importJson("null".getBytes(StandardCharsets.UTF_8), ""))
                .as("found by SecurityIT's hostile input")
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("body");
        assertThat(importZip("not a zip".getBytes(StandardCharsets.UTF_8))).hasStatus(HttpStatus.BAD_REQUEST);
    }

    private MvcTestResult importJson(byte[] body, String query) {
        return mvc.post()
                .uri("/api/directory/hsds" + query)
                .header(HttpHeaders.AUTHORIZATION, ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    private MvcTestResult importZip(byte[] zip) {
        return mvc.post()
                .uri("/api/directory/hsds")
                .header(HttpHeaders.AUTHORIZATION, ADMIN)
                .contentType(ZIP)
                .content(zip)
                .exchange();
    }

    private byte[] export(MediaType type) {
        return mvc.get()
                .uri("/api/directory/hsds")
                .accept(type)
                .header(HttpHeaders.AUTHORIZATION, ADMIN)
                .exchange()
                .getResponse()
                .getContentAsByteArray();
    }

    private static JsonNode service(JsonNode export, String directoryId) {
        for (JsonNode service : export.path("services")) {
            if (service.path("x_id").asString("").equals(directoryId)) {
                return service;
            }
        }
        throw new IllegalStateException("no " + directoryId);
    }

    private static String entry(byte[] zipped, String name) throws IOException {
        try (java.util.zip.ZipInputStream zip =
                new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zipped))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals(name)) {
                    return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new IllegalStateException("no " + name);
    }

    private static String uuid() {
        return java.util.UUID.randomUUID().toString();
    }

    private long audited() {
        return jdbc.sql("SELECT count(*) FROM audit_entry").query(Long.class).single();
    }

    private static byte[] zip(Map<String, String> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
