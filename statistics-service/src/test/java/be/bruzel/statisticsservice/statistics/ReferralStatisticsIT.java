package be.bruzel.statisticsservice.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import be.bruzel.platform.events.AreaChanged;
import be.bruzel.platform.events.CloudEventCodec;
import be.bruzel.platform.events.ContactAttemptLogged;
import be.bruzel.platform.events.PersonAnswered;
import be.bruzel.platform.events.ReferralAccepted;
import be.bruzel.platform.events.ReferralCompleted;
import be.bruzel.platform.events.ReferralDeclined;
import be.bruzel.platform.events.ReferralEvent;
import be.bruzel.platform.events.ReferralLogged;
import be.bruzel.platform.events.ReferralRerouted;
import be.bruzel.platform.events.ReferralSubmitted;
import be.bruzel.platform.events.SatisfactionRated;
import be.bruzel.platform.events.Topics;
import be.bruzel.platform.testing.ServiceIntegrationTest;
import be.bruzel.platform.testing.SettableClock;
import be.bruzel.statisticsservice.statistics.StatisticsQuery.Dimension;
import be.bruzel.statisticsservice.statistics.StatisticsQuery.Grain;
import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The statistics on real PostgreSQL and Kafka: referrals made through the API, their events
 * projected from {@code referral.events}, the figures read as each role may. Each test works in
 * months of 2025 of its own, so the referrals of other tests do not count in them.
 */
@ServiceIntegrationTest
@Import(SettableClock.AsTheClock.class)
class ReferralStatisticsIT extends StatisticsScenario {

    @Autowired
    StatisticsStore store;

    /**
     * January 2025 in Jette, five times over so that no count is small: seven referrals on debts
     * (finances, to OCMW Jette) by a GP and two on housing (no service: the helpdesk) by a pharmacist.
     * (Referral-service's own business metrics, by care zone, are pinned by its ReferralLifecycleIT.)
     */
    @Test
    void eachFigureCountsTheReferralsOfAKnownScenario() throws Exception {
        storiesInJette(Instant.parse("2025-01-06T09:00:00Z"));

        String query = awaitStoriesCounted("2025-01");

        String report = statistics(ANALYST, query);
        assertThat(row(report, "21010", "2025-01").name()).isEqualTo("Jette");
        assertThat(row(report, "21010", null).figures())
                .isEqualTo(row(report, "21010", "2025-01").figures());
        assertThat(row(report, null, null).figures())
                .isEqualTo(row(report, "21010", null).figures());
        String byProfession = statistics(ANALYST, "by=profession&from=2025-01&to=2025-01");
        assertThat(row(byProfession, "general-practitioner", null).figures()).containsEntry("submitted", 35);
        assertThat(row(byProfession, "pharmacist", null).figures())
                .containsEntry("submitted", 10)
                .containsEntry("unmetNeeds", 10);
        String byTheme = statistics(ANALYST, "by=theme&from=2025-01&to=2025-01");
        assertThat(row(byTheme, "finances", null).figures()).containsEntry("submitted", 35);
        assertThat(row(byTheme, "housing", null).figures()).containsEntry("submitted", 10);
    }

    /**
     * A new instance starts from the snapshot of the columns that an instance kept in the store, reads
     * only what changed after it, and counts what the running service counts.
     */
    @Test
    void aNewInstanceStartsFromTheSnapshotKeptInTheStoreAndCountsTheSame() throws Exception {
        storiesInJette(Instant.parse("2025-09-01T09:00:00Z"));
        awaitStoriesCounted("2025-09");
        StatisticsQuery september = new StatisticsQuery(
                Dimension.MUNICIPALITY, Grain.MONTH, YearMonth.of(2025, 9), YearMonth.of(2025, 9), Map.of());

        ReferralFacts keeping = new ReferralFacts(store, 1);
        Tally counted = keeping.tally(september);
        keeping.destroy();
        long newest = jdbc.sql("SELECT max(revision) FROM statistics_referral")
                .query(Long.class)
                .single();
        assertThat(jdbc.sql("SELECT revision FROM statistics_snapshot")
                        .query(Long.class)
                        .single())
                .isEqualTo(newest);

        ReferralFacts restarted = new ReferralFacts(store, Integer.MAX_VALUE);
        restarted.afterPropertiesSet();
        restarted.run(null);
        Tally fromSnapshot = restarted.tally(september);
        assertThat(fromSnapshot.groups()).isEqualTo(counted.groups());
        for (Figure figure : Figure.values()) {
            assertThat(fromSnapshot.cell(0, 0).value(figure))
                    .as(figure.key())
                    .isEqualTo(counted.cell(0, 0).value(figure));
        }
        assertThat(fromSnapshot.cell(0, 0).count(Figure.SUBMITTED)).isEqualTo(45);
    }

