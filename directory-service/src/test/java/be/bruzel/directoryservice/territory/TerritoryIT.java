package be.bruzel.directoryservice.territory;

import static org.assertj.core.api.Assertions.assertThat;

import be.bruzel.platform.testing.ServiceIntegrationTest;
import be.bruzel.platform.testing.TestTokens;
import java.util.List;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@ServiceIntegrationTest
class TerritoryIT {

    private static final String GP = TestTokens.bearer("gp.jette", List.of("referrer"), null);
    private static final String ADMIN = TestTokens.bearer("admin", List.of("administrator"), null);

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theWholeRegionIsLoadedFromTheReferenceData() {
        assertThat(count("SELECT count(*) FROM municipality")).isEqualTo(19);
        assertThat(count("SELECT count(*) FROM care_zone")).isEqualTo(5);
        assertThat(count("SELECT count(*) FROM area WHERE is_district")).isEqualTo(6);
    }

    @Test
    void theMunicipalitiesAreListedByNisCodeInBothLanguages() {
        assertThat(mvc.get()
                        .uri("/api/directory/territory/municipalities")
                        .header(HttpHeaders.AUTHORIZATION, GP)
                        .exchange())
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.length()").isEqualTo(19);
                    assertThat(json)
                            .extractingPath("$[?(@.code == '21010')].nameNl")
                            .asArray()
                            .containsExactly("Jette");
                    assertThat(json)
                            .extractingPath("$[?(@.code == '21009')].nameFr")
                            .asArray()
                            .containsExactly("Ixelles");
                });
    }

    @Test
    void everyAreaNamesItsMunicipalityAndTheCareZoneItIsInOnTheDayAsked() {
        assertThat(mvc.get()
                        .uri("/api/directory/territory/areas?date=2026-01-01")
                        .header(HttpHeaders.AUTHORIZATION, GP)
                        .exchange())
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.length()").isEqualTo(24);
                    assertThat(json)
                            .extractingPath("$[?(@.id == '21004-laken')]")
                            .asArray()
                            .singleElement()
                            .satisfies(laken -> assertThat(laken)
                                    .asInstanceOf(InstanceOfAssertFactories.MAP)
                                    .containsEntry("municipality", "21004")
                                    .containsEntry("district", true)
                                    .containsEntry("careZone", "noord"));
                    assertThat(json)
                            .extractingPath("$[?(@.municipality == '21010')].careZone")
                            .asArray()
                            .containsExactly("noord");
                });
    }

    @Test
    void theAreasAreForSignedInUsersOnly() {
        assertThat(mvc.get().uri("/api/directory/territory/areas").exchange())
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anAreaListForADayThatIsNoDateIsRefused() {
        assertThat(mvc.get()
                        .uri("/api/directory/territory/areas?date=tomorrow")
                        .header(HttpHeaders.AUTHORIZATION, GP)
                        .exchange())
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void harenIsInBrusselAndInNoord() {
        assertThat(lookup("1130", null)).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.ambiguous").isEqualTo(false);
            assertThat(json)
                    .extractingPath("$.candidates[0].municipality.nameNl")
                    .isEqualTo("Brussel");
            assertThat(json).extractingPath("$.candidates[0].area.nameNl").isEqualTo("Haren");
            assertThat(json).extractingPath("$.candidates[0].area.district").isEqualTo(true);
            assertThat(json).extractingPath("$.candidates[0].careZone.nameNl").isEqualTo("Noord");
        });
    }

    @Test
    void theVijfhoekAndLakenAreDistrictsOfBrusselInDifferentZones() {
        assertThat(lookup("1000", null))
                .bodyJson()
                .extractingPath("$.candidates[0].careZone.code")
                .isEqualTo("centrum-west");
        assertThat(lookup("1020", null))
                .bodyJson()
                .extractingPath("$.candidates[0].careZone.code")
                .isEqualTo("noord");
    }

    @Test
    void aSharedPostcodeGivesEveryCandidateSoTheCallerMustAsk() {
        assertThat(lookup("1040", null)).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.ambiguous").isEqualTo(true);
            assertThat(json)
                    .extractingPath("$.candidates[*].municipality.nameNl")
                    .asArray()
                    .containsExactlyInAnyOrder("Brussel", "Etterbeek");
        });
        assertThat(lookup("1050", null)).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.ambiguous").isEqualTo(true);
            assertThat(json)
                    .extractingPath("$.candidates[*].municipality.nameFr")
                    .asArray()
                    .containsExactlyInAnyOrder("Bruxelles", "Ixelles");
        });
    }

    @Test
    void anUnknownPostcodeIsNotFoundAndAMalformedOneIsInvalid() {
        assertThat(lookup("9000", null))
                .hasStatus(HttpStatus.NOT_FOUND)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(lookup("10a0", null))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("postcode");
    }

    @Test
    void aZoneMoveTakesEffectOnItsDateAndLeavesHistoryAsItWas() {
        assertThat(move("21004-haren", "{\"careZone\": \"noordoost\", \"effectiveFrom\": \"2027-01-01\"}", ADMIN))
                .hasStatus(HttpStatus.NO_CONTENT);

        assertThat(lookup("1130", "2026-12-31"))
                .bodyJson()
                .extractingPath("$.candidates[0].careZone.code")
                .isEqualTo("noord");
        assertThat(lookup("1130", "2027-01-01"))
                .bodyJson()
                .extractingPath("$.candidates[0].careZone.code")
                .isEqualTo("noordoost");
        assertThat(move("21004-haren", "{\"careZone\": \"noord\", \"effectiveFrom\": \"2026-06-01\"}", ADMIN))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("effectiveFrom");
        assertThat(jdbc.sql("SELECT details ->> 'careZone' FROM audit_entry WHERE subject_id = '21004-haren'")
                        .query(String.class)
                        .list())
                .as("the accepted move only")
                .containsExactly("noordoost");
    }

    @Test
    void onlyAnAdministratorMovesAnAreaAndOnlyToAZoneThatExists() {
        String move = "{\"careZone\": \"zuid\", \"effectiveFrom\": \"2030-01-01\"}";

        assertThat(move("21010", move, GP)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(move("21010", "{\"careZone\": \"atlantis\", \"effectiveFrom\": \"2030-01-01\"}", ADMIN))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("careZone");
        assertThat(move("99999", move, ADMIN)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(count("SELECT count(*) FROM area_zone WHERE area_id = '21010'"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM audit_entry WHERE subject_id IN ('21010', '99999')"))
                .isZero();
    }

    private MvcTestResult lookup(String postcode, String date) {
        return mvc.get()
                .uri("/api/directory/territory/postcodes/" + postcode + (date == null ? "" : "?date=" + date))
                .header(HttpHeaders.AUTHORIZATION, GP)
                .exchange();
    }

    private MvcTestResult move(String area, String body, String token) {
        return mvc.post()
                .uri("/api/directory/territory/areas/" + area + "/zone-moves")
                .header(HttpHeaders.AUTHORIZATION, token)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
