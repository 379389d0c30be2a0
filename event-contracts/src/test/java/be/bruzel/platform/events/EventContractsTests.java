package be.bruzel.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Pins every event's wire form to one golden JSON file: fields may be added, never changed. */
class EventContractsTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One example per event type; its JSON must equal the golden file byte for byte in meaning. */
    static final Map<Class<? extends DomainEvent>, DomainEvent> EXAMPLES = Map.of(
            ReferralSubmitted.class, new ReferralSubmitted(
                    UUID.fromString("0b6f6a52-3d43-4c1b-9a51-6c7e3f0f2a10"),
                    Instant.parse("2026-03-02T09:15:00Z"),
                    UUID.fromString("5d2c1f7e-8b0a-4a36-9a3e-2f4c9d1e7b21"),
                    "gp.jette",
                    List.of("loneliness", "finances"),
                    "1090",
                    "nl"));

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

    @Test
    void anEventTypeFromANewerProducerIsSkipped() {
        CloudEvent newer = CloudEventBuilder.v1()
                .withId("1").withSource(URI.create("/elsewhere")).withType("referral.teleported.v1")
                .withData(CloudEventCodec.JSON, "{}".getBytes()).build();

        assertThat(CloudEventCodec.decode(newer)).isEmpty();
    }

    @Test
    void aKnownTypeWithAnUnreadablePayloadIsRefused() {
        CloudEvent broken = CloudEventBuilder.v1()
                .withId("2").withSource(URI.create("/elsewhere")).withType("referral.submitted.v1")
                .withData(CloudEventCodec.JSON, "{\"referralId\": 42".getBytes()).build();

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
