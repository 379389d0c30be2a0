package be.bruzel.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Pins every event's wire form to one golden JSON file: fields may be added, never changed. */
class EventContractsTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final UUID REFERRAL = UUID.fromString("5d2c1f7e-8b0a-4a36-9a3e-2f4c9d1e7b21");

    /** One example per event type; its JSON must equal the golden file byte for byte in meaning. */
    static final Map<Class<? extends DomainEvent>, DomainEvent> EXAMPLES = Stream.of(
                    new ReferralSubmitted(
                            UUID.fromString("0b6f6a52-3d43-4c1b-9a51-6c7e3f0f2a10"),
                            Instant.parse("2026-03-02T09:15:00Z"),
                            REFERRAL,
                            "gp.jette",
                            List.of("loneliness", "finances"),
                            "1090",
                            "nl",
                            "SOON",
                            "21010",
                            "21010",
                            "noord",
                            "ocmw-jette",
                            "ocmw-jette-sociale-dienst",
                            false,
                            "general-practitioner",
                            UUID.fromString("9a1f3c2e-77d4-4b0e-8c55-1e2d3f4a5b6c"),
                            new ReferralSubmitted.Answers(
                                    "bruzel-needs",
                                    2,
                                    List.of("alone-often", "bills-behind", "something-else"),
                                    true,
                                    "something-else")),
                    new ReferralReceived(event(1), at(10), REFERRAL, "ocmw-jette", "ocmw-jette-sociale-dienst"),
                    new ReferralAccepted(event(2), at(20), REFERRAL, "ocmw-jette", "ocmw-jette-sociale-dienst"),
                    new ReferralDeclined(
                            event(3), at(30), REFERRAL, "ocmw-jette", "ocmw-jette-sociale-dienst", "NO_CAPACITY", true),
                    new ReferralRerouted(event(4), at(30), REFERRAL, "caw-brussel", "caw-brussel-onthaal", false),
                    new ContactAttemptLogged(
                            event(5),
                            at(40),
                            REFERRAL,
                            UUID.fromString("1f0e2d3c-4b5a-4968-8776-655443322110"),
                            "ocmw-jette",
                            Instant.parse("2026-03-03T14:00:00Z"),
                            "PHONE",
                            true),
                    new ReferralCompleted(event(6), at(50), REFERRAL, "ocmw-jette", "SOLVED"),
                    new ReferralCancelled(event(7), at(60), REFERRAL, "gp.jette", "ocmw-jette"),
                    new FeedbackPosted(
                            event(8),
                            at(70),
                            REFERRAL,
                            UUID.fromString("2a1b3c4d-5e6f-4788-99aa-bbccddeeff00"),
                            "ORGANISATION",
                            "worker.jette",
                            "ocmw-jette",
                            "gp.jette"),
                    new SatisfactionRated(event(9), at(80), REFERRAL, "REFERRER", 4),
                    new ReferralReminderDue(event(10), at(90), REFERRAL, "ocmw-jette", "ocmw-jette-sociale-dienst", 2),
                    new ReferralEscalated(
                            event(11),
                            at(100),
                            REFERRAL,
                            "ocmw-jette",
                            "ocmw-jette-sociale-dienst",
                            "noord",
                            "gp.jette",
                            5),
                    new ReferralExpired(
                            event(12),
                            at(110),
                            REFERRAL,
                            "gp.jette",
                            "ocmw-jette",
                            Instant.parse("2025-03-02T09:15:00Z")),
                    new ReferralErased(event(13), at(120), REFERRAL, "PERSON_REQUEST"),
                    new ReferralLogged(
                            event(14),
                            at(5),
                            UUID.fromString("7e3a9c10-2b4d-4f6e-8a1c-3d5e7f9a0b2c"),
                            "gp.jette",
                            "general-practitioner",
                            LocalDate.parse("2026-03-01"),
                            "PHONE",
                            List.of("housing"),
                            "21010",
                            "21010",
                            "noord",
                            "caw-brussel"),
                    new PersonAnswered(event(15), at(130), REFERRAL, "ocmw-jette", true, 5),
                    new ServiceChanged(
                            UUID.fromString("6a0d7c3e-1f2b-4c5d-8e9f-0a1b2c3d4e5f"),
                            Instant.parse("2026-03-01T08:00:00Z"),
                            "ocmw-jette-sociale-dienst",
                            "ocmw-jette",
                            "Sociale dienst OCMW Jette",
                            "Service social CPAS Jette",
                            true,
                            List.of("finances", "rights"),
                            List.of("nl", "fr"),
                            List.of("MUNICIPALITY:21010"),
                            "FULL",
                            LocalDate.parse("2026-04-01"),
                            "onthaal@ocmw-jette.example",
                            "nl",
                            null,
                            25,
                            List.of("YOUNG_PEOPLE", "FAMILIES")),
                    new ServiceCheckDue(
                            UUID.fromString("3c9e1a7b-5d2f-4e8a-9b6c-0d1e2f3a4b5c"),
                            Instant.parse("2026-09-01T06:00:00Z"),
                            "ocmw-jette-sociale-dienst",
                            "ocmw-jette",
                            "Sociale dienst OCMW Jette",
                            "Service social CPAS Jette",
                            LocalDate.parse("2026-03-01")),
                    new RoutingRuleChanged(
                            UUID.fromString("7b1e8d4f-2a3c-4d6e-9f0a-1b2c3d4e5f60"),
                            Instant.parse("2026-03-01T08:05:00Z"),
                            "MUNICIPALITY",
                            "21010",
                            "finances",
                            List.of("ocmw-jette-sociale-dienst", "caw-brussel-schuldhulp")),
                    new AreaChanged(
                            UUID.fromString("8c2f9e50-3b4d-4e7f-a01b-2c3d4e5f6071"),
                            Instant.parse("2026-03-01T08:10:00Z"),
                            "21004-haren",
                            "21004",
                            "bruzel",
                            "Haren",
                            "Haren",
                            List.of("1130"),
                            List.of(
                                    new AreaChanged.ZonePeriod(
                                            "noord", LocalDate.parse("2020-01-01"), LocalDate.parse("2026-07-01")),
                                    new AreaChanged.ZonePeriod("noordoost", LocalDate.parse("2026-07-01"), null)),
                            "Brussel",
                            "Bruxelles"),
                    new CareZoneChanged(
                            UUID.fromString("9d3a0f61-4c5e-4f80-b12c-3d4e5f607182"),
                            Instant.parse("2026-03-01T08:15:00Z"),
                            "noord",
                            "bruzel",
                            "Noord",
                            "Nord",
                            "helpdesk.noord@bruzel.example",
                            "+32 2 000 00 01"),
                    new ThemeChanged(
                            UUID.fromString("ae4b1072-5d6f-4091-c23d-4e5f60718293"),
                            Instant.parse("2026-03-01T08:20:00Z"),
                            "housing",
                            "Wonen",
                            "Logement",
                            "Housing",
                            false))
            .collect(Collectors.toUnmodifiableMap(EventContractsTests::classOf, Function.identity()));

    private static Class<? extends DomainEvent> classOf(DomainEvent event) {
        return event.getClass();
    }

    private static UUID event(int n) {
        return UUID.fromString("00000000-0000-4000-8000-%012d".formatted(n));
    }

    private static Instant at(int minutesAfterSubmission) {
        return Instant.parse("2026-03-02T09:15:00Z").plusSeconds(60L * minutesAfterSubmission);
    }

    static List<Class<? extends DomainEvent>> catalog() {
        return EventCatalog.all();
    }

    @ParameterizedTest
    @MethodSource("catalog")
    void everyEventSerialisesExactlyToItsGoldenFile(Class<? extends DomainEvent> eventClass) throws IOException {
        DomainEvent example = EXAMPLES.get(eventClass);
        assertThat(example).as("an example for " + eventClass.getSimpleName()).isNotNull();

        JsonNode written = JSON.readTree(CloudEventCodec.toJson(example));

        assertThat(written).isEqualTo(golden(eventClass));
    }

    @ParameterizedTest
    @MethodSource("catalog")
    void everyGoldenFileReadsBackWithUnknownFieldsIgnored(Class<? extends DomainEvent> eventClass) throws IOException {
        ObjectNode withAddedField = (ObjectNode) golden(eventClass);
        withAddedField.put("fieldFromTheFuture", "ignored");

        DomainEvent read = CloudEventCodec.fromJson(JSON.writeValueAsBytes(withAddedField), eventClass);

        assertThat(read).isEqualTo(EXAMPLES.get(eventClass));
    }

    @Test
    void aSubmissionFromBeforeTheQuestionnaireReadsWithoutAnswers() throws IOException {
        ObjectNode older = (ObjectNode) golden(ReferralSubmitted.class);
        older.remove(List.of("submissionId", "answers"));

        ReferralSubmitted read = CloudEventCodec.fromJson(JSON.writeValueAsBytes(older), ReferralSubmitted.class);

        assertThat(read.answers()).isNull();
        assertThat(read.submissionId()).isNull();
        assertThat(read.themeCodes()).containsExactly("loneliness", "finances");
    }

    @Test
    void answersFromBeforeTheOtherNeedWasNamedReadWithoutIt() throws IOException {
        ObjectNode older = (ObjectNode) golden(ReferralSubmitted.class);
        ((ObjectNode) older.get("answers")).remove("otherNeedOption");

        ReferralSubmitted read = CloudEventCodec.fromJson(JSON.writeValueAsBytes(older), ReferralSubmitted.class);

        assertThat(read.answers().otherNeed()).isTrue();
        assertThat(read.answers().otherNeedOption()).isNull();
        assertThat(read.answers().optionCodes()).contains("something-else");
    }

    @Test
    void theEnvelopeCarriesIdTypeTimeAndSubjectButNoJavaClassName() {
        DomainEvent event = EXAMPLES.get(ReferralSubmitted.class);

        CloudEvent cloudEvent = new CloudEventCodec("/referral-service").encode(event);

        assertThat(cloudEvent.getId()).isEqualTo("0b6f6a52-3d43-4c1b-9a51-6c7e3f0f2a10");
        assertThat(cloudEvent.getType()).isEqualTo("referral.submitted.v1");
        assertThat(cloudEvent.getSubject()).isEqualTo("5d2c1f7e-8b0a-4a36-9a3e-2f4c9d1e7b21");
        assertThat(cloudEvent.getTime()).hasToString("2026-03-02T09:15Z");
        assertThat(cloudEvent.getSource()).hasToString("/referral-service");
        assertThat(new String(cloudEvent.getData().toBytes())).doesNotContain("be.bruzel");
        assertThat(CloudEventCodec.decode(cloudEvent)).contains(event);
    }

    @ParameterizedTest
    @MethodSource("catalog")
    void everyEventHasATopicAndASubject(Class<? extends DomainEvent> eventClass) {
        DomainEvent example = EXAMPLES.get(eventClass);

        assertThat(Topics.of(example)).matches("[a-z]+\\.[a-z-]+");
        assertThat(example.subject()).isNotBlank();
    }

    @Test
    void anEventTypeFromANewerProducerIsSkipped() {
        CloudEvent newer = CloudEventBuilder.v1()
                .withId("1")
                .withSource(URI.create("/elsewhere"))
                .withType("referral.teleported.v1")
                .withData(CloudEventCodec.JSON, "{}".getBytes())
                .build();

        assertThat(CloudEventCodec.decode(newer)).isEmpty();
    }

    @Test
    void aKnownTypeWithAnUnreadablePayloadIsRefused() {
        CloudEvent broken = CloudEventBuilder.v1()
                .withId("2")
                .withSource(URI.create("/elsewhere"))
                .withType("referral.submitted.v1")
                .withData(CloudEventCodec.JSON, "{\"referralId\": 42".getBytes())
                .build();

        assertThatThrownBy(() -> CloudEventCodec.decode(broken))
                .isInstanceOf(CloudEventCodec.UnreadableEventException.class)
                .hasMessageContaining("ReferralSubmitted");
    }

    private static JsonNode golden(Class<? extends DomainEvent> eventClass) throws IOException {
        String file = "/golden/" + EventCatalog.typeOf(eventClass) + ".json";
        try (InputStream in = EventContractsTests.class.getResourceAsStream(file)) {
            assertThat(in).as(file).isNotNull();
            return JSON.readTree(in);
        }
    }
}
