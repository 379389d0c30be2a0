package be.bruzel.platform.directorycopy;

import be.bruzel.platform.events.AreaChanged;
import be.bruzel.platform.events.AreaChanged.ZonePeriod;
import be.bruzel.platform.events.CareZoneChanged;
import be.bruzel.platform.events.DirectoryEvent;
import be.bruzel.platform.events.RoutingRuleChanged;
import be.bruzel.platform.events.ServiceChanged;
import be.bruzel.platform.events.ThemeChanged;
import be.bruzel.platform.routing.Candidate;
import be.bruzel.platform.routing.Eligibility;
import be.bruzel.platform.routing.RuleLevel;
import be.bruzel.platform.routing.TargetGroup;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.ResourceHolderSupport;
import org.springframework.transaction.support.ResourceHolderSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/** The service's own copy of the directory: kept from the directory's events, asked by routing and the statistics. */
@Repository
public class Directory {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final AtomicReference<RoutingView> view = new AtomicReference<>();

    Directory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps the newest state by event time: a late, older event changes nothing. */
    void keep(DirectoryEvent event) {
        Timestamp at = Timestamp.from(event.occurredAt());
        switch (event) {
            case ThemeChanged theme ->
                jdbc.sql("""
                    INSERT INTO directory_theme (theme_code, name_nl, name_fr, name_en, active, changed_at)
                    VALUES (:code, :nl, :fr, :en, :active, :at)
                    ON CONFLICT (theme_code) DO UPDATE SET name_nl = EXCLUDED.name_nl, name_fr = EXCLUDED.name_fr,
                        name_en = EXCLUDED.name_en, active = EXCLUDED.active, changed_at = EXCLUDED.changed_at
                    WHERE directory_theme.changed_at <= EXCLUDED.changed_at
                    """)
                        .param("code", theme.themeCode())
                        .param("nl", theme.nameNl())
                        .param("fr", theme.nameFr())
                        .param("en", theme.nameEn())
                        .param("active", theme.active())
                        .param("at", at)
                        .update();
            case CareZoneChanged zone ->
                jdbc.sql("""
                    INSERT INTO directory_care_zone (care_zone_code, first_line_zone_code, name_nl, name_fr,
                        helpdesk_email, changed_at)
                    VALUES (:code, :firstLineZone, :nl, :fr, :helpdesk, :at)
                    ON CONFLICT (care_zone_code) DO UPDATE SET first_line_zone_code = EXCLUDED.first_line_zone_code,
                        name_nl = EXCLUDED.name_nl, name_fr = EXCLUDED.name_fr,
                        helpdesk_email = EXCLUDED.helpdesk_email, changed_at = EXCLUDED.changed_at
                    WHERE directory_care_zone.changed_at <= EXCLUDED.changed_at
                    """)
                        .param("code", zone.careZoneCode())
                        .param("firstLineZone", zone.firstLineZoneCode())
                        .param("nl", zone.nameNl())
                        .param("fr", zone.nameFr())
                        .param("helpdesk", zone.helpdeskEmail())
                        .param("at", at)
                        .update();
            case AreaChanged area ->
                jdbc.sql("""
                    INSERT INTO directory_area (area_id, municipality_nis, first_line_zone_code, name_nl, name_fr,
                        municipality_name_nl, municipality_name_fr, postcodes, care_zones, changed_at)
                    VALUES (:id, :nis, :firstLineZone, :nl, :fr, :municipalityNl, :municipalityFr, :postcodes,
                        CAST(:careZones AS jsonb), :at)
                    ON CONFLICT (area_id) DO UPDATE SET municipality_nis = EXCLUDED.municipality_nis,
                        first_line_zone_code = EXCLUDED.first_line_zone_code, name_nl = EXCLUDED.name_nl,
                        name_fr = EXCLUDED.name_fr, municipality_name_nl = EXCLUDED.municipality_name_nl,
                        municipality_name_fr = EXCLUDED.municipality_name_fr, postcodes = EXCLUDED.postcodes,
                        care_zones = EXCLUDED.care_zones, changed_at = EXCLUDED.changed_at
                    WHERE directory_area.changed_at <= EXCLUDED.changed_at
                    """)
                        .param("id", area.areaId())
                        .param("nis", area.municipalityNis())
                        .param("firstLineZone", area.firstLineZoneCode())
                        .param("nl", area.nameNl())
                        .param("fr", area.nameFr())
                        .param("municipalityNl", area.municipalityNameNl())
                        .param("municipalityFr", area.municipalityNameFr())
                        .param("postcodes", area.postcodes().toArray(String[]::new))
                        .param("careZones", JSON.writeValueAsString(area.careZones()))
                        .param("at", at)
                        .update();
            case ServiceChanged service ->
                jdbc.sql("""
                    INSERT INTO directory_service (service_id, organisation_id, name_nl, name_fr, active, languages,
                        capacity, full_until, intake_email, minimum_age, maximum_age, target_groups, changed_at)
                    VALUES (:id, :organisation, :nl, :fr, :active, :languages, :capacity, :fullUntil, :intake,
                        :minimumAge, :maximumAge, :targetGroups, :at)
                    ON CONFLICT (service_id) DO UPDATE SET organisation_id = EXCLUDED.organisation_id,
                        name_nl = EXCLUDED.name_nl, name_fr = EXCLUDED.name_fr, active = EXCLUDED.active,
                        languages = EXCLUDED.languages, capacity = EXCLUDED.capacity,
                        full_until = EXCLUDED.full_until, intake_email = EXCLUDED.intake_email,
                        minimum_age = EXCLUDED.minimum_age, maximum_age = EXCLUDED.maximum_age,
                        target_groups = EXCLUDED.target_groups, changed_at = EXCLUDED.changed_at
                    WHERE directory_service.changed_at <= EXCLUDED.changed_at
                    """)
                        .param("id", service.serviceId())
                        .param("organisation", service.organisationId())
                        .param("nl", service.nameNl())
                        .param("fr", service.nameFr())
                        .param("active", service.active())
                        .param("languages", service.languageCodes().toArray(String[]::new))
                        .param("capacity", service.capacity())
                        .param("fullUntil", service.fullUntil())
                        .param("intake", service.intakeEmail())
                        .param("minimumAge", service.minimumAge())
                        .param("maximumAge", service.maximumAge())
                        .param("targetGroups", service.targetGroups().toArray(String[]::new))
                        .param("at", at)
                        .update();
            case RoutingRuleChanged rule ->
                jdbc.sql("""
                    INSERT INTO directory_routing_rule (scope_kind, scope_code, theme_code, service_ids, changed_at)
                    VALUES (:kind, :code, :theme, :services, :at)
                    ON CONFLICT (scope_kind, scope_code, theme_code) DO UPDATE SET service_ids = EXCLUDED.service_ids,
                        changed_at = EXCLUDED.changed_at
                    WHERE directory_routing_rule.changed_at <= EXCLUDED.changed_at
                    """)
                        .param("kind", rule.scopeKind())
                        .param("code", rule.scopeCode())
                        .param("theme", rule.themeCode())
                        .param("services", rule.serviceIds().toArray(String[]::new))
                        .param("at", at)
                        .update();
        }
        // In the change's transaction: every instance reading the copy sees the revision move with it.
        jdbc.sql("UPDATE directory_copy_revision SET revision = nextval('directory_copy_change')")
                .update();
        // A question asked later in this transaction reads the copy with the change.
        if (TransactionSynchronizationManager.getResource(this) instanceof TransactionView asked) {
            asked.view = null;
        }
    }

