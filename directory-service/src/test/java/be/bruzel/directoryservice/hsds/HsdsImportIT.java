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
                            .extractingPath("$.services[?(@.id == 'ocmw-jette-schuldbemiddeling')].x_name_fr")
                            .asArray()
                            .containsExactly("Médiation de dettes CPAS Jette");
                    assertThat(json)
                            .extractingPath("$.services[?(@.id == 'ldc-jette-ontmoeting')].x_intake_language")
                            .asArray()
                            .containsExactly("nl");
                    assertThat(json)
                            .extractingPath("$.services[?(@.id == 'ocmw-jette-schuldbemiddeling')].x_intake_language")
                            .asArray()
                            .as("the bilingual CPAS states no language: its mails are in both")
                            .isEmpty();
                    assertThat(json)
                            .extractingPath(
                                    "$.organizations[?(@.id == 'ocmw-jette')].locations[0].addresses[0].postal_code")
                            .asArray()
                            .containsExactly("1090");
                });
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
        byte[] zip = zip(Map.of(
                "organizations.csv",
                        "id,name,description,x_name_fr\n" + id + ",Buurtpunt,Buurtwerk,Point de quartier\n",
                "locations.csv", "id,organization_id,name\n" + id + "-site," + id + ",Buurtpunt\n",
                "addresses.csv",
                        "id,location_id,address_1,city,postal_code,country\na1," + id
                                + "-site,Kerkplein 3,Jette,1090,BE\n",
                "services.csv",
                        "id,organization_id,name,description,email,status,x_name_fr\n" + id + "-onthaal," + id
                                + ",Onthaal,Onthaal,onthaal@csv.example,active,Accueil\n",
                "languages.csv", "id,service_id,code\nl1," + id + "-onthaal,nl\n",
                "service_areas.csv",
                        "id,service_id,extent,extent_type\ns1," + id + "-onthaal,MUNICIPALITY:21010,bruzel_place\n",
                "taxonomy_terms.csv", "id,code,taxonomy\nt1,loneliness,bruzel-themes\n",
                "attributes.csv", "id,link_id,taxonomy_term_id\na1," + id + "-onthaal,t1\n",
                "service_at_locations.csv", "id,service_id,location_id\nx1," + id + "-onthaal," + id + "-site\n"));

        assertThat(importZip(zip))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.counts.services.created")
                .isEqualTo(1);
        assertThat(importZip(zip))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.counts.services.unchanged")
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT theme_code FROM service_theme WHERE service_id = :id")
                        .param("id", id + "-onthaal")
                        .query(String.class)
                        .list())
                .containsExactly("loneliness");
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
        String formula = "=HYPERLINK(\"http://evil.example\";\"Klik\")";
        byte[] upload = zip(Map.of(
                "organizations.csv",
                        "id,name,description,x_name_fr\n" + id + ",\"" + formula.replace("\"", "\"\"")
                                + "\",Buurtwerk,Point de quartier\n",
                "locations.csv", "id,organization_id,name\n" + id + "-site," + id + ",Buurtpunt\n",
                "addresses.csv",
                        "id,location_id,address_1,city,postal_code,country\na1," + id
                                + "-site,Kerkplein 3,Jette,1090,BE\n"));
        assertThat(importZip(upload)).hasStatusOk();

        byte[] export = mvc.get()
                .uri("/api/directory/hsds")
                .accept(ZIP)
                .header(HttpHeaders.AUTHORIZATION, ADMIN)
                .exchange()
                .getResponse()
                .getContentAsByteArray();
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

    @Test
    void aBadDataSetIsRejectedWithAReadableReportAndNothingOfItIsStored() {
        String id = uniqueId("bad");
        String dataSet = """
                {"organizations": [{"id": "%1$s", "name": "Goede organisatie", "x_name_fr": "Bonne organisation",
                   "locations": [{"id": "%1$s-site", "name": "Site", "addresses": []}]}],
                 "services": [
                   {"id": "%1$s-good", "organization_id": "%1$s", "name": "Goed", "email": "goed@bad.example",
                    "status": "active", "languages": [{"code": "nl"}],
                    "service_areas": [{"extent": "MUNICIPALITY:21010", "extent_type": "bruzel_place"}],
                    "attributes": [{"taxonomy_term": {"code": "housing", "taxonomy": "bruzel-themes"}}]},
                   {"id": "%1$s-bad", "organization_id": "%1$s", "name": "Slecht", "status": "active",
                    "languages": [{"code": "nl"}],
                    "service_areas": [{"extent": "Jette", "extent_type": "text"}],
                    "attributes": [{"taxonomy_term": {"code": "teleportation", "taxonomy": "bruzel-themes"}}]}]}
                """.formatted(id);

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
                                    "organizations[0] " + id + " location " + id + "-site",
                                    "services[1] " + id + "-bad");
                    assertThat(json)
                            .extractingPath("$.rejected[*].field")
                            .asArray()
                            .contains("addresses", "service_areas", "email");
                    assertThat(json)
                            .extractingPath("$.rejected[?(@.field == 'addresses')].reason")
                            .asArray()
                            .containsExactly("Een locatie heeft een fysiek adres nodig.");
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
    void aDryRunReportsWithoutStoringAndAnUnreadableFileIsABadRequest() {
        String id = uniqueId("dry");
        String dataSet = """
                {"organizations": [{"id": "%s", "name": "Proef", "x_name_fr": "Essai"}]}
                """.formatted(id);

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