    /** Waits until the month of {@link #storiesInJette} has its figures; returns the query that shows them. */
    private String awaitStoriesCounted(String month) {
        String query = "by=municipality&from=" + month + "&to=" + month;
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(
                                row(statistics(ANALYST, query), "21010", month).figures())
                        .containsAllEntriesOf(storyFigures()));
        return query;
    }

    /** The figures of {@link #storiesInJette}. */
    private static Map<String, Object> storyFigures() {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("submitted", 45);
        expected.put("waiting", 10);
        expected.put("inProgress", 10);
        expected.put("completed", 15);
        expected.put("solved", 10);
        expected.put("partlySolved", 5);
        expected.put("referredOn", 0);
        expected.put("declined", 5);
        expected.put("cancelled", 5);
        expected.put("accepted", 25);
        expected.put("successful", 15);
        expected.put("personReached", 20);
        expected.put("personAnswered", 0);
        expected.put("personSaysContacted", 0);
        expected.put("personSaysNotContacted", 0);
        expected.put("unmetNeeds", 10);
        expected.put("overdue", 10);
        expected.put("escalated", 0);
        expected.put("contactAttempts", 25);
        expected.put("contactAttemptsReached", 20);
        expected.put("hoursToAcceptanceMedian", 10);
        expected.put("hoursToAcceptanceP90", 30);
        expected.put("hoursToFirstContactMedian", 26);
        expected.put("hoursToFirstContactP90", 48);
        expected.put("referrerSatisfaction", 3.0);
        expected.put("organisationSatisfaction", 5.0);
        expected.put("personSatisfaction", null);
        // Two referrers: referrers are persons too, and two is fewer than five.
        expected.put("activeReferrers", null);
        expected.put("connectedReferrers", null);
        expected.put("activeOrganisations", 2);
        expected.put("connectedOrganisations", 3);
        return expected;
    }

    @Test
    void aSmallCountIsSuppressedAndSoIsTheCellThatWouldRevealItThroughATotal() throws Exception {
        clock.set(Instant.parse("2025-02-03T09:00:00Z"));
        List<UUID> february = submitAll(GP, "finances", 6);
        cancel(february.getFirst());
        clock.set(Instant.parse("2025-03-03T09:00:00Z"));
        submitAll(GP, "finances", 7);

        String query = "by=municipality&from=2025-02&to=2025-03";
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(
                                row(statistics(ANALYST, query), "21010", null).submitted())
                        .isEqualTo(13));

        String report = statistics(ANALYST, query);
        Row feb = row(report, "21010", "2025-02");
        assertThat(feb.suppressed())
                .as("1 cancelled: a person could be singled out")
                .contains("cancelled");
        assertThat(feb.suppressed())
                .as("6 submitted - 5 waiting would tell the 1 cancelled")
                .contains("waiting");
        assertThat(feb.figures().get("cancelled")).isNull();
        assertThat(feb.figures().get("waiting")).isNull();
        assertThat(JsonPath.<Integer>read(report, "$.suppressedBelow")).isEqualTo(5);
        assertThat(JsonPath.<Integer>read(report, "$.perturbedUpTo")).isZero();
        noSumRevealsASuppressedCell(report);
    }

    /**
     * Referral-service names the care zone of the day of submission; Haren moving to another zone
     * in the directory moves none of the referrals counted before.
     */
    @Test
    void aReferralCountsInTheCareZoneOfTheDayItWasSubmittedAfterTheZoneChanged() throws Exception {
        clock.set(Instant.parse("2025-05-05T09:00:00Z"));
        submitAll(GP, new Residence("1130", "21004", "21004-haren", "noord"), "loneliness", 5);
        moveHarenToNoordoostFrom(LocalDate.parse("2025-06-01"));
        clock.set(Instant.parse("2025-06-02T09:00:00Z"));
        submitAll(GP, new Residence("1130", "21004", "21004-haren", "noordoost"), "loneliness", 5);

        String query = "by=care-zone&from=2025-05&to=2025-06&district=21004-haren";
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(
                                row(statistics(ANALYST, query), null, null).submitted())
                        .isEqualTo(10));

        String report = statistics(ANALYST, query);
        assertThat(row(report, "noord", "2025-05").submitted()).isEqualTo(5);
        assertThat(row(report, "noord", "2025-06").submitted()).isZero();
        assertThat(row(report, "noordoost", "2025-06").submitted()).isEqualTo(5);
        assertThat(row(report, "noordoost", "2025-06").figures()).containsEntry("unmetNeeds", 5);
        assertThat(row(report, "noordoost", "2025-05").submitted()).isZero();
        String byMunicipality = statistics(ANALYST, "by=municipality&from=2025-05&to=2025-06&district=21004-haren");
        assertThat(row(byMunicipality, "21004", null).name())
                .as("the municipality, not the district")
                .isEqualTo("Brussel");
    }

    @Test
    void theCsvSpeaksTheScreensWordsOpensInSpreadsheetsAndLeavesSuppressedCellsEmptyWithAFlag() throws Exception {
        clock.set(Instant.parse("2025-08-04T09:00:00Z"));
        List<UUID> august = submitAll(GP, "finances", 5);
        cancel(august.getFirst());
        String query = "/api/statistics/referrals?by=municipality&from=2025-08&to=2025-08";
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(row(
                                        statistics(ANALYST, query.substring(query.indexOf('?') + 1)), "21010", null)
                                .suppressed())
                        .contains("cancelled"));

        MvcTestResult dutch = mvc.get()
                .uri(query)
                .header(HttpHeaders.AUTHORIZATION, ANALYST)
                .header(HttpHeaders.ACCEPT, "text/csv")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "nl")
                .exchange();
        MvcTestResult french = mvc.get()
                .uri(query)
                .header(HttpHeaders.AUTHORIZATION, ANALYST)
                .header(HttpHeaders.ACCEPT, "text/csv")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "fr")
                .exchange();

        assertThat(dutch).hasStatusOk().hasContentType("text/csv;charset=UTF-8");
        assertThat(body(dutch)).as("a byte order mark, for spreadsheets").startsWith("\uFEFF");
        List<String> dutchLines = body(dutch).substring(1).lines().toList();
        assertThat(dutchLines.getFirst())
                .startsWith("Gemeente;Code;Periode;Verstuurd;Genoteerd (buiten het platform);Wachtend op antwoord;")
                .contains(";Uren tot aanvaarding (mediaan);")
                .endsWith(";Verborgen ter bescherming van de privacy");
        // The suppressed cell is empty, never an x or a zero, and the last column names it.
        assertThat(dutchLines)
                .anySatisfy(line -> assertThat(line)
                        .startsWith("Jette;21010;2025-08;5;0;;")
                        .contains("Ingetrokken")
                        .doesNotContain(";x;"));
        assertThat(dutchLines.getLast()).startsWith("Totaal;;2025-08/2025-08;5;0;;");
        List<String> frenchLines = body(french).substring(1).lines().toList();
        assertThat(frenchLines.getFirst())
                .startsWith("Commune;Code;Période;Envoyées;Notées (hors plateforme);En attente de réponse;")
                .contains(";Heures jusqu’à l’acceptation (médiane);")
                .endsWith(";Masqué pour protéger la vie privée");
        assertThat(frenchLines.getLast())
                .startsWith("Total;;2025-08/2025-08;5;0;;")
                .contains("Annulées");
    }

    @Test
    void everyRoleSeesOnlyWhatItMay() throws Exception {
        clock.set(Instant.parse("2025-10-06T09:00:00Z"));
        submitAll(GP, "finances", 5);
        submitAll(PHARMACIST, "housing", 5);
        submitAll(GP, ETTERBEEK, "finances", 5);
        String query = "by=care-zone&from=2025-10&to=2025-10";
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(
                                row(statistics(ANALYST, query), null, null).submitted())
                        .isEqualTo(15));

        assertThat(groups(statistics(ANALYST, query))).containsExactlyInAnyOrder("noord", "zuidoost");
        assertThat(groups(statistics(ZONE_ANALYST, query))).containsExactly("noord");
        assertThat(row(statistics(ZONE_ANALYST, query), null, null).submitted()).isEqualTo(10);
        assertThat(groups(statistics(OCMW, "by=organisation&from=2025-10&to=2025-10")))
                .containsExactly("ocmw-jette");
        assertThat(row(statistics(OCMW, query), null, null).submitted()).isEqualTo(5);
        assertThat(row(statistics(HELPDESK, query), null, null).submitted()).isEqualTo(5);
        assertThat(row(statistics(GP.token(), query), null, null).submitted())
                .as("the GP's own")
                .isEqualTo(10);
        assertThat(row(statistics(PHARMACIST.token(), query), null, null).submitted())
                .isEqualTo(5);

        MvcTestResult otherZone = get(ZONE_ANALYST, "/api/statistics/referrals?careZone=zuidoost");
        assertThat(otherZone)
                .hasStatus(HttpStatus.FORBIDDEN)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("careZone");
        assertThat(get(OCMW, "/api/statistics/referrals?organisation=caw-brussel"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(get(ADMIN, "/api/statistics/referrals"))
                .hasStatus(HttpStatus.FORBIDDEN)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(get(null, "/api/statistics/referrals")).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void anAnalystWithoutACareZoneIsRefusedRatherThanShownTheRegion() {
        MvcTestResult withoutZone = mvc.get()
                .uri("/api/statistics/referrals?by=care-zone")
                .header(HttpHeaders.AUTHORIZATION, ANALYST_WITHOUT_ZONE)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "nl")
                .exchange();

        assertThat(withoutZone).hasStatus(HttpStatus.FORBIDDEN).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(withoutZone).bodyText().contains("zorgzone").doesNotContain("\"rows\"", "noord", "submitted");
    }

    @Test
    void aBadParameterIsAProblemNamingItInTheCallersLanguage() {
        MvcTestResult badMonth = mvc.get()
                .uri("/api/statistics/referrals?from=2025-13")
                .header(HttpHeaders.AUTHORIZATION, ANALYST)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "nl")
                .exchange();
        assertThat(badMonth).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(badMonth).bodyJson().extractingPath("$.errors[0].field").isEqualTo("from");
        assertThat(badMonth).bodyJson().extractingPath("$.detail").asString().contains("geen maand");

        MvcTestResult badGrouping = mvc.get()
                .uri("/api/statistics/referrals?by=street")
                .header(HttpHeaders.AUTHORIZATION, ANALYST)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "fr")
                .header(HttpHeaders.ACCEPT, "text/csv")
                .exchange();
        assertThat(badGrouping).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(badGrouping).bodyJson().extractingPath("$.errors[0].field").isEqualTo("by");
        assertThat(get(ANALYST, "/api/statistics/referrals?from=2025-06&to=2025-01"))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(get(ANALYST, "/api/statistics/referrals?period=week")).hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void figuresRebuiltFromTheEventLogEqualTheLiveOnes() throws Exception {
        storiesInJette(Instant.parse("2025-12-01T09:00:00Z"));
        String query = "by=municipality&period=quarter&from=2025-01&to=2025-12";
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(
                                row(statistics(ANALYST, "by=municipality&from=2025-12&to=2025-12"), "21010", "2025-12")
                                        .figures())
                        .containsAllEntriesOf(storyFigures()));
        String live = settled(query);

        assertThat(mvc.post().uri("/api/statistics/rebuild").header(HttpHeaders.AUTHORIZATION, ADMIN))
                .hasStatus(HttpStatus.ACCEPTED)
                .bodyJson()
                .extractingPath("$.state")
                .isEqualTo("RUNNING");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> JsonPath.<String>read(body(get(ADMIN, "/api/statistics/rebuild")), "$.state")
                        .equals("DONE"));

        assertThat(statistics(ANALYST, query)).isEqualTo(live);
        assertThat(get(ANALYST, "/api/statistics/rebuild")).hasStatus(HttpStatus.FORBIDDEN);
    }

    /** The report once two reads a second apart agree: no event of it is still on its way. */
    private String settled(String query) {
        String[] last = {""};
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    String now = statistics(ANALYST, query);
                    boolean same = now.equals(last[0]);
                    last[0] = now;
                    return same;
                });
        return last[0];
    }

    @Test
    void theStatisticsStoreHoldsNoPersonalData() throws Exception {
        clock.set(Instant.parse("2025-11-03T09:00:00Z"));
        submitAll(GP, "finances", 1);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("SELECT count(*) FROM statistics_referral WHERE submitted_at >= '2025-11-01'")
                                .query(Long.class)
                                .single()
                        > 0);

        List<String> columns = jdbc.sql("""
                SELECT column_name FROM information_schema.columns WHERE table_name = 'statistics_referral'
                """).query(String.class).list();
        assertThat(columns)
                .noneMatch(column -> column.contains("name")
                        || column.contains("phone")
                        || column.contains("email")
                        || column.contains("question")
                        || column.contains("postcode"));
        assertThat(jdbc.sql("SELECT count(*) FROM statistics_referral WHERE referrer_key = 'gp.jette'")
                        .query(Long.class)
                        .single())
                .as("the referrer is a pseudonym")
                .isZero();
    }

    @Test
    void anEventDeliveredTwiceCountsOnce() {
        UUID referral = UUID.randomUUID();
        Instant at = Instant.parse("2024-09-02T09:00:00Z");
        ReferralEvent attempt = new ContactAttemptLogged(
                UUID.randomUUID(),
                at.plusSeconds(60),
                referral,
                UUID.randomUUID(),
                "ocmw-jette",
                at.plusSeconds(60),
                "PHONE",
                false);

        publish(List.of(submitted(referral, at), attempt, attempt));

        await().atMost(Duration.ofSeconds(30)).until(() -> processed(attempt.eventId()));
        assertThat(jdbc.sql("SELECT contact_attempts FROM statistics_referral WHERE referral_id = :id")
                        .param("id", referral)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void eventsInAnyOrderLeaveTheSameRow() {
        Instant at = Instant.parse("2024-09-02T09:00:00Z");
        UUID inOrder = UUID.randomUUID();
        UUID reversed = UUID.randomUUID();
        List<ReferralEvent> backwards = new ArrayList<>(storyOf(reversed, at));
        Collections.reverse(backwards);

        publish(storyOf(inOrder, at));
        publish(backwards);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> backwards.stream().allMatch(event -> processed(event.eventId())));
        String row = """
                SELECT submitted_at, area_id, care_zone_code, array_to_string(theme_codes, ',') AS theme_codes,
                       referrer_key, organisation_id, unmet_need, accepted_at, first_contact_at, contact_attempts,
                       contact_attempts_reached, completed_at, outcome,
                       referrer_score, person_contacted, person_score FROM statistics_referral WHERE referral_id = :id
                """;
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(
                                jdbc.sql(row).param("id", inOrder).query().listOfRows())
                        .singleElement()
                        .satisfies(expected -> assertThat(expected)
                                .containsEntry("organisation_id", "caw-brussel")
                                .containsEntry("outcome", "SOLVED")
                                .containsEntry("contact_attempts", 2)
                                .containsEntry("person_contacted", true)
                                .containsEntry("unmet_need", false)));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(
                                jdbc.sql(row).param("id", reversed).query().singleRow())
                        .isEqualTo(jdbc.sql(row).param("id", inOrder).query().singleRow()));
    }

    @Test
    void loggedReferralsCountApartFromThePlatformsOwnOnceEachInTheMonthTheyWereMade() throws Exception {
        // October 2022 in Jette: six referrals through the platform, and twelve made by phone and logged in November.
        List<ReferralEvent> events = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            events.add(submitted(UUID.randomUUID(), Instant.parse("2022-10-05T09:00:00Z")));
        }
        for (int i = 0; i < 12; i++) {
            events.add(new ReferralLogged(
                    UUID.randomUUID(),
                    Instant.parse("2022-11-02T09:00:00Z"),
                    UUID.randomUUID(),
                    "gp.jette",
                    "general-practitioner",
                    LocalDate.parse("2022-10-27"),
                    "PHONE",
                    List.of("housing"),
                    "21010",
                    "21010",
                    "noord",
                    i % 2 == 0 ? "caw-brussel" : null));
        }
        ReferralEvent twice = events.getLast();
        events.add(twice);

        publish(events);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> events.stream().allMatch(event -> processed(event.eventId())));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String report = statistics(ANALYST, "by=municipality&from=2022-10&to=2022-11");
            assertThat(row(report, "21010", "2022-10").figures())
                    .containsEntry("submitted", 6)
                    .containsEntry("logged", 12)
                    .containsEntry("waiting", 6);
            assertThat(row(report, "21010", null).figures())
                    .as("made in March, logged in November: counted in March")
                    .containsEntry("logged", 12);
        });
        String byTheme = statistics(ANALYST, "by=theme&from=2022-10&to=2022-10");
        assertThat(row(byTheme, "housing", null).figures())
                .containsEntry("logged", 12)
                .containsEntry("submitted", 0)
                .containsEntry("unmetNeeds", 0);
    }

    @Test
    void whatThePersonsSayThemselvesCountsOnceEach() throws Exception {
        // September 2021 in Jette: eleven referrals accepted; ten persons answer, five say they were contacted.
        Instant at = Instant.parse("2021-09-06T09:00:00Z");
        List<ReferralEvent> events = new ArrayList<>();
        int[] scores = {5, 4, 4, 3, 5, 2, 1, 3, 4, 5};
        for (int i = 0; i < 11; i++) {
            UUID referral = UUID.randomUUID();
            events.add(submitted(referral, at));
            events.add(new ReferralAccepted(UUID.randomUUID(), at.plusSeconds(3600), referral, "ocmw-jette", "ocmw"));
            if (i < scores.length) {
                events.add(new PersonAnswered(
                        UUID.randomUUID(), at.plusSeconds(86_400), referral, "ocmw-jette", i < 5, scores[i]));
            }
        }
        ReferralEvent twice = events.get(2);
        events.add(twice);

        publish(events);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> events.stream().allMatch(event -> processed(event.eventId())));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(
                                row(statistics(ANALYST, "by=municipality&from=2021-09&to=2021-09"), "21010", "2021-09")
                                        .figures())
                        .containsEntry("inProgress", 11)
                        .containsEntry("personAnswered", 10)
                        .containsEntry("personSaysContacted", 5)
                        .containsEntry("personSaysNotContacted", 5)
                        .containsEntry("personSatisfaction", 3.6)
                        .as("what the person says is not what the organisation logged")
                        .containsEntry("personReached", 0));
    }

    /** As referral-service publishes them: onto referral.events, keyed by referral, in this order. */
    private void publish(List<ReferralEvent> events) {
        CloudEventCodec codec = new CloudEventCodec("/referral-service");
        events.forEach(event -> kafka.send(Topics.REFERRAL_EVENTS, event.subject(), codec.encode(event)));
        kafka.flush();
    }

    private boolean processed(UUID eventId) {
        return jdbc.sql("SELECT count(*) FROM processed_event WHERE consumer = :consumer AND event_id = :id")
                        .param("consumer", StatisticsProjection.CONSUMER)
                        .param("id", eventId)
                        .query(Long.class)
                        .single()
                == 1;
    }

    /** Submitted to OCMW Jette, declined and rerouted to CAW, accepted, two contact attempts, completed, rated. */
    private static List<ReferralEvent> storyOf(UUID referral, Instant at) {
        return List.of(
                submitted(referral, at),
                new ReferralDeclined(
                        UUID.randomUUID(), at.plusSeconds(60), referral, "ocmw-jette", "ocmw", "NO_CAPACITY", true),
                new ReferralRerouted(UUID.randomUUID(), at.plusSeconds(60), referral, "caw-brussel", "caw", false),
                new ReferralAccepted(UUID.randomUUID(), at.plusSeconds(120), referral, "caw-brussel", "caw"),
                new ContactAttemptLogged(
                        UUID.randomUUID(),
                        at.plusSeconds(180),
                        referral,
                        UUID.randomUUID(),
                        "caw-brussel",
                        at.plusSeconds(180),
                        "PHONE",
                        false),
                new ContactAttemptLogged(
                        UUID.randomUUID(),
                        at.plusSeconds(240),
                        referral,
                        UUID.randomUUID(),
                        "caw-brussel",
                        at.plusSeconds(240),
                        "PHONE",
                        true),
                new ReferralCompleted(UUID.randomUUID(), at.plusSeconds(300), referral, "caw-brussel", "SOLVED"),
                new SatisfactionRated(UUID.randomUUID(), at.plusSeconds(360), referral, "REFERRER", 4),
                new PersonAnswered(UUID.randomUUID(), at.plusSeconds(420), referral, "caw-brussel", true, 5));
    }

    private static ReferralSubmitted submitted(UUID referral, Instant at) {
        return new ReferralSubmitted(
                UUID.randomUUID(),
                at,
                referral,
                "gp.jette",
                List.of("finances"),
                "1090",
                "nl",
                "ROUTINE",
                "21010",
                "21010",
                "noord",
                "ocmw-jette",
                "ocmw",
                false,
                "general-practitioner");
    }

    /**
     * Nine referral stories, five times each, from a Monday on; three days later the follow-up
     * finds the unanswered ones overdue.
     */
    private void storiesInJette(Instant start) throws Exception {
        clock.set(start);
        List<List<UUID>> stories = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            stories.add(submitAll(GP, "finances", 5));
        }
        List<UUID> waitingHousing = submitAll(PHARMACIST, "housing", 5);
        List<UUID> declinedHousing = submitAll(PHARMACIST, "housing", 5);
        at(start, 2, () -> stories.get(0).forEach(this::accept));
        at(start, 4, () -> stories.get(1).forEach(this::accept));
        at(start, 5, () -> stories.get(0).forEach(id -> contact(id, true)));
        at(start, 6, () -> stories.get(1).forEach(id -> contact(id, false)));
        at(start, 10, () -> stories.get(2).forEach(this::accept));
        at(start, 24, () -> stories.get(3).forEach(this::accept));
        at(start, 26, () -> stories.get(1).forEach(id -> contact(id, true)));
        at(start, 30, () -> {
            stories.get(2).forEach(id -> contact(id, true));
            stories.get(4).forEach(this::accept);
        });
        at(start, 48, () -> {
            stories.get(3).forEach(id -> contact(id, true));
            stories.get(0).forEach(id -> complete(id, "SOLVED"));
            stories.get(1).forEach(id -> complete(id, "PARTLY_SOLVED"));
            stories.get(2).forEach(id -> complete(id, "SOLVED"));
            stories.get(6).forEach(this::cancel);
            declinedHousing.forEach(this::decline);
            stories.get(0).forEach(id -> rate(id, "REFERRER", 4));
            stories.get(0).forEach(id -> rate(id, "ORGANISATION", 5));
            stories.get(1).forEach(id -> rate(id, "REFERRER", 2));
        });
        // Three days on, referral-service's follow-up finds the unanswered ones overdue.
        at(start, 72, () -> {
            stories.get(5).forEach(this::remind);
            waitingHousing.forEach(this::remind);
        });
    }

    private void moveHarenToNoordoostFrom(LocalDate day) {
        // Stamped now, not on the test's clock: the copy keeps the newest state by event time.
        AreaChanged moved = new AreaChanged(
                UUID.randomUUID(),
                Instant.now(),
                "21004-haren",
                "21004",
                "bruzel",
                "Haren",
                "Haren",
                List.of("1130"),
                List.of(
                        new AreaChanged.ZonePeriod("noord", LocalDate.parse("2020-01-01"), day),
                        new AreaChanged.ZonePeriod("noordoost", day, null)),
                "Brussel",
                "Bruxelles");
        kafka.send(
                Topics.DIRECTORY_TERRITORY, moved.subject(), new CloudEventCodec("/directory-service").encode(moved));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("""
                SELECT count(*) FROM directory_area WHERE area_id = '21004-haren' AND care_zones::text LIKE '%noordoost%'
                """).query(Long.class).single() == 1);
    }

    private void at(Instant start, int hours, Runnable step) {
        clock.set(start.plus(Duration.ofHours(hours)));
        step.run();
    }

    private static List<String> groups(String report) {
        List<String> groups = JsonPath.read(report, "$.rows[*].group");
        return groups.stream().filter(Objects::nonNull).distinct().toList();
    }

    /** Within each row the states add up to the submitted: none of them may be the only unknown. */
    private static void noSumRevealsASuppressedCell(String report) {
        List<Map<String, Object>> rows = JsonPath.read(report, "$.rows");
        List<String> states = List.of("submitted", "waiting", "inProgress", "completed", "declined", "cancelled");
        for (Map<String, Object> row : rows) {
            List<String> suppressed = (List<String>) row.get("suppressed");
            long unknown = states.stream().filter(suppressed::contains).count();
            assertThat(unknown).as("unknowns among the states of " + row).isNotEqualTo(1);
        }
    }
}
