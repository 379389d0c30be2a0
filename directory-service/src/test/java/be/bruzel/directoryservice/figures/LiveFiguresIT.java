package be.bruzel.directoryservice.figures;

import static be.bruzel.directoryservice.DirectoryFixtures.GP;
import static be.bruzel.directoryservice.DirectoryFixtures.theme;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import be.bruzel.directoryservice.DirectoryFixtures;
import be.bruzel.platform.events.CloudEventCodec;
import be.bruzel.platform.events.ReferralAccepted;
import be.bruzel.platform.events.ReferralDeclined;
import be.bruzel.platform.events.ReferralEvent;
import be.bruzel.platform.events.ReferralRerouted;
import be.bruzel.platform.events.ReferralSubmitted;
import be.bruzel.platform.events.Topics;
import be.bruzel.platform.testing.ServiceIntegrationTest;
import com.jayway.jsonpath.JsonPath;
import io.cloudevents.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * A referrer choosing a service sees how quickly and how often it took referrals over the last 90 days, made from the
 * platform's own referral events on real Kafka and PostgreSQL, and nothing for a service with too few.
 */
@ServiceIntegrationTest
class LiveFiguresIT {

    private static final CloudEventCodec REFERRAL_SERVICE = new CloudEventCodec("/referral-service");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaTemplate<String, CloudEvent> kafka;

    @Autowired
    ServiceFigures figures;

    String theme;
    String organisationId;
    String busy;
    String quiet;

    @BeforeEach
    void twoServicesOfTheTestsOwnNamedInJette() {
        theme = DirectoryFixtures.addTheme(mvc);
        organisationId = DirectoryFixtures.addOrganisation(mvc);
        busy = service("busy", "OPEN");
        quiet = service("quiet", "FULL");
        assertThat(write(
                        "PUT",
                        "/api/directory/routing-rules/MUNICIPALITY/21010/" + theme,
                        "{\"serviceIds\": [\"" + busy + "\", \"" + quiet + "\"]}"))
                .hasStatusOk();
    }

    @Test
    void theRoutingExplanationAndTheSearchShowTheRateAndMedianOfTheLast90DaysAndHideTooFew() throws Exception {
        Instant yesterday = Instant.now().minus(Duration.ofDays(1));
        // Six offered to the busy service: five accepted after 2, 4, 6, 8 and 10 hours; one declined and passed on.
        for (int hours = 2; hours <= 10; hours += 2) {
            UUID referral = UUID.randomUUID();
            send(submitted(referral, busy, yesterday));
            send(new ReferralAccepted(
                    UUID.randomUUID(), yesterday.plus(Duration.ofHours(hours)), referral, organisationId, busy));
        }
        UUID declined = UUID.randomUUID();
        send(submitted(declined, busy, yesterday));
        send(new ReferralDeclined(
                UUID.randomUUID(), yesterday.plusSeconds(60), declined, organisationId, busy, "NO_CAPACITY", true));
        send(new ReferralRerouted(
                UUID.randomUUID(), yesterday.plusSeconds(60), declined, organisationId, quiet, false));
        // One long ago: outside the window.
        UUID old = UUID.randomUUID();
        Instant longAgo = Instant.now().minus(Duration.ofDays(120));
        send(submitted(old, busy, longAgo));
        send(new ReferralAccepted(UUID.randomUUID(), longAgo.plus(Duration.ofHours(500)), old, organisationId, busy));
        // The quiet service: four in all, too few to say anything.
        for (int i = 0; i < 3; i++) {
            send(submitted(UUID.randomUUID(), quiet, yesterday));
        }

        await().atMost(Duration.ofSeconds(30))
                .until(() -> figures.of(List.of(busy)).get(busy).shown()
                        && count("SELECT count(*) FROM service_referral WHERE service_id = '" + quiet + "'") == 4);

        String explanation = body(mvc.get()
                .uri("/api/directory/routing?theme=" + theme + "&postcode=1090&language=nl")
                .header(HttpHeaders.AUTHORIZATION, GP)
                .exchange());
        Map<String, Object> busyStep = step(explanation, busy);
        assertThat(busyStep).containsEntry("capacity", "OPEN");
        assertThat(busyStep.get("figures"))
                .isEqualTo(
                        Map.of("shown", true, "referrals", 6, "acceptanceRate", 0.83, "medianHoursToAcceptance", 6.0));
        Map<String, Object> quietStep = step(explanation, quiet);
        assertThat(quietStep).containsEntry("capacity", "FULL");
        assertThat(quietStep.get("figures")).isEqualTo(Map.of("shown", false));

        String search = body(mvc.get()
                .uri("/api/directory/services?theme=" + theme)
                .header(HttpHeaders.AUTHORIZATION, GP)
                .exchange());
        assertThat(JsonPath.<List<Map<String, Object>>>read(search, "$.items[?(@.id == '" + busy + "')].figures"))
                .containsExactly(
                        Map.of("shown", true, "referrals", 6, "acceptanceRate", 0.83, "medianHoursToAcceptance", 6.0));
        assertThat(JsonPath.<List<Map<String, Object>>>read(search, "$.items[?(@.id == '" + quiet + "')].figures"))
                .containsExactly(Map.of("shown", false));
    }

