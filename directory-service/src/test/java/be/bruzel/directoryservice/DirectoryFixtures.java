package be.bruzel.directoryservice;

import be.bruzel.platform.events.CloudEventCodec;
import be.bruzel.platform.events.DomainEvent;
import be.bruzel.platform.testing.TestTokens;
import be.bruzel.platform.testing.TopicProbe;
import java.util.List;
import java.util.UUID;

/** Tokens and JSON bodies the directory's tests share; every record gets a fresh id so tests do not collide. */
public final class DirectoryFixtures {

    public static final String ADMIN = TestTokens.bearer("admin", List.of("administrator"), null);
    public static final String GP = TestTokens.bearer("gp.jette", List.of("referrer"), null);
    public static final String WORKER = TestTokens.bearer("worker.jette", List.of("organisation-worker"), "ocmw-jette");
    public static final String ANALYST = TestTokens.bearer("analyst.bruzel", List.of("analyst"), null);

    private DirectoryFixtures() {}

    /** The events of a type on a topic now, oldest first, whose Kafka key is the given one. */
    public static <E extends DomainEvent> List<E> eventsOn(String topic, Class<E> type, String key) {
        return TopicProbe.cloudEvents(topic).stream()
                .filter(record -> key.equals(record.key()))
                .flatMap(record -> CloudEventCodec.decode(record.value()).stream())
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    public static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String organisation(String id) {
        return """
                {"id": "%s", "nameNl": "Testorganisatie", "nameFr": "Organisation de test",
                 "email": "info@%s.example", "website": "https://%s.example"}
                """.formatted(id, id, id);
    }

    public static String theme(String code) {
        return """
                {"code": "%s", "nameNl": "Testthema", "nameFr": "Thème de test", "nameEn": "Test theme"}
                """.formatted(code);
    }

    /**
     * @param capacity e.g. {@code {"status": "OPEN"}}
     */
    public static String service(
            String id,
            String organisationId,
            String nameNl,
            String nameFr,
            List<String> themes,
            List<String> languages,
            List<String> areas,
            String capacity) {
        return """
                {"id": "%s", "organisationId": "%s", "nameNl": "%s", "nameFr": "%s",
                 "descriptionNl": "Testdienst", "descriptionFr": "Service de test",
                 "intake": {"team": "Onthaal", "email": "onthaal@%s.example"},
                 "capacity": %s, "themes": %s, "languages": %s, "serviceAreas": %s,
                 "openingHours": [{"weekday": 1, "opensAt": "09:00", "closesAt": "12:00"}]}
                """.formatted(
                id,
                organisationId,
                nameNl,
                nameFr,
                organisationId,
                capacity,
                strings(themes),
                strings(languages),
                array(areas.stream()
                        .map(area -> {
                            String[] kindAndCode = area.split(":");
                            return "{\"kind\": \"" + kindAndCode[0] + "\", \"code\": \"" + kindAndCode[1] + "\"}";
                        })
                        .toList()));
    }

    public static String strings(List<String> values) {
        return array(values.stream().map(value -> "\"" + value + "\"").toList());
    }

    private static String array(List<String> items) {
        return "[" + String.join(", ", items) + "]";
    }
}
