package be.bruzel.referralservice.referral;

import static be.bruzel.referralservice.referral.ReferralLifecycleIT.body;
import static org.assertj.core.api.Assertions.assertThat;

import be.bruzel.platform.testing.DirectoryWorld;
import be.bruzel.platform.testing.ServiceIntegrationTest;
import be.bruzel.platform.testing.TestTokens;
import com.jayway.jsonpath.JsonPath;
import io.cloudevents.CloudEvent;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * The referrer's list and the organisation's inbox: each person's name for those two only, every
 * name shown logged as a read, searched by name or reference, narrowed by status, theme and urgency.
 */
@ServiceIntegrationTest
class ReferralListsIT {

    private static final String OCMW = TestTokens.bearer("worker.ocmw", List.of("organisation-worker"), "ocmw-jette");
    private static final String CAW = TestTokens.bearer("worker.caw", List.of("organisation-worker"), "caw-brussel");
    private static final String ANALYST = TestTokens.bearer("analyst.bruzel", List.of("analyst"), null);

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaTemplate<String, CloudEvent> kafka;

    /** A referrer of this test alone, so that their list holds only what the test submitted. */
    private String referrer;

    private String gp;

    @BeforeEach
    void aReferrerOfItsOwn() {
        DirectoryWorld.ensurePublished(kafka, jdbc);
        referrer = "gp.lists-" + UUID.randomUUID();
        gp = TestTokens.bearer(referrer, List.of("referrer"), null);
    }