    @Test
    void anEventDeliveredTwiceCountsOnce() {
        UUID referral = UUID.randomUUID();
        Instant now = Instant.now();
        CloudEvent offered = REFERRAL_SERVICE.encode(submitted(referral, busy, now));
        CloudEvent accepted = REFERRAL_SERVICE.encode(
                new ReferralAccepted(UUID.randomUUID(), now.plusSeconds(3600), referral, organisationId, busy));

        kafka.send(Topics.REFERRAL_EVENTS, referral.toString(), offered);
        kafka.send(Topics.REFERRAL_EVENTS, referral.toString(), offered);
        kafka.send(Topics.REFERRAL_EVENTS, referral.toString(), accepted);
        kafka.send(Topics.REFERRAL_EVENTS, referral.toString(), accepted);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("SELECT count(*) FROM service_referral WHERE referral_id = '" + referral
                                + "' AND accepted_at IS NOT NULL")
                        == 1);
        assertThat(count("SELECT count(*) FROM service_referral WHERE referral_id = '" + referral + "'"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM processed_event WHERE consumer = 'directory-service.referral-events'"
                        + " AND event_id IN ('" + offered.getId() + "', '" + accepted.getId() + "')"))
                .isEqualTo(2);
    }

    @Test
    void whatTheWindowNoLongerReachesIsForgotten() {
        UUID referral = UUID.randomUUID();
        send(submitted(referral, busy, Instant.now().minus(Duration.ofDays(200))));
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        count("SELECT count(*) FROM service_referral WHERE referral_id = '" + referral + "'") == 1);

        figures.forgetWhatTheWindowLeft();

        assertThat(count("SELECT count(*) FROM service_referral WHERE referral_id = '" + referral + "'"))
                .isZero();
    }

    private ReferralSubmitted submitted(UUID referral, String serviceId, Instant at) {
        return new ReferralSubmitted(
                UUID.randomUUID(),
                at,
                referral,
                "gp.jette",
                List.of(theme),
                "1090",
                "nl",
                "ROUTINE",
                "21010",
                "21010",
                "noord",
                organisationId,
                serviceId,
                false,
                "general-practitioner");
    }

    private void send(ReferralEvent event) {
        kafka.send(Topics.REFERRAL_EVENTS, event.subject(), REFERRAL_SERVICE.encode(event));
    }

    private static Map<String, Object> step(String explanation, String serviceId) {
        List<Map<String, Object>> steps =
                JsonPath.read(explanation, "$.considered[?(@.serviceId == '" + serviceId + "')]");
        assertThat(steps).hasSize(1);
        return steps.getFirst();
    }

    private String service(String name, String capacity) {
        return DirectoryFixtures.addService(mvc, organisationId, theme, name, capacity, "nl", "fr");
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static String body(MvcTestResult result) throws Exception {
        assertThat(result).hasStatusOk();
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private MvcTestResult write(String method, String uri, String body) {
        return DirectoryFixtures.asAdministrator(mvc, method, uri, body);
    }
}
