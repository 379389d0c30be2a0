package be.bruzel.directoryservice.organisation;

import static be.bruzel.directoryservice.DirectoryFixtures.ADMIN;
import static be.bruzel.directoryservice.DirectoryFixtures.GP;
import static be.bruzel.directoryservice.DirectoryFixtures.eventsOn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import be.bruzel.directoryservice.DirectoryFixtures;
import be.bruzel.platform.events.ServiceChanged;
import be.bruzel.platform.events.ServiceCheckDue;
import be.bruzel.platform.events.Topics;
import be.bruzel.platform.testing.ServiceIntegrationTest;
import be.bruzel.platform.testing.TestTokens;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** An organisation's coordinator keeps its services' listings; every change is audited and counts as a check. */
@ServiceIntegrationTest
class ListingIT {

    private static final String LONG_AGO = "2025-01-15";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ListingReminders reminders;

    String theme;
    String organisationId;
    String serviceId;
    String coordinator;

    @BeforeEach
    void aServiceOfTheTestsOwnOrganisationLastCheckedLongAgo() {
        theme = DirectoryFixtures.addTheme(mvc);
        organisationId = DirectoryFixtures.addOrganisation(mvc);
        serviceId = DirectoryFixtures.addService(mvc, organisationId, theme, "budget", "OPEN", "nl");
        coordinator = coordinatorOf(organisationId);
        checkedLongAgo(serviceId);
    }

    @Test
    void theCoordinatorSetsTheCapacityAndTheListingOfItsOwnServiceAuditedAndCheckedToday() {
        assertThat(write("PUT", "/capacity", coordinator, "{\"status\": \"FULL\", \"fullUntil\": \"2027-03-01\"}"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.capacity.status")
                .isEqualTo("FULL");
        int version = JsonPath.read(body(get(serviceId)), "$.version");

        MvcTestResult changed = write("PUT", "/listing", coordinator, """
                {"descriptionNl": "Budgetbegeleiding, ook 's avonds.", "descriptionFr": "Guidance budgétaire, aussi le soir.",
                 "intake": {"team": "Budgetcel", "email": "budget@%s.example", "language": "nl"},
                 "languages": ["nl", "fr", "ar"],
                 "openingHours": [{"weekday": 2, "opensAt": "17:00", "closesAt": "20:00"}],
                 "version": %d}""".formatted(organisationId, version));

        assertThat(changed).hasStatusOk().bodyJson().satisfies(json -> {
            json.assertThat().extractingPath("$.descriptionNl").isEqualTo("Budgetbegeleiding, ook 's avonds.");
            json.assertThat().extractingPath("$.intake.email").isEqualTo("budget@" + organisationId + ".example");
            json.assertThat().extractingPath("$.languages").asArray().containsExactly("ar", "fr", "nl");
            json.assertThat().extractingPath("$.openingHours[0].weekday").isEqualTo(2);
            json.assertThat().extractingPath("$.capacity.status").isEqualTo("FULL");
            json.assertThat().extractingPath("$.themes.length()").isEqualTo(1);
            json.assertThat().extractingPath("$.nameNl").isEqualTo("budget");
        });
        assertThat(actionsBy("coordinator." + organisationId))
                .containsExactly("service.capacity-changed", "service.listing-changed");
        assertThat(checkedOn(serviceId)).isEqualTo(today());
        await().atMost(Duration.ofSeconds(20))
                .until(() -> eventsOn(Topics.DIRECTORY_SERVICES, ServiceChanged.class, serviceId).stream()
                        .anyMatch(event -> ("budget@" + organisationId + ".example").equals(event.intakeEmail())));
    }

    @Test
    void aCoordinatorOfAnotherOrganisationAWorkerAndAReferrerAreRefusedAndNothingChanges() {
        String otherCoordinator = coordinatorOf(DirectoryFixtures.addOrganisation(mvc));
        String worker = TestTokens.bearer("worker." + organisationId, List.of("organisation-worker"), organisationId);
        long audited = audited();
        String before = body(get(serviceId));

        for (String refused : List.of(otherCoordinator, worker, GP)) {
            for (String[] write : List.of(
                    new String[] {"PUT", "/capacity", "{\"status\": \"PAUSED\"}"},
                    new String[] {"PUT", "/listing", listing("Ander", 0)},
                    new String[] {"POST", "/checked", ""})) {
                assertThat(write(write[0], write[1], refused, write[2]))
                        .as(write[0] + " " + write[1])
                        .hasStatus(HttpStatus.FORBIDDEN)
                        .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
            }
            assertThat(mvc.get()
                            .uri("/api/directory/organisations/" + organisationId + "/listing")
                            .header(HttpHeaders.AUTHORIZATION, refused)
                            .exchange())
                    .hasStatus(HttpStatus.FORBIDDEN);
        }

        assertThat(audited()).isEqualTo(audited);
        assertThat(body(get(serviceId))).isEqualTo(before);
        assertThat(checkedOn(serviceId)).isEqualTo(LocalDate.parse(LONG_AGO));
    }

    @Test
    void sayingTheListingIsStillRightChecksItTodayAndIsAudited() {
        assertThat(listingOf(coordinator)).bodyJson().satisfies(json -> {
            json.assertThat().extractingPath("$[0].id").isEqualTo(serviceId);
            json.assertThat().extractingPath("$[0].checkedOn").isEqualTo(LONG_AGO);
            json.assertThat().extractingPath("$[0].checkDue").isEqualTo(true);
        });

        assertThat(write("POST", "/checked", coordinator, ""))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    json.assertThat().extractingPath("$.checkedOn").isEqualTo(today().toString());
                    json.assertThat().extractingPath("$.checkDue").isEqualTo(false);
                });

        assertThat(actionsBy("coordinator." + organisationId)).containsExactly("service.checked");
        assertThat(listingOf(ADMIN)).bodyJson().extractingPath("$[0].checkDue").isEqualTo(false);
    }

