package be.bruzel.platform.events;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.Optional;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a {@link DomainEvent} into a CloudEvents 1.0 event with a JSON payload and back.
 * Readers ignore fields they do not know, so producers may add fields without breaking them.
 */
public final class CloudEventCodec {

    public static final String JSON = "application/json";

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private final URI source;

    /** @param source the producing service, e.g. {@code /referral-service} */
    public CloudEventCodec(String source) {
        this.source = URI.create(source);
    }

    public CloudEvent encode(DomainEvent event) {
        return CloudEventBuilder.v1()
                .withId(event.eventId().toString())
                .withSource(source)
                .withType(EventCatalog.typeOf(event.getClass()))
                .withSubject(event.subject())
                .withTime(event.occurredAt().atOffset(ZoneOffset.UTC))
                .withDataContentType(JSON)
                .withData(JSON, toJson(event))
                .build();
    }

    /**
     * @return the event, or empty for a type this reader does not know yet (a newer producer's),
     *     which a consumer skips
     * @throws UnreadableEventException when a known type's payload cannot be read; such a message
     *     belongs in the dead-letter topic
     */
    public static Optional<DomainEvent> decode(CloudEvent cloudEvent) {
        Optional<Class<? extends DomainEvent>> eventClass = EventCatalog.classOf(cloudEvent.getType());
        if (eventClass.isEmpty()) {
            return Optional.empty();
        }
        if (cloudEvent.getData() == null) {
            throw new UnreadableEventException("event " + cloudEvent.getId() + " has no data");
        }
        return Optional.of(fromJson(cloudEvent.getData().toBytes(), eventClass.get()));
    }

    public static byte[] toJson(DomainEvent event) {
        return MAPPER.writeValueAsBytes(event);
    }

    public static <T extends DomainEvent> T fromJson(byte[] json, Class<T> eventClass) {
        try {
            return MAPPER.readValue(json, eventClass);
        } catch (RuntimeException e) {
            throw new UnreadableEventException("unreadable " + eventClass.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    public static final class UnreadableEventException extends RuntimeException {
        public UnreadableEventException(String message) {
            super(message);
        }

        public UnreadableEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
