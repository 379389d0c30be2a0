package be.bruzel.platformtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import be.bruzel.localplatform.PlatformService;
import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The vertical slice across the whole platform: a GP signs in at the real identity provider,
 * submits a referral through the gateway, referral-service stores it and publishes its event
 * through the outbox, and notification-service tells the receiving organisation, once. Either
 * service may be down meanwhile. And the same loop as GP software lives it, through FHIR.
 */
class ReferralToNotificationIT {

    static RunningPlatform platform;
    static String gpToken;
    static String workerToken;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startPlatform() throws Exception {
        platform = RunningPlatform.start(Path.of("target", "platform-logs"));
        gpToken = platform.token("gp.jette");
        workerToken = platform.token("worker.jette");
        platform.awaitDirectoryCopies();
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void aReferralSubmittedThroughTheGatewayReachesTheReceivingOrganisationsNotifications() throws Exception {
        String referralId = submitReferral();

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(platform.get("/api/notifications?size=100", workerToken)
                                .body())
                        .contains(referralId));
        assertThat(notificationsAbout(referralId)).isEqualTo(1);
    }

    /**
     * The closed loop as GP software lives it, through FHIR only: it subscribes to its Tasks, refers with a
     * transaction Bundle, hears that the Task changed when the organisation (in the platform) receives and accepts
     * it, reads the Task, and reads the organisation's message as a Communication.
     */
    @Test
    void gpSoftwareRefersAndFollowsUpThroughFhirAloneAndHearsOfEachChange() throws Exception {
        // A name of its own: the platform's database outlives this class, and other tests look for the demo's names.
        String family = "Fhir" + UUID.randomUUID().toString().substring(0, 8);
        List<String> notifications = new CopyOnWriteArrayList<>();
        HttpServer software = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        software.createContext("/fhir-hook", exchange -> {
            notifications.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        software.start();
        try {
            HttpResponse<String> subscribed = fhir("POST", "/fhir/R4/Subscription", """
                    {"resourceType": "Subscription", "status": "requested", "reason": "Mijn doorverwijzingen",
                     "criteria": "Task?requester=Practitioner/gp.jette",
                     "channel": {"type": "rest-hook", "endpoint": "http://127.0.0.1:%d/fhir-hook",
                                 "payload": "application/fhir+json"}}
                    """.formatted(
                            software.getAddress().getPort()));
            assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(201);

            HttpResponse<String> referred = fhir(
                    "POST",
                    "/fhir/R4",
                    Files.readString(RunningPlatform.ROOT.resolve("scripts/fhir-referral.json"))
                            .replace("\"Peeters\"", "\"" + family + "\""));
            assertThat(referred.statusCode()).as(referred.body()).isEqualTo(200);
            String task = JsonPath.<List<String>>read(
                            referred.body(),
                            "$.entry[?(@.resource.owner.identifier.value == 'ocmw-jette')].resource.id")
                    .getFirst();

            await().atMost(Duration.ofSeconds(30)).until(() -> naming(notifications, task) >= 1);
            assertThat(platform.get("/api/referrals/" + task, workerToken).statusCode())
                    .isEqualTo(200);
            assertThat(platform.post("/api/referrals/" + task + "/accept", workerToken, "{}")
                            .statusCode())
                    .isEqualTo(200);
            await().atMost(Duration.ofSeconds(30)).until(() -> naming(notifications, task) >= 3);

            assertThat((String) JsonPath.read(
                            fhir("GET", "/fhir/R4/Task/" + task, null).body(), "$.status"))
                    .isEqualTo("accepted");
            assertThat(platform.post(
                                    "/api/referrals/" + task + "/messages",
                                    workerToken,
                                    "{\"body\": \"We bellen mevrouw maandag.\"}")
                            .statusCode())
                    .isEqualTo(201);
            assertThat(JsonPath.<List<String>>read(
                            fhir("GET", "/fhir/R4/Communication?part-of=Task/" + task, null)
                                    .body(),
                            "$.entry[*].resource.payload[0].contentString"))
                    .containsExactly("We bellen mevrouw maandag.");
            assertThat(notifications)
                    .allSatisfy(notification ->
                            assertThat(notification).doesNotContain(family, "0470 12 34 56", "finances"));
        } finally {
            software.stop(0);
        }
    }

    @Test
    void aReferralSubmittedWhileNotificationServiceIsDownIsNotifiedOnceItIsBack() throws Exception {
        platform.kill(PlatformService.NOTIFICATION);

        String referralId = submitReferral();
        assertThat(notificationsAbout(referralId)).isZero();

        platform.launch(PlatformService.NOTIFICATION);
        platform.awaitHealthy(PlatformService.NOTIFICATION);

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(platform.get("/api/notifications?size=100", workerToken)
                                .body())
                        .contains(referralId));
        // Consumed once: a later look finds no second notification.
        Thread.sleep(2_000);
        assertThat(notificationsAbout(referralId)).isEqualTo(1);
    }

    @Test
    void aConsumerKilledInTheMiddleOfABacklogLosesAndDuplicatesNothing() throws Exception {
        platform.kill(PlatformService.NOTIFICATION);
        String prefix = "killed-midway-";
        int events = ReferralLives.publish(platform.endpoints.kafkaBootstrapServers(), 4_000, prefix);
        long before = RunningPlatform.notificationEventsHandled();

        platform.launch(PlatformService.NOTIFICATION);
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> RunningPlatform.notificationEventsHandled() > before);
        platform.kill(PlatformService.NOTIFICATION);
        long handledWhenKilled = RunningPlatform.notificationEventsHandled() - before;
        platform.launch(PlatformService.NOTIFICATION);
        platform.awaitHealthy(PlatformService.NOTIFICATION);

        assertThat(handledWhenKilled).as("killed before the end").isLessThan(events);
        await().atMost(Duration.ofSeconds(180))
                .until(() -> RunningPlatform.notificationEventsHandled() - before == events);
        assertThat(RunningPlatform.count(
                        "notification",
                        "SELECT count(*) FROM notification n"
                                + " JOIN referral_party p ON p.referral_id = n.referral_id WHERE p.organisation_id LIKE ?",
                        prefix + "%"))
                .isEqualTo(events);
    }

