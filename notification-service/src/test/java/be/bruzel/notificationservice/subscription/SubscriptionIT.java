package be.bruzel.notificationservice.subscription;

import static be.bruzel.platform.fhir.FhirValidity.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import be.bruzel.platform.events.CloudEventCodec;
import be.bruzel.platform.events.FeedbackPosted;
import be.bruzel.platform.events.ReferralAccepted;
import be.bruzel.platform.events.ReferralEvent;
import be.bruzel.platform.events.ReferralSubmitted;
import be.bruzel.platform.events.Topics;
import be.bruzel.platform.fhir.FhirValidity;
import be.bruzel.platform.testing.ServiceIntegrationTest;
import be.bruzel.platform.testing.TestTokens;
import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpServer;
import io.cloudevents.CloudEvent;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * FHIR Subscription end to end within the service: a referrer's GP software (a real HTTP server here) subscribes,
 * referral events arrive on Kafka, each change of the referrer's Tasks is posted to it once, through failures.
 */
@ServiceIntegrationTest
// Closed after its tests: a context left running would go on delivering from the shared database.
@DirtiesContext
class SubscriptionIT {

    private static final CloudEventCodec REFERRAL_SERVICE = new CloudEventCodec("/referral-service");
    private static final String FHIR_JSON = "application/fhir+json";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaTemplate<String, CloudEvent> kafka;

    private final String gp = "gp-" + UUID.randomUUID();
    private final String token = TestTokens.bearer(gp, List.of("referrer"), null);
    private GpSoftware software;

    @BeforeEach
    void gpSoftwareListens() throws IOException {
        software = new GpSoftware();
    }

    @AfterEach
    void gpSoftwareStops() {
        software.stop();
    }

    @Test
    void aReferrerSubscribesToTheirOwnTasksAndReadsItBack() {
        MvcTestResult created = subscribe(token, "Task?requester=Practitioner/" + gp, software.url());
        String location = created.getResponse().getHeader("Location");
        String id = location.substring(location.indexOf("Subscription/") + "Subscription/".length())
                .split("/")[0];

        valid(created, HttpStatus.CREATED);
        String read = valid(get("/fhir/R4/Subscription/" + id, token), HttpStatus.OK);
        assertThat((String) JsonPath.read(read, "$.status")).isEqualTo("active");
        assertThat((String) JsonPath.read(read, "$.criteria")).isEqualTo("Task?requester=Practitioner/" + gp);
        assertThat((String) JsonPath.read(read, "$.channel.endpoint")).isEqualTo(software.url());
        assertThat(read).doesNotContain("secret-of-the-gp-software");
        String mine = valid(get("/fhir/R4/Subscription", token), HttpStatus.OK);
        assertThat((List<String>) JsonPath.read(mine, "$.entry[*].resource.id")).containsExactly(id);
    }

    @Test
    void onlyAReferrerSubscribesOnlyToTheirOwnTasksAndOnlyTheySeeIt() {
        String id = idOf(subscribe(token, "Task?requester=" + gp, software.url()));
        String other = TestTokens.bearer("gp-" + UUID.randomUUID(), List.of("referrer"), null);
        String worker = TestTokens.bearer("worker", List.of("organisation-worker"), "ocmw-jette");
        long before = count();

        valid(get("/fhir/R4/Subscription/" + id, other), HttpStatus.NOT_FOUND);
        valid(delete(id, other), HttpStatus.NOT_FOUND);
        assertThat((Integer) JsonPath.read(valid(get("/fhir/R4/Subscription", other), HttpStatus.OK), "$.total"))
                .isZero();
        valid(subscribe(worker, "Task?requester=worker", software.url()), HttpStatus.FORBIDDEN);
        assertThat(expression(subscribe(token, "Task?requester=Practitioner/someone-else", software.url())))
                .isEqualTo("Subscription.criteria");
        assertThat(expression(subscribe(token, "Task?requester=" + gp, "ftp://gp.example/hook")))
                .isEqualTo("Subscription.channel.endpoint");
        assertThat(expression(
                        subscribe(token, "Task?requester=" + gp, software.url(), "email", "application/fhir+json")))
                .isEqualTo("Subscription.channel.type");
        assertThat(expression(subscribe(token, "Task?requester=" + gp, software.url(), "rest-hook", "text/plain")))
                .isEqualTo("Subscription.channel.payload");
        assertThat(get("/fhir/R4/Subscription", null)).hasStatus(HttpStatus.UNAUTHORIZED);

        assertThat(count()).isEqualTo(before);
        assertThat(status(id)).isEqualTo("ACTIVE");
    }

