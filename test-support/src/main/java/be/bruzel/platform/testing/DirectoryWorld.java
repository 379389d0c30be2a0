package be.bruzel.platform.testing;

import static org.awaitility.Awaitility.await;

import be.bruzel.platform.events.AreaChanged;
import be.bruzel.platform.events.AreaChanged.ZonePeriod;
import be.bruzel.platform.events.CareZoneChanged;
import be.bruzel.platform.events.CloudEventCodec;
import be.bruzel.platform.events.DirectoryEvent;
import be.bruzel.platform.events.RoutingRuleChanged;
import be.bruzel.platform.events.ServiceChanged;
import be.bruzel.platform.events.ThemeChanged;
import be.bruzel.platform.events.Topics;
import io.cloudevents.CloudEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * A small directory for the tests of the services that keep a copy of it, as directory-service publishes it: Jette and Haren in
 * Noord, the 1040 postcode shared by Etterbeek and Brussel, three services and their rules.
 * <ul>
 * <li>finances in Jette: OCMW Jette (nl, fr), then CAW Noord (nl)</li>
 * <li>loneliness in zone Noord: LDC Jette (full), then CAW Noord</li>
 * <li>housing: no rule anywhere, so the zone's helpdesk (an unmet need)</li>
 * </ul>
 */
public final class DirectoryWorld {

    public static final String OCMW_JETTE = "ocmw-jette-sociale-dienst";
    public static final String CAW_NOORD = "caw-noord-onthaal";
    public static final String LDC_JETTE = "ldc-jette-ontmoeting";

    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");
    private static final LocalDate SINCE = LocalDate.parse("2020-01-01");

    private DirectoryWorld() {}

    public static List<DirectoryEvent> events() {
        return List.of(
                theme("loneliness", true),
                theme("finances", true),
                theme("housing", true),
                theme("retired", false),
                new CareZoneChanged(
                        id(), AT, "noord", "bruzel", "Noord", "Nord", "helpdesk.noord@bruzel.example", null),
                new CareZoneChanged(
                        id(),
                        AT,
                        "zuidoost",
                        "bruzel",
                        "Zuidoost",
                        "Sud-Est",
                        "helpdesk.zuidoost@bruzel.example",
                        null),
                area("21010", "21010", "Jette", "Jette", List.of("1090"), "noord"),
                area("21004-haren", "21004", "Haren", "Haren", List.of("1130"), "noord"),
                area("21005", "21005", "Etterbeek", "Etterbeek", List.of("1040"), "zuidoost"),
                area("21004-europese-wijk", "21004", "Europese wijk", "Quartier européen", List.of("1040"), "zuidoost"),
                service(OCMW_JETTE, "ocmw-jette", List.of("nl", "fr"), "OPEN"),
                service(CAW_NOORD, "caw-brussel", List.of("nl"), "OPEN"),
                service(LDC_JETTE, "ldc-jette", List.of("nl"), "FULL"),
                new RoutingRuleChanged(id(), AT, "MUNICIPALITY", "21010", "finances", List.of(OCMW_JETTE, CAW_NOORD)),
                new RoutingRuleChanged(id(), AT, "CARE_ZONE", "noord", "loneliness", List.of(LDC_JETTE, CAW_NOORD)));
    }

    /** Publishes the world unless the copy has it already (from an earlier test of the same database). */
    public static void ensurePublished(KafkaTemplate<String, CloudEvent> kafka, JdbcClient jdbc) {
        if (!copied(jdbc)) {
            publish(kafka, jdbc);
        }
    }

    /** The real way: onto the directory's topics, then wait until the copy has it all. */
    public static void publish(KafkaTemplate<String, CloudEvent> kafka, JdbcClient jdbc) {
        CloudEventCodec codec = new CloudEventCodec("/directory-service");
        events().forEach(event -> kafka.send(Topics.of(event), event.subject(), codec.encode(event)));
        kafka.flush();
        await().atMost(Duration.ofSeconds(30)).until(() -> copied(jdbc));
    }

    /** Without a broker (it is down in the test): straight into the copy's consumer. */
    public static void applyDirectly(Consumer<CloudEvent> copy) {
        CloudEventCodec codec = new CloudEventCodec("/directory-service");
        events().forEach(event -> copy.accept(codec.encode(event)));
    }

    public static boolean copied(JdbcClient jdbc) {
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM directory_routing_rule) >= 2
                   AND (SELECT count(*) FROM directory_service) >= 3
                   AND (SELECT count(*) FROM directory_area) >= 4
                   AND (SELECT count(*) FROM directory_theme) >= 4
                """).query(Boolean.class).single();
    }

    private static ThemeChanged theme(String code, boolean active) {
        return new ThemeChanged(id(), AT, code, code, code, code, active);
    }

    private static AreaChanged area(String id, String nis, String nl, String fr, List<String> postcodes, String zone) {
        boolean brussel = nis.equals("21004");
        return new AreaChanged(
                id(),
                AT,
                id,
                nis,
                "bruzel",
                nl,
                fr,
                postcodes,
                List.of(new ZonePeriod(zone, SINCE, null)),
                brussel ? "Brussel" : nl,
                brussel ? "Bruxelles" : fr);
    }

    private static ServiceChanged service(String id, String organisation, List<String> languages, String capacity) {
        return new ServiceChanged(
                id(),
                AT,
                id,
                organisation,
                id,
                id,
                true,
                List.of(),
                languages,
                List.of(),
                capacity,
                null,
                "intake@" + organisation + ".example",
                languages.size() == 1 ? languages.getFirst() : null,
                null,
                null,
                List.of());
    }

    private static UUID id() {
        return UUID.randomUUID();
    }
}