    @Test
    void aServiceUncheckedForTheCheckPeriodRemindsItsCoordinatorsOnceAndAgainOnlyAfterTheNextCheck() {
        reminders.remindAll();

        await().atMost(Duration.ofSeconds(20))
                .until(() -> !remindersOf(serviceId).isEmpty());
        ServiceCheckDue due = remindersOf(serviceId).getFirst();
        assertThat(due.organisationId()).isEqualTo(organisationId);
        assertThat(due.checkedOn()).isEqualTo(LocalDate.parse(LONG_AGO));
        assertThat(due.nameNl()).isEqualTo("budget");

        reminders.remindAll();

        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .until(() -> remindersOf(serviceId).size() == 1);

        // Checked, then unchecked for another period: reminded again, of that check.
        assertThat(write("POST", "/checked", coordinator, "")).hasStatusOk();
        jdbc.sql("UPDATE service SET checked_on = DATE '2025-02-01' WHERE id = :id")
                .param("id", serviceId)
                .update();
        reminders.remindAll();

        await().atMost(Duration.ofSeconds(20))
                .until(() -> remindersOf(serviceId).size() == 2);
        assertThat(remindersOf(serviceId).getLast().checkedOn()).isEqualTo(LocalDate.parse("2025-02-01"));
    }

    @Test
    void aServiceCheckedWithinThePeriodIsNotReminded() {
        String fresh = DirectoryFixtures.addService(mvc, organisationId, theme, "fresh", "OPEN", "nl");

        reminders.remindAll();

        await().atMost(Duration.ofSeconds(20))
                .until(() -> !remindersOf(serviceId).isEmpty());
        assertThat(remindersOf(fresh)).isEmpty();
    }