    @Test
    void eachChangeOfTheirTasksIsPostedOnceNumberedAndNamingOnlyTheTask() {
        String id = idOf(subscribe(token, "Task?requester=Practitioner/" + gp, software.url()));
        UUID referral = UUID.randomUUID();
        ReferralAccepted accepted =
                new ReferralAccepted(UUID.randomUUID(), Instant.now(), referral, "ocmw-jette", null);

        send(submitted(referral, gp));
        send(accepted);
        send(accepted);
        send(new FeedbackPosted(
                UUID.randomUUID(),
                Instant.now(),
                referral,
                UUID.randomUUID(),
                "ORGANISATION",
                "worker",
                "ocmw-jette",
                gp));
        send(submitted(UUID.randomUUID(), "gp-" + UUID.randomUUID()));

        await().atMost(Duration.ofSeconds(20)).until(() -> software.received.size() >= 2);
        pause();
        assertThat(software.received).hasSize(2);
        for (Received notification : software.received) {
            assertThat(notification.authorization()).isEqualTo("Bearer secret-of-the-gp-software");
            assertThat(notification.contentType()).startsWith(FHIR_JSON);
            assertThat(FhirValidity.errorsIn(notification.body()))
                    .as(notification.body())
                    .isEmpty();
            assertThat((String) JsonPath.read(notification.body(), "$.type")).isEqualTo("history");
            assertThat((String) JsonPath.read(notification.body(), "$.entry[1].fullUrl"))
                    .isEqualTo("http://localhost:8080/fhir/R4/Task/" + referral);
            assertThat(notification.body()).doesNotContain("Peeters", "housing", "1090");
        }
        assertThat(software.received.stream()
                        .map(notification -> JsonPath.<List<String>>read(
                                        notification.body(),
                                        "$.entry[0].resource.parameter[?(@.name == 'notification-event')]"
                                                + ".part[?(@.name == 'event-number')].valueString")
                                .getFirst())
                        .toList())
                .containsExactlyInAnyOrder("1", "2");
        assertThat(jdbc.sql("SELECT count(*) FROM fhir_notification WHERE subscription_id = :id AND status = 'SENT'")
                        .param("id", UUID.fromString(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void anEndpointThatFailsIsTriedAgainUntilItTakesItAndTheSubscriptionSaysSoMeanwhile() {
        software.failFirst(3);
        String id = idOf(subscribe(token, "Task?requester=" + gp, software.url()));
        UUID referral = UUID.randomUUID();

        send(submitted(referral, gp));

        // Two attempts make a round (the tests' setting): then the subscription is in error, and is tried again.
        await().atMost(Duration.ofSeconds(20)).until(() -> "ERROR".equals(status(id)));
        String inError = valid(get("/fhir/R4/Subscription/" + id, token), HttpStatus.OK);
        assertThat((String) JsonPath.read(inError, "$.status")).isEqualTo("error");
        assertThat((String) JsonPath.read(inError, "$.error")).contains("503");
        await().atMost(Duration.ofSeconds(30)).until(() -> software.accepted.get() == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> "ACTIVE".equals(status(id)));

        assertThat(software.received).hasSize(4);
        assertThat(jdbc.sql("SELECT attempts FROM fhir_notification WHERE subscription_id = :id AND status = 'SENT'")
                        .param("id", UUID.fromString(id))
                        .query(Integer.class)
                        .single())
                .isEqualTo(3);
    }

    @Test
    void aDeletedSubscriptionHearsNothingMore() {
        String id = idOf(subscribe(token, "Task?requester=" + gp, software.url()));

        assertThat(delete(id, token).getResponse().getStatus()).isBetween(200, 204);
        send(submitted(UUID.randomUUID(), gp));
        pause();

        valid(get("/fhir/R4/Subscription/" + id, token), HttpStatus.GONE);
        assertThat(software.received).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM fhir_notification WHERE subscription_id = :id")
                        .param("id", UUID.fromString(id))
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private MvcTestResult subscribe(String token, String criteria, String endpoint) {
        return subscribe(token, criteria, endpoint, "rest-hook", FHIR_JSON);
    }

    private MvcTestResult subscribe(String token, String criteria, String endpoint, String type, String payload) {
        return mvc.post()
                .uri("/fhir/R4/Subscription")
                .header("Authorization", token)
                .contentType(FHIR_JSON)
                .content("""
                        {"resourceType": "Subscription", "status": "requested", "reason": "Follow my referrals",
                         "criteria": "%s",
                         "channel": {"type": "%s", "endpoint": "%s", "payload": "%s",
                                     "header": ["Authorization: Bearer secret-of-the-gp-software"]}}
                        """.formatted(criteria, type, endpoint, payload))
                .exchange();
    }

    private MvcTestResult get(String uri, String token) {
        var request = mvc.get().uri(uri);
        return token == null
                ? request.exchange()
                : request.header("Authorization", token).exchange();
    }

    private MvcTestResult delete(String id, String token) {
        return mvc.delete()
                .uri("/fhir/R4/Subscription/" + id)
                .header("Authorization", token)
                .exchange();
    }

    private String idOf(MvcTestResult created) {
        return JsonPath.read(valid(created, HttpStatus.CREATED), "$.id");
    }

    private static String expression(MvcTestResult refused) {
        return JsonPath.read(valid(refused, HttpStatus.UNPROCESSABLE_CONTENT), "$.issue[0].expression[0]");
    }

    private String status(String id) {
        return jdbc.sql("SELECT status FROM fhir_subscription WHERE id = :id")
                .param("id", UUID.fromString(id))
                .query(String.class)
                .single();
    }

    private long count() {
        return jdbc.sql("SELECT count(*) FROM fhir_subscription")
                .query(Long.class)
                .single();
    }

    private void send(ReferralEvent event) {
        kafka.send(Topics.REFERRAL_EVENTS, event.subject(), REFERRAL_SERVICE.encode(event));
    }

    /** Long enough for what should not happen to have happened: several delivery rounds. */
    private static void pause() {
        try {
            Thread.sleep(1500);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static ReferralSubmitted submitted(UUID referral, String referrer) {
        return new ReferralSubmitted(
                UUID.randomUUID(),
                Instant.now(),
                referral,
                referrer,
                List.of("housing"),
                "1090",
                "nl",
                "ROUTINE",
                "21010",
                "21010",
                "noord",
                "ocmw-jette",
                "ocmw-jette-onthaal",
                false,
                "general-practitioner");
    }

    record Received(String authorization, String contentType, String body) {}

    /** A GP's software as the platform meets it: an HTTP endpoint that may fail a few times first. */
    static final class GpSoftware {

        final List<Received> received = new CopyOnWriteArrayList<>();
        final AtomicInteger accepted = new AtomicInteger();
        private final AtomicInteger failures = new AtomicInteger();
        private final HttpServer server;

        GpSoftware() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/hook", exchange -> {
                received.add(new Received(
                        exchange.getRequestHeaders().getFirst("Authorization"),
                        exchange.getRequestHeaders().getFirst("Content-Type"),
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                boolean fails = failures.getAndUpdate(left -> Math.max(0, left - 1)) > 0;
                if (!fails) {
                    accepted.incrementAndGet();
                }
                exchange.sendResponseHeaders(fails ? 503 : 200, -1);
                exchange.close();
            });
            server.start();
        }

        void failFirst(int times) {
            failures.set(times);
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        void stop() {
            server.stop(0);
        }
    }
}