    @Test
    void theReferrerAndTheReceivingOrganisationSeeEachPersonsNameAndEveryNameShownIsLogged() throws Exception {
        String marie = submit("Marie Peeters", "finances", "SOON");
        String jan = submit("Jan Janssens", "finances", "ROUTINE");

        String mine = body(list(gp, "/api/referrals"));

        assertThat(JsonPath.<List<String>>read(mine, "$.items[*].personName"))
                .containsExactlyInAnyOrder("Marie Peeters", "Jan Janssens");
        assertThat(JsonPath.<List<String>>read(mine, "$.items[?(@.id == '" + marie + "')].reference"))
                .containsExactly(marie.substring(0, 8));
        assertThat(JsonPath.<Integer>read(mine, "$.total")).isEqualTo(2);
        assertThat(logged(referrer, "referral.list")).containsExactlyInAnyOrder(marie, jan);

        String inbox = body(search(OCMW, "/api/referrals/inbox/_search", Map.of("search", "Janssens")));
        assertThat(JsonPath.<List<String>>read(inbox, "$.items[*].id"))
                .contains(jan)
                .doesNotContain(marie);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM person_data_access
                        WHERE referral_id = :id AND user_id = 'worker.ocmw' AND organisation_id = 'ocmw-jette'
                          AND purpose = 'referral.list' AND NOT refused
                        """)
                        .param("id", UUID.fromString(jan))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aSearchFindsANameInAnyCaseWithOrWithoutAccentsAndAReferenceByItsStart() throws Exception {
        String helene = submit("Hélène Dubois-Lefèvre", "finances", "SOON");
        String marie = submit("Marie Peeters", "finances", "SOON");

        assertThat(foundIds(gp, Map.of("search", "helene"))).containsExactly(helene);
        assertThat(foundIds(gp, Map.of("search", "DUBOIS-LEFEVRE"))).containsExactly(helene);
        assertThat(foundIds(gp, Map.of("search", "Hélène"))).containsExactly(helene);
        assertThat(foundIds(gp, Map.of("search", "  peeters "))).containsExactly(marie);
        assertThat(foundIds(gp, Map.of("search", marie.substring(0, 8)))).containsExactly(marie);
        assertThat(foundIds(gp, Map.of("search", marie.substring(0, 8).toUpperCase())))
                .containsExactly(marie);
        assertThat(foundIds(gp, Map.of("search", "Claes"))).isEmpty();
    }

    @Test
    void aWildcardIsSearchedAsItselfNotAsAPattern() throws Exception {
        submit("Marie Peeters", "finances", "SOON");

        assertThat(foundIds(gp, Map.of("search", "%%"))).isEmpty();
        assertThat(foundIds(gp, Map.of("search", "M_rie"))).isEmpty();
        assertThat(foundIds(gp, Map.of("search", "\\\\"))).isEmpty();
    }

    @Test
    void filtersNarrowByStatusThemeAndUrgencyAndTheTotalCountsWhatIsLeft() throws Exception {
        String urgentDebts = submit("Marie Peeters", "finances", "URGENT");
        String routineDebts = submit("Jan Janssens", "finances", "ROUTINE");
        String loneliness = submit("Els Claes", "loneliness", "URGENT");
        mvc.post()
                .uri("/api/referrals/" + routineDebts + "/cancel")
                .header(HttpHeaders.AUTHORIZATION, gp)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}")
                .exchange();

        assertThat(listedIds(gp, "/api/referrals?theme=finances")).containsExactlyInAnyOrder(urgentDebts, routineDebts);
        assertThat(listedIds(gp, "/api/referrals?urgency=URGENT")).containsExactlyInAnyOrder(urgentDebts, loneliness);
        assertThat(listedIds(gp, "/api/referrals?theme=finances&urgency=URGENT"))
                .containsExactly(urgentDebts);
        assertThat(listedIds(gp, "/api/referrals?status=closed")).containsExactly(routineDebts);
        assertThat(listedIds(gp, "/api/referrals?status=new&theme=finances")).containsExactly(urgentDebts);
        assertThat(foundIds(gp, Map.of("search", "Claes", "theme", "finances"))).isEmpty();
        assertThat(JsonPath.<Integer>read(body(list(gp, "/api/referrals?urgency=URGENT&size=1")), "$.total"))
                .isEqualTo(2);
    }

    @Test
    void anotherReferrerAndAnotherOrganisationFindNoneOfTheseAndNothingIsLoggedForThem() throws Exception {
        String marie = submit("Marie Zeldzaam", "finances", "SOON");
        String otherGp = "gp.other-" + UUID.randomUUID();

        assertThat(foundIds(TestTokens.bearer(otherGp, List.of("referrer"), null), Map.of("search", "Zeldzaam")))
                .isEmpty();
        assertThat(JsonPath.<List<String>>read(
                        body(search(CAW, "/api/referrals/inbox/_search", Map.of("search", "Zeldzaam"))), "$.items"))
                .isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM person_data_access WHERE referral_id = :id AND user_id <> :referrer")
                        .param("id", UUID.fromString(marie))
                        .param("referrer", referrer)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aListIsOnlyForItsRole() {
        assertThat(list(ANALYST, "/api/referrals")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(list(ANALYST, "/api/referrals/inbox")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(search(ANALYST, "/api/referrals/_search", Map.of("search", "Peeters")))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(search(ANALYST, "/api/referrals/inbox/_search", Map.of("search", "Peeters")))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(list(OCMW, "/api/referrals")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(search(OCMW, "/api/referrals/_search", Map.of("search", "Peeters")))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(list(gp, "/api/referrals/inbox")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(search(gp, "/api/referrals/inbox/_search", Map.of("search", "Peeters")))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/api/referrals").exchange()).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void badNarrowingIsAProblemNamingTheFieldAndLogsNothing() throws Exception {
        submit("Marie Peeters", "finances", "SOON");
        long logged = logged(referrer, "referral.list").size();

        assertThat(list(gp, "/api/referrals?urgency=whenever"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("urgency");
        assertThat(list(gp, "/api/referrals?theme=Fin%20ances"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("theme");
        assertThat(search(gp, "/api/referrals/_search", Map.of("search", "M")))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("search");
        assertThat(search(gp, "/api/referrals/_search", Map.of("search", "x".repeat(101))))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("search");
        assertThat(search(gp, "/api/referrals/_search", Map.of("search", "Peeters", "urgency", "whenever")))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("urgency");
        assertThat(search(gp, "/api/referrals/_search", Map.of("search", "Peeters", "size", 101)))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("size");
        assertThat(search(gp, "/api/referrals/_search", Map.of("status", "all")))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("search");
        assertThat(logged(referrer, "referral.list")).hasSize((int) logged);
    }

    @Test
    void anErasedPersonIsListedWithoutANameAndTheListingIsNotLoggedAsARead() throws Exception {
        String marie = submit("Marie Peeters", "finances", "SOON");
        assertThat(mvc.post()
                        .uri("/api/referrals/" + marie + "/erasure")
                        .header(HttpHeaders.AUTHORIZATION, gp)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"PERSON_REQUEST\"}")
                        .exchange())
                .hasStatus2xxSuccessful();

        String mine = body(list(gp, "/api/referrals"));

        List<Map<String, Object>> listed = JsonPath.read(mine, "$.items[?(@.id == '" + marie + "')]");
        assertThat(listed)
                .singleElement()
                .satisfies(item -> assertThat(item.get("personName")).isNull());
        assertThat(logged(referrer, "referral.list")).isEmpty();
        assertThat(foundIds(gp, Map.of("search", "Peeters"))).isEmpty();
        assertThat(foundIds(gp, Map.of("search", marie.substring(0, 8)))).containsExactly(marie);
    }

    private String submit(String name, String theme, String urgency) throws Exception {
        MvcTestResult result = mvc.post()
                .uri("/api/referrals")
                .header(HttpHeaders.AUTHORIZATION, gp)
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {
                          "person": {"name": "%s", "phone": "0470 12 34 56", "preferredLanguage": "nl",
                                     "postcode": "1090"},
                          "themes": ["%s"],
                          "question": "Hulp gevraagd.",
                          "urgency": "%s",
                          "consent": {"given": true, "method": "ORAL", "givenAt": "2026-01-05T10:00:00Z"}
                        }
                        """.formatted(name, theme, urgency))
                .exchange();
        assertThat(result).as(body(result)).hasStatus(HttpStatus.CREATED);
        return JsonPath.read(body(result), "$.referrals[0].id");
    }

    private MvcTestResult list(String token, String uri) {
        return mvc.get().uri(uri).header(HttpHeaders.AUTHORIZATION, token).exchange();
    }

    /** A search as the web app posts it: the list's narrowing and the words, as JSON. */
    private MvcTestResult search(String token, String uri, Map<String, ?> narrowing) {
        return mvc.post()
                .uri(uri)
                .header(HttpHeaders.AUTHORIZATION, token)
                .contentType(MediaType.APPLICATION_JSON)
                .content(JsonMapper.builder().build().writeValueAsString(narrowing))
                .exchange();
    }

    private List<String> listedIds(String token, String uri) throws Exception {
        MvcTestResult result = list(token, uri);
        assertThat(result).hasStatusOk();
        return JsonPath.read(body(result), "$.items[*].id");
    }

    private List<String> foundIds(String token, Map<String, ?> narrowing) throws Exception {
        MvcTestResult result = search(token, "/api/referrals/_search", narrowing);
        assertThat(result).hasStatusOk();
        return JsonPath.read(body(result), "$.items[*].id");
    }

    private List<String> logged(String user, String purpose) {
        return jdbc.sql("""
                        SELECT CAST(referral_id AS text) FROM person_data_access
                        WHERE user_id = :user AND purpose = :purpose AND NOT refused
                        """)
                .param("user", user)
                .param("purpose", purpose)
                .query(String.class)
                .list();
    }
}