    /** Every area the postcode covers, with the care zone it was in on the day; 1040 gives two. */
    public List<Residence> residences(String postcode, LocalDate day) {
        return routingView().residences(postcode, day);
    }

    /** The theme codes that take referrals now. */
    public List<String> activeThemes() {
        return routingView().activeThemes();
    }

    /**
     * A theme in every language the directory names it in; the English name is missing until the directory
     * next sends the theme.
     */
    public record Theme(String code, String nameNl, String nameFr, String nameEn, boolean active) {}

    /** Every theme, retired ones too (older referrals name them), by code. */
    public List<Theme> themes() {
        return jdbc.sql("""
                        SELECT theme_code AS code, name_nl, name_fr, name_en, active
                        FROM directory_theme ORDER BY theme_code
                        """).query(Theme.class).list();
    }

    /** The rule for the theme at each level around the residence, most local first; empty where none. */
    public List<RuleLevel> ruleLevels(Residence residence, String themeCode) {
        return routingView().ruleLevels(residence, themeCode);
    }

    /** Whether the directory knows the organisation: it has at least one service, active or not. */
    public boolean knowsOrganisation(String organisationId) {
        return routingView().knowsOrganisation(organisationId);
    }

    /** The organisation a service belongs to. */
    public Optional<String> organisationOf(String serviceId) {
        return routingView().organisationOf(serviceId);
    }