    @Test
    void administratorsSeeTheServicesDueForACheckTheLongestUncheckedFirst() {
        String newer =
                DirectoryFixtures.addService(mvc, organisationId, DirectoryFixtures.addTheme(mvc), "b", "OPEN", "nl");
        jdbc.sql("UPDATE service SET checked_on = DATE '2025-03-01' WHERE id = :id")
                .param("id", newer)
                .update();

        MvcTestResult stale = mvc.get()
                .uri("/api/directory/services/stale?size=100")
                .header(HttpHeaders.AUTHORIZATION, ADMIN)
                .exchange();

        assertThat(stale).hasStatusOk();
        List<String> ids = JsonPath.read(body(stale), "$.items[*].id");
        assertThat(ids).containsSubsequence(serviceId, newer);
        assertThat(JsonPath.<Boolean>read(body(stale), "$.items[0].checkDue")).isTrue();
        assertThat(mvc.get()
                        .uri("/api/directory/services/stale")
                        .header(HttpHeaders.AUTHORIZATION, coordinator)
                        .exchange())
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get()
                        .uri("/api/directory/services/stale?size=500")
                        .header(HttpHeaders.AUTHORIZATION, ADMIN)
                        .exchange())
                .hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void theSearchSaysWhenAServiceWasChecked() {
        assertThat(mvc.get()
                        .uri("/api/directory/services?theme=" + theme)
                        .header(HttpHeaders.AUTHORIZATION, GP)
                        .exchange())
                .bodyJson()
                .extractingPath("$.items[?(@.id == '" + serviceId + "')].checkedOn")
                .asArray()
                .containsExactly(LONG_AGO);
    }

    @Test
    void aChangeOnAnOldVersionOrWithABadMailboxOrHoursIsRefusedNamingTheFieldAndNothingChanges() {
        long audited = audited();
        String before = body(get(serviceId));

        assertThat(write("PUT", "/listing", coordinator, listing("Oud", 99))).hasStatus(HttpStatus.CONFLICT);
        assertThat(write("PUT", "/listing", coordinator, listing("Oud", 0).replace("onthaal@", "onthaal-at-")))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("intake.email");
        assertThat(write(
                        "PUT",
                        "/listing",
                        coordinator,
                        listing("Oud", 0).replace("\"closesAt\": \"12:00\"", "\"closesAt\": \"08:00\"")))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .asString()
                .startsWith("openingHours[0]");

        assertThat(audited()).isEqualTo(audited);
        assertThat(body(get(serviceId))).isEqualTo(before);
    }

    private String listing(String description, int version) {
        return """
                {"descriptionNl": "%s", "descriptionFr": "%s",
                 "intake": {"team": "Onthaal", "email": "onthaal@%s.example"},
                 "languages": ["nl"],
                 "openingHours": [{"weekday": 1, "opensAt": "09:00", "closesAt": "12:00"}],
                 "version": %d}""".formatted(description, description, organisationId, version);
    }

    private static String coordinatorOf(String organisationId) {
        return TestTokens.bearer(
                "coordinator." + organisationId,
                List.of("organisation-worker", "organisation-coordinator"),
                organisationId);
    }

    private void checkedLongAgo(String id) {
        jdbc.sql("UPDATE service SET checked_on = CAST(:day AS date) WHERE id = :id")
                .param("day", LONG_AGO)
                .param("id", id)
                .update();
    }

    private LocalDate checkedOn(String id) {
        return jdbc.sql("SELECT checked_on FROM service WHERE id = :id")
                .param("id", id)
                .query(LocalDate.class)
                .single();
    }

    private static List<ServiceCheckDue> remindersOf(String id) {
        return eventsOn(Topics.DIRECTORY_SERVICE_CHECKS, ServiceCheckDue.class, id);
    }

    private List<String> actionsBy(String actor) {
        return jdbc.sql("SELECT action FROM audit_entry WHERE actor_id = :actor AND subject_id = :id ORDER BY id")
                .param("actor", actor)
                .param("id", serviceId)
                .query(String.class)
                .list();
    }

    private long audited() {
        return jdbc.sql("SELECT count(*) FROM audit_entry").query(Long.class).single();
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Brussels"));
    }

    private MvcTestResult listingOf(String token) {
        return mvc.get()
                .uri("/api/directory/organisations/" + organisationId + "/listing")
                .header(HttpHeaders.AUTHORIZATION, token)
                .exchange();
    }

    private MvcTestResult get(String id) {
        return mvc.get()
                .uri("/api/directory/services/" + id)
                .header(HttpHeaders.AUTHORIZATION, GP)
                .exchange();
    }

    private MvcTestResult write(String method, String path, String token, String body) {
        var request = method.equals("POST")
                ? mvc.post().uri("/api/directory/services/" + serviceId + path)
                : mvc.put().uri("/api/directory/services/" + serviceId + path);
        return request.header(HttpHeaders.AUTHORIZATION, token)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    private static String body(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
