package be.bruzel.directoryservice.hsds;

import be.bruzel.directoryservice.search.SearchQuery;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Finds directory records by their HSDS UUIDs and lists them a page at a time, for the HSDS API. */
@Repository
class HsdsCatalogue {

    /** A page of what a list found, and how many it found in all. */
    record Found<T>(List<T> items, long total) {}

    /** A service offered at a location, by their directory ids. */
    record ServiceAtLocation(String serviceId, String locationId) {}

    /**
     * Filters of the HSDS API on services, each optional.
     *
     * @param theme the theme code of {@code taxonomy_term_id}
     * @param organisationUuid {@code organization_id}
     * @param places the places one of which a service must serve (from {@code postcode}); null for any
     * @param nothing true when a filter names what cannot exist (an unknown term or taxonomy)
     */
    record ServiceFilter(
            String words,
            String theme,
            String organisationUuid,
            Instant modifiedAfter,
            List<String> places,
            boolean nothing) {}

    private final JdbcClient jdbc;

    HsdsCatalogue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> organisationId(String uuid) {
        return byUuid("organisation", uuid);
    }

    Optional<String> locationId(String uuid) {
        return byUuid("location", uuid);
    }

    Optional<String> serviceId(String uuid) {
        return byUuid("service", uuid);
    }

    Optional<String> themeCode(String uuid) {
        if (!HsdsIds.isUuid(uuid)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT code FROM theme WHERE hsds_id = CAST(:uuid AS uuid)")
                .param("uuid", uuid)
                .query(String.class)
                .optional();
    }

    Optional<ServiceAtLocation> serviceAtLocation(String uuid) {
        if (!HsdsIds.isUuid(uuid)) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        SELECT service_id, location_id FROM service_at_location
                        WHERE hsds_uuid('service_at_location', hsds_uuid('service', service_id)::text || '/' || location_id)
                              = CAST(:uuid AS uuid)
                        """)
                .param("uuid", uuid)
                .query((row, n) -> new ServiceAtLocation(row.getString("service_id"), row.getString("location_id")))
                .optional();
    }

    Map<String, Instant> lastModified(Collection<String> serviceIds) {
        Map<String, Instant> modified = new HashMap<>();
        if (serviceIds.isEmpty()) {
            return modified;
        }
        jdbc.sql("SELECT id, last_modified FROM service WHERE id = ANY (CAST(:ids AS text[]))")
                .param("ids", serviceIds.toArray(String[]::new))
                .query((row, n) -> modified.put(
                        row.getString("id"), row.getTimestamp("last_modified").toInstant()))
                .list();
        return modified;
    }

    /** Services by Dutch name, then id. */
    Found<String> services(ServiceFilter filter, int page, int perPage) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(filter, params);
        return found(
                "SELECT s.id FROM service s JOIN organisation o ON o.id = s.organisation_id WHERE " + where
                        + " ORDER BY s.name_nl, s.id",
                "SELECT count(*) FROM service s JOIN organisation o ON o.id = s.organisation_id WHERE " + where,
                params,
                page,
                perPage,
                (row, n) -> row.getString("id"));
    }

    Found<ServiceAtLocation> servicesAtLocations(ServiceFilter filter, int page, int perPage) {
        Map<String, Object> params = new LinkedHashMap<>();
        String from = "service_at_location sal JOIN service s ON s.id = sal.service_id"
                + " JOIN organisation o ON o.id = s.organisation_id WHERE " + where(filter, params);
        return found(
                "SELECT sal.service_id, sal.location_id FROM " + from + " ORDER BY s.name_nl, s.id, sal.location_id",
                "SELECT count(*) FROM " + from,
                params,
                page,
                perPage,
                (row, n) -> new ServiceAtLocation(row.getString("service_id"), row.getString("location_id")));
    }

    /** Organisations by Dutch name, then id; words are looked for in both names. */
    Found<String> organisations(String words, int page, int perPage) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = "true";
        if (words != null) {
            where = "lower(directory_unaccent(o.name_nl || ' ' || o.name_fr))"
                    + " LIKE '%' || lower(directory_unaccent(:q)) || '%'";
            params.put("q", words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"));
        }
        return found(
                "SELECT o.id FROM organisation o WHERE " + where + " ORDER BY o.name_nl, o.id",
                "SELECT count(*) FROM organisation o WHERE " + where,
                params,
                page,
                perPage,
                (row, n) -> row.getString("id"));
    }

    private static String where(ServiceFilter filter, Map<String, Object> params) {
        if (filter.nothing()) {
            return "false";
        }
        List<String> conditions = new ArrayList<>(List.of("true"));
        if (filter.words() != null) {
            conditions.add(SearchQuery.MATCHES_WORDS);
            params.put("q", filter.words());
        }
        if (filter.theme() != null) {
            conditions.add("s.filter_keys @> CAST(ARRAY[:theme] AS text[])");
            params.put("theme", "theme:" + filter.theme());
        }
        if (filter.organisationUuid() != null) {
            conditions.add("o.hsds_id = CAST(:organisation AS uuid)");
            params.put("organisation", filter.organisationUuid());
        }
        if (filter.modifiedAfter() != null) {
            conditions.add("s.last_modified >= :modifiedAfter");
            params.put("modifiedAfter", Timestamp.from(filter.modifiedAfter()));
        }
        if (filter.places() != null) {
            conditions.add("s.filter_keys && CAST(:places AS text[])");
            params.put(
                    "places",
                    filter.places().stream().map(place -> "place:" + place).toArray(String[]::new));
        }
        return String.join(" AND ", conditions);
    }

    private <T> Found<T> found(
            String select,
            String count,
            Map<String, Object> params,
            int page,
            int perPage,
            org.springframework.jdbc.core.RowMapper<T> row) {
        long total = jdbc.sql(count).params(params).query(Long.class).single();
        List<T> items = jdbc.sql(select + " LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", perPage)
                .param("offset", (long) (page - 1) * perPage)
                .query(row)
                .list();
        return new Found<>(items, total);
    }

    private Optional<String> byUuid(String table, String uuid) {
        if (!HsdsIds.isUuid(uuid)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id FROM " + table + " WHERE hsds_id = CAST(:uuid AS uuid)")
                .param("uuid", uuid)
                .query(String.class)
                .optional();
    }
}
