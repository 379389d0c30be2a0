package be.bruzel.directoryservice.search;

import static be.bruzel.directoryservice.DirectoryFixtures.GP;
import static org.assertj.core.api.Assertions.assertThat;

import be.bruzel.platform.testing.ServiceIntegrationTest;
import com.jayway.jsonpath.JsonPath;
import java.io.UnsupportedEncodingException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Searches the demo social map, which every directory test starts from. */
@ServiceIntegrationTest
class ServiceSearchIT {

    @Autowired
    MockMvcTester mvc;

    @Test
    void dutchWordsAreStemmedSoDebtsFindDebtCounselling() throws Exception {
        assertThat(ids(search("q=schulden&size=100")))
                .contains("ocmw-jette-schuldbemiddeling", "ocmw-anderlecht-schuldbemiddeling");
    }

    @Test
    void frenchWordsAreStemmedAndAccentsIgnored() throws Exception {
        assertThat(ids(search("q=dettes&size=100"))).contains("ocmw-jette-schuldbemiddeling");
        assertThat(ids(search("q=mediation&size=100"))).contains("ocmw-jette-schuldbemiddeling");
        assertThat(ids(search("q=ÉNERGIE&size=100"))).contains("ocmw-jette-energiecel");
    }

    @Test
    void aMisspeltNameIsStillFound() throws Exception {
        assertThat(ids(search("q=schuldbemidelling&size=100"))).contains("ocmw-jette-schuldbemiddeling");
        assertThat(ids(search("q=ontmoetting&size=100"))).contains("ldc-jette-ontmoeting");
    }

    @Test
    void aPostcodeFindsTheServicesOfItsMunicipalityItsZoneAndTheRegionButNotOfOtherMunicipalities() throws Exception {
        List<String> found = ids(search("theme=finances&postcode=1090&size=100"));

        assertThat(found)
                .contains("ocmw-jette-schuldbemiddeling", "caw-brussel-onthaal-noord")
                .noneMatch(id -> id.contains("anderlecht") || id.endsWith("onthaal-zuid"));
    }

    @Test
    void aSharedPostcodeFindsTheServicesOfBothMunicipalitiesUnlessTheMunicipalityIsGiven() throws Exception {
        assertThat(ids(search("theme=rights&postcode=1040&size=100")))
                .contains("ldc-etterbeek-digipunt", "ldc-europese-wijk-digipunt", "ocmw-brussel-sociale-dienst");
        assertThat(ids(search("theme=rights&postcode=1040&municipality=21005&size=100")))
                .contains("ldc-etterbeek-digipunt")
                .doesNotContain("ldc-europese-wijk-digipunt");
    }

    @Test
    void aCareZoneAndALanguageNarrowTheSearch() throws Exception {
        List<String> arabic = ids(search("language=ar&careZone=zuid&size=100"));

        assertThat(arabic)
                .contains("buurthuis-vorst-ontmoeting", "huis-van-het-nederlands-taaladvies")
                .noneMatch(id -> id.contains("jette"));
    }

    @Test
    void resultsArePagedWithTheTotalCount() throws Exception {
        assertThat(search("theme=loneliness&size=5")).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.items").asArray().hasSize(5);
            assertThat(json)
                    .extractingPath("$.total")
                    .asNumber()
                    .satisfies(n -> assertThat(n.intValue()).isGreaterThan(50));
        });
        assertThat(search("theme=loneliness&size=5&page=1000")).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.items").asArray().isEmpty();
            assertThat(json)
                    .extractingPath("$.total")
                    .asNumber()
                    .satisfies(n -> assertThat(n.intValue()).isGreaterThan(50));
        });
    }

    @Test
    void badFiltersAreRefusedNamingTheField() throws Exception {
        assertThat(mvc.get().uri("/api/directory/services?size=500").header(HttpHeaders.AUTHORIZATION, GP))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("size");
        assertThat(mvc.get().uri("/api/directory/services?postcode=12").header(HttpHeaders.AUTHORIZATION, GP))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("postcode");
        assertThat(mvc.get()
                        .uri("/api/directory/services?postcode=9999")
                        .header(HttpHeaders.AUTHORIZATION, GP)
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "fr"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.errors[0].field").isEqualTo("postcode");
                    assertThat(json).extractingPath("$.detail").isEqualTo("Le territoire ne connaît pas ce lieu.");
                });
    }

    private MvcTestResult search(String query) {
        return mvc.get()
                .uri("/api/directory/services?" + query)
                .header(HttpHeaders.AUTHORIZATION, GP)
                .exchange();
    }

    private static List<String> ids(MvcTestResult result) throws UnsupportedEncodingException {
        assertThat(result).hasStatusOk();
        return JsonPath.read(result.getResponse().getContentAsString(), "$.items[*].id");
    }
}
