package be.bruzel.statisticsservice.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import be.bruzel.platform.events.CloudEventCodec;
import be.bruzel.platform.events.ContactAttemptLogged;
import be.bruzel.platform.events.ReferralAccepted;
import be.bruzel.platform.events.ReferralCancelled;
import be.bruzel.platform.events.ReferralCompleted;
import be.bruzel.platform.events.ReferralDeclined;
import be.bruzel.platform.events.ReferralEvent;
import be.bruzel.platform.events.ReferralReminderDue;
import be.bruzel.platform.events.ReferralSubmitted;
import be.bruzel.platform.events.SatisfactionRated;
import be.bruzel.platform.events.Topics;
import be.bruzel.platform.testing.DirectoryWorld;
import be.bruzel.platform.testing.SettableClock;
import be.bruzel.platform.testing.TestTokens;
import com.jayway.jsonpath.JsonPath;
import io.cloudevents.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Who asks for statistics in the tests, and how: referral stories told as referral-service tells
 * them (its events on {@code referral.events}, keyed by referral, at the time of the test's clock),
 * figures read as each role may. Its tests are {@code @ServiceIntegrationTest}s with
 * {@link SettableClock.AsTheClock}.
 */
abstract class StatisticsScenario {

    static final Referrer GP = new Referrer("gp.jette", "general-practitioner");
    static final Referrer PHARMACIST = new Referrer("apotheek.jette", "pharmacist");
    static final String OCMW = token("worker.ocmw", "organisation-worker", "ocmw-jette", Map.of());
    static final String HELPDESK = token("helpdesk.noord", "organisation-worker", "helpdesk-noord", Map.of());
    static final String ANALYST = token("analyst.bruzel", "analyst", null, Map.of("care_zone", "bruzel"));
    static final String ANALYST_WITHOUT_ZONE = token("analyst.unknown", "analyst", null, Map.of());
    static final String ZONE_ANALYST = token("analyst.noord", "analyst", null, Map.of("care_zone", "noord"));
    static final String ADMIN = token("admin", "administrator", null, Map.of());

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaTemplate<String, CloudEvent> kafka;

    @Autowired
    SettableClock clock;

    private final CloudEventCodec codec = new CloudEventCodec("/referral-service");
    private final Map<UUID, String> receivers = new HashMap<>();

    @BeforeEach
    void directoryIsKnown() {
        DirectoryWorld.ensurePublished(kafka, jdbc);
    }

    /** A referrer: their user id (the statistics know only its pseudonym), profession and token. */
    record Referrer(String userId, String profession) {
        String token() {
            return StatisticsScenario.token(userId, "referrer", null, Map.of("profession", profession));
        }
    }

    /** Where the person lives, as referral-service resolved it on the day of submission. */
    record Residence(String postcode, String municipalityNis, String areaId, String careZoneCode) {}

    static final Residence JETTE = new Residence("1090", "21010", "21010", "noord");
    static final Residence ETTERBEEK = new Residence("1040", "21005", "21005", "zuidoost");

    List<UUID> submitAll(Referrer referrer, String theme, int times) {
        return submitAll(referrer, JETTE, theme, times);
    }

    /**
     * Submitted now, routed as the test directory routes: finances in Jette to OCMW Jette, loneliness
     * in zone Noord to CAW (the day centre is full), anything else to the zone's helpdesk (an unmet need).
     */
    List<UUID> submitAll(Referrer referrer, Residence residence, String theme, int times) {
        String organisation = theme.equals("finances") && residence.areaId().equals("21010")
                ? "ocmw-jette"
                : theme.equals("loneliness") && residence.careZoneCode().equals("noord")
                        ? "caw-brussel"
                        : "helpdesk-" + residence.careZoneCode();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            UUID id = UUID.randomUUID();
            receivers.put(id, organisation);
            publish(new ReferralSubmitted(
                    UUID.randomUUID(),
                    clock.instant(),
                    id,
                    referrer.userId(),
                    List.of(theme),
                    residence.postcode(),
                    "nl",
                    "ROUTINE",
                    residence.municipalityNis(),
                    residence.areaId(),
                    residence.careZoneCode(),
                    organisation,
                    null,
                    organisation.startsWith("helpdesk-"),
                    referrer.profession()));
            ids.add(id);
        }
        return ids;
    }

    /**
     * Waits until the projection holds every one of these referrals: a month's figures can be read (as zero)
     * before its events arrive, which the consumer fetches in batches of up to half a second.
     */
    void awaitProjected(List<UUID> referrals) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("SELECT count(*) FROM statistics_referral WHERE referral_id IN (:ids)")
                                .param("ids", referrals)
                                .query(Long.class)
                                .single()
                        == referrals.size());
    }

    void accept(UUID referral) {
        publish(new ReferralAccepted(UUID.randomUUID(), clock.instant(), referral, receivers.get(referral), null));
    }

    void contact(UUID referral, boolean reached) {
        publish(new ContactAttemptLogged(
                UUID.randomUUID(),
                clock.instant(),
                referral,
                UUID.randomUUID(),
                receivers.get(referral),
                clock.instant(),
                "PHONE",
                reached));
    }

    void complete(UUID referral, String outcome) {
        publish(new ReferralCompleted(UUID.randomUUID(), clock.instant(), referral, receivers.get(referral), outcome));
    }

    void cancel(UUID referral) {
        publish(new ReferralCancelled(
                UUID.randomUUID(), clock.instant(), referral, "referrer", receivers.get(referral)));
    }

    /** Declined by the last candidate: back with the referrer. */
    void decline(UUID referral) {
        publish(new ReferralDeclined(
                UUID.randomUUID(), clock.instant(), referral, receivers.get(referral), null, "NOT_OUR_OFFER", false));
    }

    void rate(UUID referral, String raterRole, int score) {
        publish(new SatisfactionRated(UUID.randomUUID(), clock.instant(), referral, raterRole, score));
    }

    /** What referral-service's follow-up publishes for a referral that waits too long for an answer. */
    void remind(UUID referral) {
        publish(new ReferralReminderDue(
                UUID.randomUUID(), clock.instant(), referral, receivers.get(referral), null, 2));
    }

    void publish(ReferralEvent event) {
        kafka.send(Topics.REFERRAL_EVENTS, event.subject(), codec.encode(event));
    }

    MvcTestResult get(String token, String uri) {
        var request = mvc.get().uri(uri);
        return (token == null ? request : request.header(HttpHeaders.AUTHORIZATION, token)).exchange();
    }

    String statistics(String token, String query) throws Exception {
        MvcTestResult result = get(token, "/api/statistics/referrals?" + query);
        assertThat(result).hasStatusOk();
        return body(result);
    }

    /** One row of a report: a group (none for all) in a period (none for the whole range). */
    record Row(String name, Map<String, Object> figures, List<String> suppressed) {
        long submitted() {
            return ((Number) figures.get("submitted")).longValue();
        }
    }

    static Row row(String report, String group, String period) {
        List<Map<String, Object>> rows = JsonPath.read(report, "$.rows");
        return rows.stream()
                .filter(row -> Objects.equals(row.get("group"), group) && Objects.equals(row.get("period"), period))
                .findFirst()
                .map(row -> new Row((String) row.get("name"), (Map<String, Object>) row.get("figures"), (List<String>)
                        row.get("suppressed")))
                .orElseThrow(() -> new AssertionError("no row " + group + " " + period + " in " + report));
    }

    static String body(MvcTestResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    static String token(String user, String role, String organisation, Map<String, Object> claims) {
        return "Bearer " + TestTokens.token(user, List.of(role), organisation, claims);
    }
}
