package be.bruzel.platformtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import be.bruzel.localplatform.PlatformService;
import be.bruzel.platform.events.Topics;
import be.bruzel.platform.testing.TestInfrastructure;
import be.bruzel.platform.testing.TopicProbe;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Proof that an erased person is gone from every store of the platform: every service in its own JVM, a referral
 * whose every free text carries its own marker taken through the whole loop, then erased; every text, json and bytea
 * column of every table of every service's database (found through information_schema) and every record of every
 * Kafka topic, key, value and headers, hold none of the markers, and neither do the services' logs.
 */
class PersonalDataErasureIT {

    private static final Path LOGS = Path.of("target", "platform-logs-erasure");
    /** The receiving organisations of the demo social map that can have a Jette debts referral, and a worker of each. */
    private static final Map<String, String> WORKERS = RunningPlatform.DEMO_WORKERS;

    static RunningPlatform platform;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.start(LOGS);
        platform.awaitDirectoryCopies();
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void anErasedPersonIsInNoTableNoTopicAndNoLogAndTheStatisticsStayTheSame() throws Exception {
        Random random = new Random();
        String tag = String.valueOf(100_000 + random.nextInt(900_000));
        Map<String, String> markers = new java.util.LinkedHashMap<>();
        for (String field : List.of(
                "name",
                "email",
                "question",
                "other-need",
                "moment",
                "decline",
                "attempt",
                "organisation-message",
                "referrer-message")) {
            markers.put(field, "Zq" + field.replace("-", "") + tag);
        }
        // A phone number written with spaces, as a person writes it: no id or time contains it.
        markers.put("phone", "%02d %02d %02d".formatted(random.nextInt(100), random.nextInt(100), random.nextInt(100)));
        String gp = platform.token("gp.jette");
        String analyst = platform.token("analyst.bruzel");

        String id = submit(gp, markers);
        String first = receiverOf(id);
        String firstWorker = platform.token(WORKERS.get(first));
        platform.get("/api/referrals/" + id, firstWorker);
        assertThat(platform.post(
                                "/api/referrals/" + id + "/decline",
                                firstWorker,
                                "{\"reason\": \"NO_CAPACITY\", \"remark\": \"" + markers.get("decline") + "\"}")
                        .statusCode())
                .isEqualTo(204);
        String worker = platform.token(WORKERS.get(receiverOf(id)));
        assertThat(platform.post("/api/referrals/" + id + "/accept", worker, "{}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(platform.post("/api/referrals/" + id + "/contact-attempts", worker, """
                {"attemptedAt": "2026-03-02T08:30:00Z", "channel": "PHONE", "reached": true, "note": "%s"}""".formatted(
                                        markers.get("attempt")))
                        .statusCode())
                .isEqualTo(201);
        assertThat(platform.post(
                                "/api/referrals/" + id + "/messages",
                                worker,
                                "{\"body\": \"" + markers.get("organisation-message") + "\"}")
                        .statusCode())
                .isEqualTo(201);
        assertThat(platform.post(
                                "/api/referrals/" + id + "/messages",
                                gp,
                                "{\"body\": \"" + markers.get("referrer-message") + "\"}")
                        .statusCode())
                .isEqualTo(201);
        assertThat(platform.post("/api/referrals/" + id + "/complete", worker, "{\"outcome\": \"SOLVED\"}")
                        .statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> RunningPlatform.count(
                                "statistics",
                                "SELECT count(*) FROM statistics_referral WHERE referral_id = ? AND completed_at IS NOT NULL",
                                UUID.fromString(id))
                        == 1);
        await().atMost(Duration.ofSeconds(60)).until(() -> notificationsHandled(eventIdsOf(id)));
        assertThat(everyPlaceHolding(markers.get("name")))
                .as("the marker is found where it should be")
                .isNotEmpty();
        String figuresBefore = platform.get("/api/statistics/referrals?by=municipality&period=month", analyst)
                .body();

        HttpResponse<String> erased =
                platform.post("/api/referrals/" + id + "/erasure", gp, "{\"reason\": \"PERSON_REQUEST\"}");

        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> eventTypesOf(id).contains("referral.erased.v1"));
        Set<String> events = eventIdsOf(id);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> notificationsHandled(events)
                        && RunningPlatform.count(
                                        "statistics",
                                        "SELECT count(*) FROM processed_event WHERE consumer = 'statistics-service.referral-events'"
                                                + " AND event_id = ANY (?::uuid[])",
                                        (Object) events.toArray(String[]::new))
                                == events.size());
        for (Map.Entry<String, String> marker : markers.entrySet()) {
            assertThat(everyPlaceHolding(marker.getValue())).as(marker.getKey()).isEmpty();
        }
        assertThat(platform.get("/api/statistics/referrals?by=municipality&period=month", analyst)
                        .body())
                .isEqualTo(figuresBefore);
        String view = platform.get("/api/referrals/" + id, gp).body();
        assertThat(view).contains("\"erasureReason\":\"person-request\"").contains("\"outcome\":\"solved\"");
        String copy = platform.get("/api/referrals/" + id + "/person-data", gp).body();
        assertThat(copy).contains("person-data.export").contains(WORKERS.get(first));
        markers.values().forEach(marker -> assertThat(copy).doesNotContain(marker));
    }

    /** Every column, topic record and log line that holds the text: "database.table.column", "topic", "log". */
    private static List<String> everyPlaceHolding(String text) throws Exception {
        List<String> places = new ArrayList<>();
        for (PlatformService service : PlatformService.values()) {
            if (service.database().isPresent()) {
                places.addAll(columnsHolding(service.database().get(), text));
            }
        }
        places.addAll(recordsHolding(text));
        try (Stream<Path> logs = Files.walk(LOGS)) {
            for (Path log : logs.filter(Files::isRegularFile).toList()) {
                if (Files.readString(log, StandardCharsets.ISO_8859_1).contains(text)) {
                    places.add("log " + log.getFileName());
                }
            }
        }
        return places;
    }

    private static List<String> columnsHolding(String database, String text) throws SQLException {
        TestInfrastructure.Postgres postgres = TestInfrastructure.postgres();
        List<String> places = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(
                        TestInfrastructure.database(database), postgres.username(), postgres.password());
                Statement statement = connection.createStatement()) {
            List<String[]> columns = new ArrayList<>();
            try (ResultSet result = statement.executeQuery("""
                    SELECT c.table_schema, c.table_name, c.column_name, c.data_type FROM information_schema.columns c
                    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                    WHERE t.table_type = 'BASE TABLE' AND c.table_schema NOT IN ('pg_catalog', 'information_schema')
                      AND (c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea')
                           OR (c.data_type = 'ARRAY' AND c.udt_name IN ('_text', '_varchar')))
                    """)) {
                while (result.next()) {
                    columns.add(new String[] {
                        result.getString(1), result.getString(2), result.getString(3), result.getString(4)
                    });
                }
            }
            assertThat(columns).as("columns to scan in " + database).isNotEmpty();
            for (String[] column : columns) {
                String value = column[3].equals("bytea")
                        ? "encode(\"%s\", 'escape')".formatted(column[2])
                        : "\"%s\"::text".formatted(column[2]);
                String sql = "SELECT count(*) FROM \"%s\".\"%s\" WHERE strpos(%s, '%s') > 0"
                        .formatted(column[0], column[1], value, text);
                try (ResultSet result = statement.executeQuery(sql)) {
                    result.next();
                    if (result.getLong(1) > 0) {
                        places.add(database + "." + column[1] + "." + column[2]);
                    }
                }
            }
        }
        return places;
    }

    private static List<String> recordsHolding(String text) throws Exception {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        List<String> places = new ArrayList<>();
        try (Admin admin = Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers()))) {
            Set<String> topics = admin.listTopics().names().get();
            assertThat(topics).contains(Topics.REFERRAL_EVENTS, Topics.DIRECTORY_SERVICES);
            for (String topic : topics) {
                for (ConsumerRecord<String, byte[]> record : TopicProbe.raw(topic)) {
                    boolean found =
                            (record.key() != null && record.key().contains(text)) || contains(record.value(), needle);
                    for (Header header : record.headers()) {
                        found |= header.key().contains(text) || contains(header.value(), needle);
                    }
                    if (found) {
                        places.add("topic " + topic + " offset " + record.offset());
                    }
                }
            }
        }
        return places;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        return haystack != null
                && new String(haystack, StandardCharsets.ISO_8859_1)
                        .contains(new String(needle, StandardCharsets.ISO_8859_1));
    }

    private static boolean notificationsHandled(Set<String> eventIds) throws SQLException {
        return RunningPlatform.count(
                        "notification",
                        "SELECT count(*) FROM processed_event"
                                + " WHERE consumer = 'notification-service.referral-events' AND event_id = ANY (?::uuid[])",
                        (Object) eventIds.toArray(String[]::new))
                == eventIds.size();
    }

    private static String receiverOf(String id) throws SQLException {
        for (String organisation : WORKERS.keySet()) {
            if (RunningPlatform.count(
                            "referral",
                            "SELECT count(*) FROM referral WHERE id = ? AND " + "receiving_organisation_id = ?",
                            UUID.fromString(id),
                            organisation)
                    == 1) {
                return organisation;
            }
        }
        throw new AssertionError("referral " + id + " went to an organisation without a demo worker");
    }

    private static List<String> eventTypesOf(String id) {
        return TopicProbe.cloudEvents(Topics.REFERRAL_EVENTS).stream()
                .filter(record -> id.equals(record.key()))
                .map(record -> record.value().getType())
                .toList();
    }

    private static Set<String> eventIdsOf(String id) {
        return Set.copyOf(TopicProbe.cloudEvents(Topics.REFERRAL_EVENTS).stream()
                .filter(record -> id.equals(record.key()))
                .map(record -> record.value().getId())
                .toList());
    }

    private String submit(String token, Map<String, String> markers) throws IOException, InterruptedException {
        String body = """
                {"person": {"name": "%s Peeters", "phone": "0470 %s", "email": "%s@example.org",
                            "preferredLanguage": "nl", "postcode": "1090"},
                 "themes": ["finances"], "question": "%s",
                 "questionnaire": {"code": "welzijn-jette", "version": 1, "answers": ["bills", "other-need"],
                                   "otherNeed": "%s"},
                 "contact": {"channel": "PHONE", "moment": "%s"},
                 "consent": {"given": true, "method": "WRITTEN", "givenAt": "2026-02-01T09:00:00Z"}}
                """.formatted(
                        markers.get("name"),
                        markers.get("phone"),
                        markers.get("email"),
                        markers.get("question"),
                        markers.get("other-need"),
                        markers.get("moment"));
        HttpResponse<String> response = platform.post("/api/referrals", token, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return ReferralLoad.firstReferralId(response.body());
    }
}
