package be.bruzel.directoryservice.organisation;

import be.bruzel.directoryservice.territory.PlaceRef;
import be.bruzel.platform.routing.TargetGroup;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Services with their themes, languages, areas, locations, contacts and opening hours, in plain SQL. */
@Repository
class SupportServices {

    private final JdbcClient jdbc;

    SupportServices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<SupportService> find(String id) {
        return load("WHERE s.id = :id", Map.of("id", id)).stream().findFirst();
    }

    List<SupportService> all() {
        return load("", Map.of());
    }

    /** The services with these ids, in no particular order; unknown ids are left out. */
    List<SupportService> withIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return load("WHERE s.id IN (:ids)", Map.of("ids", ids));
    }

    List<SupportService> ofOrganisation(String organisationId) {
        return load("WHERE s.organisation_id = :organisation", Map.of("organisation", organisationId));
    }

    List<SupportService> ofOrganisations(Collection<String> organisationIds) {
        if (organisationIds.isEmpty()) {
            return List.of();
        }
        return load(
                "WHERE s.organisation_id = ANY (CAST(:organisations AS text[]))",
                Map.of("organisations", organisationIds.toArray(String[]::new)));
    }

    /** @return false when a service with this id exists already */
    boolean add(SupportService service) {
        int inserted = jdbc.sql("""
                INSERT INTO service (id, organisation_id, name_nl, name_fr, description_nl, description_fr, active,
                                     intake_team, intake_email, intake_language, capacity, full_until,
                                     minimum_age, maximum_age, target_groups)
                VALUES (:id, :organisation, :nameNl, :nameFr, :descriptionNl, :descriptionFr, :active,
                        :team, :email, :intakeLanguage, :capacity, :fullUntil,
                        :minimumAge, :maximumAge, :targetGroups)
                ON CONFLICT (id) DO NOTHING
                """)
                .params(columns(service))
                .param("organisation", service.organisationId())
                .update();
        if (inserted == 1) {
            saveParts(service);
        }
        return inserted == 1;
    }

    /** @return false when the service changed since the version the caller read */
    boolean update(SupportService service) {
        int updated = jdbc.sql("""
                UPDATE service SET name_nl = :nameNl, name_fr = :nameFr, description_nl = :descriptionNl,
                       description_fr = :descriptionFr, active = :active, intake_team = :team,
                       intake_email = :email, intake_language = :intakeLanguage, capacity = :capacity,
                       full_until = :fullUntil, minimum_age = :minimumAge, maximum_age = :maximumAge,
                       target_groups = :targetGroups, version = version + 1
                WHERE id = :id AND version = :version
                """)
                .params(columns(service))
                .param("version", service.version())
                .update();
        if (updated == 1) {
            for (String part : List.of(
                    "service_theme",
                    "service_language",
                    "service_area",
                    "service_at_location",
                    "service_contact",
                    "service_schedule")) {
                jdbc.sql("DELETE FROM " + part + " WHERE service_id = :id")
                        .param("id", service.id())
                        .update();
            }
            saveParts(service);
        }
        return updated == 1;
    }

    private static Map<String, Object> columns(SupportService service) {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("id", service.id());
        columns.put("nameNl", service.nameNl());
        columns.put("nameFr", service.nameFr());
        columns.put("descriptionNl", service.descriptionNl());
        columns.put("descriptionFr", service.descriptionFr());
        columns.put("active", service.active());
        columns.put("team", service.intake().team());
        columns.put("intakeLanguage", service.intake().language());
        columns.put("email", service.intake().email());
        columns.put("capacity", service.capacity().status().name());
        columns.put(
                "fullUntil",
                Optional.ofNullable(service.capacity().fullUntil())
                        .map(Date::valueOf)
                        .orElse(null));
        columns.put("minimumAge", service.eligibility().minimumAge());
        columns.put("maximumAge", service.eligibility().maximumAge());
        columns.put(
                "targetGroups",
                service.eligibility().targetGroups().stream().map(Enum::name).toArray(String[]::new));
        return columns;
    }

    private void saveParts(SupportService service) {
        String id = service.id();
        service.themes()
                .forEach(theme -> jdbc.sql("INSERT INTO service_theme VALUES (:id, :theme)")
                        .param("id", id)
                        .param("theme", theme)
                        .update());
        service.languages()
                .forEach(language -> jdbc.sql("INSERT INTO service_language VALUES (:id, :language)")
                        .param("id", id)
                        .param("language", language)
                        .update());
        service.serviceAreas()
                .forEach(area -> jdbc.sql("INSERT INTO service_area VALUES (:id, :kind, :code)")
                        .param("id", id)
                        .param("kind", area.kind().name())
                        .param("code", area.code())
                        .update());
        service.locationIds()
                .forEach(location -> jdbc.sql("INSERT INTO service_at_location VALUES (:id, :location)")
                        .param("id", id)
                        .param("location", location)
                        .update());
        for (int position = 0; position < service.contacts().size(); position++) {
            SupportService.Contact contact = service.contacts().get(position);
            jdbc.sql("INSERT INTO service_contact VALUES (:id, :position, :name, :email, :phone)")
                    .param("id", id)
                    .param("position", position + 1)
                    .param("name", contact.name())
                    .param("email", contact.email())
                    .param("phone", contact.phone())
                    .update();
        }
        service.openingHours()
                .forEach(hours -> jdbc.sql("INSERT INTO service_schedule VALUES (:id, :day, :opens, :closes)")
                        .param("id", id)
                        .param("day", hours.weekday())
                        .param("opens", Time.valueOf(hours.opensAt()))
                        .param("closes", Time.valueOf(hours.closesAt()))
                        .update());
        jdbc.sql("SELECT refresh_service_filter_keys(:id)")
                .param("id", id)
                .query()
                .singleRow();
    }

    /** Loads services and their parts in one query per part, not one per service. */
    private List<SupportService> load(String where, Map<String, ?> params) {
        List<Row> rows = jdbc.sql("SELECT s.* FROM service s " + where + " ORDER BY s.id")
                .params(params)
                .query((row, n) -> Row.of(row))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        String ids = "SELECT s.id FROM service s " + where;
        Map<String, List<String>> themes = partOf(
                "SELECT service_id, theme_code FROM service_theme",
                ids,
                params,
                row -> row.getString("theme_code"),
                "theme_code");
        Map<String, List<String>> languages = partOf(
                "SELECT service_id, language_code FROM service_language",
                ids,
                params,
                row -> row.getString("language_code"),
                "language_code");
        Map<String, List<PlaceRef>> areas = partOf(
                "SELECT service_id, kind, code FROM service_area",
                ids,
                params,
                row -> PlaceRef.parse(row.getString("kind") + ":" + row.getString("code")),
                "kind, code");
        Map<String, List<String>> locations = partOf(
                "SELECT service_id, location_id FROM service_at_location",
                ids,
                params,
                row -> row.getString("location_id"),
                "location_id");
        Map<String, List<SupportService.Contact>> contacts = partOf(
                "SELECT * FROM service_contact",
                ids,
                params,
                row -> new SupportService.Contact(
                        row.getString("name"), row.getString("email"), row.getString("phone")),
                "position");
        Map<String, List<SupportService.OpeningHours>> hours = partOf(
                "SELECT * FROM service_schedule",
                ids,
                params,
                row -> new SupportService.OpeningHours(
                        row.getInt("weekday"),
                        row.getTime("opens_at").toLocalTime(),
                        row.getTime("closes_at").toLocalTime()),
                "weekday, opens_at");
        return rows.stream()
                .map(row -> new SupportService(
                        row.id(),
                        row.organisationId(),
                        row.nameNl(),
                        row.nameFr(),
                        row.descriptionNl(),
                        row.descriptionFr(),
                        row.active(),
                        row.intake(),
                        row.capacity(),
                        row.eligibility(),
                        themes.getOrDefault(row.id(), List.of()),
                        languages.getOrDefault(row.id(), List.of()),
                        areas.getOrDefault(row.id(), List.of()),
                        locations.getOrDefault(row.id(), List.of()),
                        contacts.getOrDefault(row.id(), List.of()),
                        hours.getOrDefault(row.id(), List.of()),
                        row.version()))
                .toList();
    }

    private interface PartMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private <T> Map<String, List<T>> partOf(
            String select, String ids, Map<String, ?> params, PartMapper<T> mapper, String order) {
        return jdbc
                .sql(select + " WHERE service_id IN (" + ids + ") ORDER BY service_id, " + order)
                .params(params)
                .query((row, n) -> Map.entry(row.getString("service_id"), mapper.map(row)))
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey,
                        LinkedHashMap::new,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    private record Row(
            String id,
            String organisationId,
            String nameNl,
            String nameFr,
            String descriptionNl,
            String descriptionFr,
            boolean active,
            SupportService.Intake intake,
            SupportService.Capacity capacity,
            SupportService.Eligibility eligibility,
            int version) {

        static Row of(ResultSet row) throws SQLException {
            Date fullUntil = row.getDate("full_until");
            return new Row(
                    row.getString("id"),
                    row.getString("organisation_id"),
                    row.getString("name_nl"),
                    row.getString("name_fr"),
                    row.getString("description_nl"),
                    row.getString("description_fr"),
                    row.getBoolean("active"),
                    new SupportService.Intake(
                            row.getString("intake_team"),
                            row.getString("intake_email"),
                            row.getString("intake_language")),
                    new SupportService.Capacity(
                            SupportService.Capacity.Status.valueOf(row.getString("capacity")),
                            fullUntil == null ? null : fullUntil.toLocalDate()),
                    new SupportService.Eligibility(
                            row.getObject("minimum_age", Integer.class),
                            row.getObject("maximum_age", Integer.class),
                            Arrays.stream((String[])
                                            row.getArray("target_groups").getArray())
                                    .map(TargetGroup::valueOf)
                                    .toList()),
                    row.getInt("version"));
        }
    }
}
