package be.bruzel.directoryservice.theme;

import static org.assertj.core.api.Assertions.assertThat;

import be.bruzel.platform.testing.ServiceBaseline;
import be.bruzel.platform.testing.ServiceIntegrationTest;
import be.bruzel.platform.testing.TestTokens;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

@ServiceIntegrationTest
class ThemesIT extends ServiceBaseline {

    private static final String ADMIN = TestTokens.bearer("admin", List.of("administrator"), null);
    private static final String GP = TestTokens.bearer("gp.jette", List.of("referrer"), null);

    @Override
    protected List<String> migrationVersions() {
        return List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15");
    }

    @Override
    protected String protectedEndpoint() {
        return "/api/directory/themes";
    }

    @Test
    void theStartingThemesAreLoadedFromTheReferenceData() {
        assertThat(jdbc.sql("SELECT code FROM theme").query(String.class).list())
                .contains("loneliness", "finances", "housing", "rights")
                .hasSizeGreaterThanOrEqualTo(12);
    }

    @Test
    void anyoneSignedInReadsThemesInBothLanguages() {
        assertThat(mvc.get().uri("/api/directory/themes/loneliness").header(HttpHeaders.AUTHORIZATION, GP))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.nameNl").isEqualTo("Eenzaamheid en sociaal contact");
                    assertThat(json).extractingPath("$.nameFr").isEqualTo("Solitude et contacts sociaux");
                });
        assertThat(mvc.get()
                        .uri("/api/directory/themes/teleportation")
                        .header(HttpHeaders.AUTHORIZATION, GP)
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "fr"))
                .hasStatus(HttpStatus.NOT_FOUND)
                .bodyJson()
                .extractingPath("$.detail")
                .isEqualTo("Il n'y a pas de thème teleportation.");
    }

    @Test
    void aBadThemeIsRefusedNamingTheFieldAndNothingIsStored() {
        assertThat(mvc.post()
                        .uri("/api/directory/themes")
                        .header(HttpHeaders.AUTHORIZATION, ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\": \"Bad Code\", \"nameNl\": \"x\", \"nameFr\": \"x\", \"nameEn\": \"x\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .containsExactly("code");
        assertThat(jdbc.sql("SELECT count(*) FROM theme WHERE code = 'Bad Code'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void onlyAnAdministratorAddsAThemeAndOnlyOnce() {
        String mobility = """
                {"code": "mobility", "nameNl": "Mobiliteit", "nameFr": "Mobilité", "nameEn": "Mobility", "active": true}
                """;

        assertThat(mvc.post()
                        .uri("/api/directory/themes")
                        .header(HttpHeaders.AUTHORIZATION, GP)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(mobility))
                .hasStatus(HttpStatus.FORBIDDEN)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(mvc.post()
                        .uri("/api/directory/themes")
                        .header(HttpHeaders.AUTHORIZATION, ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(mobility))
                .hasStatus(HttpStatus.CREATED);
        assertThat(mvc.post()
                        .uri("/api/directory/themes")
                        .header(HttpHeaders.AUTHORIZATION, ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(mobility))
                .hasStatus(HttpStatus.CONFLICT)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(jdbc.sql("SELECT count(*) FROM theme WHERE code = 'mobility'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT actor_id FROM audit_entry WHERE subject_type = 'theme' AND subject_id = 'mobility'")
                        .query(String.class)
                        .list())
                .as("one entry, for the one change that happened")
                .containsExactly("admin");
        assertThat(mvc.get().uri("/api/directory/audit?subjectType=theme").header(HttpHeaders.AUTHORIZATION, ADMIN))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$[0].action").isEqualTo("theme.added");
                    assertThat(json).extractingPath("$[0].details.nameFr").isEqualTo("Mobilité");
                });
        assertThat(mvc.get().uri("/api/directory/audit").header(HttpHeaders.AUTHORIZATION, GP))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void theAuditTrailWithoutAFilterListsEveryKindOfChange() {
        assertThat(mvc.get().uri("/api/directory/audit?size=5").header(HttpHeaders.AUTHORIZATION, ADMIN))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.length()")
                .asNumber()
                .isNotNull();
    }
}
