package be.bruzel.directoryservice;

import static org.assertj.core.api.Assertions.assertThat;

import be.bruzel.platform.events.CloudEventCodec;
import be.bruzel.platform.events.DomainEvent;
import be.bruzel.platform.testing.TestTokens;
import be.bruzel.platform.testing.TopicProbe;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

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

    /** A POST or PUT as the directory's administrator. */
    public static MvcTestResult asAdministrator(MockMvcTester mvc, String method, String uri, String body) {
        var request = method.equals("POST") ? mvc.post().uri(uri) : mvc.put().uri(uri);
        return request.header(HttpHeaders.AUTHORIZATION, ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    /** A theme of the test's own, so that the demo's rules and other tests stay out of its way; its code. */
    public static String addTheme(MockMvcTester mvc) {
        String code = uniqueId("theme");
        assertThat(asAdministrator(mvc, "POST", "/api/directory/themes", theme(code)))
                .hasStatus(HttpStatus.CREATED);
        return code;
    }

    /** An organisation of the test's own; its id. */
    public static String addOrganisation(MockMvcTester mvc) {
        String id = uniqueId("org");
        assertThat(asAdministrator(mvc, "POST", "/api/directory/organisations", organisation(id)))
                .hasStatus(HttpStatus.CREATED);
        return id;
    }

    /** A service of the organisation on the theme for the whole region, its id the organisation's and the name. */
    public static String addService(
            MockMvcTester mvc, String organisationId, String theme, String name, String capacity, String... languages) {
        String id = organisationId + "-" + name;
        assertThat(asAdministrator(
                        mvc,
                        "POST",
                        "/api/directory/services",
                        service(
                                id,
                                organisationId,
                                name,
                                name,
                                List.of(theme),
                                List.of(languages),
                                List.of("REGION:bruzel"),
                                "{\"status\": \"" + capacity + "\"}")))
                .hasStatus(HttpStatus.CREATED);
        return id;
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