    /** A service's name in the platform's two languages. */
    public Optional<Name> serviceName(String serviceId) {
        return jdbc.sql("SELECT name_nl, name_fr FROM directory_service WHERE service_id = :id")
                .param("id", serviceId)
                .query((row, n) -> new Name(row.getString("name_nl"), row.getString("name_fr")))
                .optional();
    }

    /** An organisation whose active service a routing rule names for a theme in an area (as the territory is on the day). */
    public record Coverage(
            String areaId, String municipalityNis, String careZoneCode, String themeCode, String organisationId) {}

    /** Where each organisation takes referrals for which theme: the rules of every level, spread over the areas. */
    public List<Coverage> coverage(LocalDate day) {
        return jdbc.sql("""
                WITH area AS (
                    SELECT a.area_id, a.municipality_nis, a.first_line_zone_code, zone."careZoneCode" AS care_zone_code
                    FROM directory_area a
                    CROSS JOIN LATERAL jsonb_to_recordset(a.care_zones)
                        AS zone("careZoneCode" text, "validFrom" date, "validTo" date)
                    WHERE zone."validFrom" <= :day AND (zone."validTo" IS NULL OR zone."validTo" > :day)
                )
                SELECT DISTINCT area.area_id, area.municipality_nis, area.care_zone_code, r.theme_code, s.organisation_id
                FROM directory_routing_rule r
                CROSS JOIN LATERAL unnest(r.service_ids) AS named(service_id)
                JOIN directory_service s ON s.service_id = named.service_id AND s.active
                JOIN area ON (r.scope_kind = 'AREA' AND r.scope_code = area.area_id)
                          OR (r.scope_kind = 'MUNICIPALITY' AND r.scope_code = area.municipality_nis)
                          OR (r.scope_kind = 'CARE_ZONE' AND r.scope_code = area.care_zone_code)
                          OR (r.scope_kind = 'REGION' AND r.scope_code = area.first_line_zone_code)
                """)
                .param("day", Date.valueOf(day))
                .query((row, n) -> new Coverage(
                        row.getString("area_id"),
                        row.getString("municipality_nis"),
                        row.getString("care_zone_code"),
                        row.getString("theme_code"),
                        row.getString("organisation_id")))
                .list();
    }

    /** A name in the platform's two languages. */
    public record Name(String nl, String fr) {}

    /** Municipalities by NIS code; a municipality split over zones by its own name, not a district's. */
    public Map<String, Name> municipalityNames() {
        return names("""
                SELECT DISTINCT ON (municipality_nis) municipality_nis AS code,
                       COALESCE(municipality_name_nl, name_nl) AS name_nl, COALESCE(municipality_name_fr, name_fr) AS name_fr
                FROM directory_area ORDER BY municipality_nis, (area_id = municipality_nis) DESC, area_id
                """);
    }

    /** Areas by id: municipalities, and the districts of one split over zones. */
    public Map<String, Name> areaNames() {
        return names("SELECT area_id AS code, name_nl, name_fr FROM directory_area");
    }

    /** The codes of the care zones, as routing knows them. */
    public Set<String> careZoneCodes() {
        return routingView().careZones();
    }

    public Map<String, Name> careZoneNames() {
        return names("SELECT care_zone_code AS code, name_nl, name_fr FROM directory_care_zone");
    }

    public Map<String, Name> themeNames() {
        return names("SELECT theme_code AS code, name_nl, name_fr FROM directory_theme");
    }