    @Test
    void aReferralIsRoutedWhileDirectoryServiceIsDown() throws Exception {
        platform.kill(PlatformService.DIRECTORY);
        try {
            assertThat(platform.get("/api/directory/services?postcode=1090", gpToken)
                            .statusCode())
                    .isEqualTo(503);

            String referralId = submitReferral();

            assertThat(platform.get("/api/referrals/" + referralId, gpToken).body())
                    .contains("\"receiver\":{\"organisationId\":\"ocmw-jette\"")
                    .contains("\"unmetNeed\":false");
        } finally {
            platform.launch(PlatformService.DIRECTORY);
            platform.awaitHealthy(PlatformService.DIRECTORY);
        }
    }

    private HttpResponse<String> fhir(String method, String path, String body)
            throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(platform.gateway() + path))
                        .header("Authorization", "Bearer " + gpToken)
                        .header("Content-Type", "application/fhir+json")
                        .header("Idempotency-Key", "platform-test-" + UUID.randomUUID())
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** How many of the notifications name this Task. */
    private static long naming(List<String> notifications, String task) {
        return notifications.stream()
                .filter(body -> body.contains("/Task/" + task))
                .count();
    }

    private String submitReferral() throws IOException, InterruptedException {
        String body = """
                {"person": {"name": "Jan De Smet", "phone": "0470 98 76 54", "preferredLanguage": "nl",
                            "postcode": "1090"},
                 "themes": ["finances"], "question": "Schulden na ontslag.",
                 "consent": {"given": true, "method": "WRITTEN", "givenAt": "2026-02-01T09:00:00Z"}}
                """;
        HttpResponse<String> response = platform.post("/api/referrals", gpToken, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return ReferralLoad.firstReferralId(response.body());
    }

    private static long notificationsAbout(String referralId) throws SQLException {
        return RunningPlatform.count(
                "notification", "SELECT count(*) FROM notification WHERE referral_id = ?", UUID.fromString(referralId));
    }
}