    private Map<String, Name> names(String sql) {
        return jdbc
                .sql(sql)
                .query((row, n) ->
                        Map.entry(row.getString("code"), new Name(row.getString("name_nl"), row.getString("name_fr"))))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /**
     * The copy as routing reads it: one view for a whole transaction (a submission asks several questions), and
     * read again from the tables only when their revision has moved. Read after the revision, the rows are at least
     * that new; a change committed in between is read again at the next question.
     */
    private RoutingView routingView() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return currentView();
        }
        TransactionView asked = (TransactionView) TransactionSynchronizationManager.getResource(this);
        if (asked == null) {
            asked = new TransactionView();
            TransactionSynchronizationManager.bindResource(this, asked);
            // As Spring binds a connection: out of the way of a transaction within this one (REQUIRES_NEW), gone after.
            TransactionSynchronizationManager.registerSynchronization(
                    new ResourceHolderSynchronization<TransactionView, Directory>(asked, this) {});
        }
        if (asked.view == null) {
            asked.view = currentView();
        }
        return asked.view;
    }

    /** The view a transaction asks; none until its first question, and again after it keeps a change. */
    private static final class TransactionView extends ResourceHolderSupport {

        private RoutingView view;
    }

    private RoutingView currentView() {
        long revision = jdbc.sql("SELECT revision FROM directory_copy_revision")
                .query(Long.class)
                .single();
        RoutingView held = view.get();
        if (held != null && held.revision() == revision) {
            return held;
        }
        RoutingView read = new RoutingView(revision, areas(), activeThemeCodes(), rules(), services(), careZones());
        view.set(read);
        return read;
    }

    private List<RoutingView.Area> areas() {
        return jdbc.sql("""
                SELECT area_id, municipality_nis, first_line_zone_code, name_nl, name_fr, postcodes,
                       CAST(care_zones AS text) AS care_zones
                FROM directory_area
                """)
                .query((row, n) -> new RoutingView.Area(
                        row.getString("area_id"),
                        row.getString("municipality_nis"),
                        row.getString("first_line_zone_code"),
                        row.getString("name_nl"),
                        row.getString("name_fr"),
                        Set.of((String[]) row.getArray("postcodes").getArray()),
                        List.of(JSON.readValue(row.getString("care_zones"), ZonePeriod[].class))))
                .list();
    }

    private Set<String> careZones() {
        return Set.copyOf(jdbc.sql("SELECT care_zone_code FROM directory_care_zone")
                .query(String.class)
                .list());
    }

    private List<String> activeThemeCodes() {
        return jdbc.sql("SELECT theme_code FROM directory_theme WHERE active ORDER BY theme_code")
                .query(String.class)
                .list();
    }

    private Map<String, Map<String, List<String>>> rules() {
        Map<String, Map<String, List<String>>> byTheme = new HashMap<>();
        jdbc.sql("""
                SELECT theme_code, scope_kind || ':' || scope_code AS scope, service_ids FROM directory_routing_rule
                WHERE cardinality(service_ids) > 0
                """).query(row -> {
            byTheme.computeIfAbsent(row.getString("theme_code"), theme -> new HashMap<>())
                    .put(row.getString("scope"), List.of((String[])
                            row.getArray("service_ids").getArray()));
        });
        return byTheme;
    }

    private Map<String, RoutingView.Service> services() {
        return jdbc
                .sql("""
                SELECT service_id, organisation_id, active, capacity, full_until, languages, minimum_age, maximum_age,
                       target_groups
                FROM directory_service
                """)
                .query((row, n) -> Map.entry(
                        row.getString("service_id"),
                        new RoutingView.Service(
                                row.getString("organisation_id"),
                                new Candidate(
                                        row.getString("service_id"),
                                        row.getBoolean("active"),
                                        row.getString("capacity"),
                                        Optional.ofNullable(row.getDate("full_until"))
                                                .map(Date::toLocalDate)
                                                .orElse(null),
                                        List.of((String[])
                                                row.getArray("languages").getArray()),
                                        new Eligibility(
                                                row.getObject("minimum_age", Integer.class),
                                                row.getObject("maximum_age", Integer.class),
                                                Arrays.stream((String[]) row.getArray("target_groups")
                                                                .getArray())
                                                        .map(TargetGroup::valueOf)
                                                        .collect(Collectors.toSet()))))))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
