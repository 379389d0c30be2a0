package be.bruzel.directoryservice.search;

import be.bruzel.directoryservice.territory.PlaceRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one SQL statement behind a search, built from the filters that are set, so that each
 * shape gets its own plan instead of a catch-all one. The places are those a service must serve
 * at least one of: the searched places and every place that contains them.
 */
public record SearchQuery(String sql, Map<String, Object> params) {

    /**
     * A service {@code s} matches the words {@code :q}: Dutch or French full text, or names close to
     * them (typos forgiven).
     */
    public static final String MATCHES_WORDS = "(s.search_vector @@ (websearch_to_tsquery('directory_nl', :q)"
            + " || websearch_to_tsquery('directory_fr', :q))"
            + " OR s.search_names %> lower(directory_unaccent(:q)))";

    public static SearchQuery of(ServiceCriteria criteria, List<PlaceRef> places) {
        Map<String, Object> params = new LinkedHashMap<>();
        List<String> conditions = new ArrayList<>(List.of("s.active"));
        // Themes, languages and places share one GIN-indexed array (V9): one index scan for all filters.
        List<String> required = new ArrayList<>();
        if (criteria.theme() != null) {
            required.add("theme:" + criteria.theme());
        }
        if (criteria.language() != null) {
            required.add("language:" + criteria.language());
        }
        if (!required.isEmpty()) {
            conditions.add("s.filter_keys @> " + array("required", required, params));
        }
        if (criteria.filtersByPlace()) {
            conditions.add(
                    places.isEmpty()
                            ? "false"
                            : "s.filter_keys && "
                                    + array(
                                            "place",
                                            places.stream()
                                                    .map(place -> "place:" + place)
                                                    .toList(),
                                            params));
        }
        String rank = "0";
        if (criteria.q() != null) {
            conditions.add(MATCHES_WORDS);
            rank = "ts_rank(s.search_vector, websearch_to_tsquery('directory_nl', :q)"
                    + " || websearch_to_tsquery('directory_fr', :q))"
                    + " + word_similarity(lower(directory_unaccent(:q)), s.search_names)";
            params.put("q", criteria.q());
        }
        params.put("size", criteria.size());
        params.put("offset", (long) criteria.page() * criteria.size());
        String sql = """
                WITH matching AS (
                    SELECT s.id, s.name_nl, %s AS rank FROM service s WHERE %s
                ), page AS (
                    SELECT id, rank, name_nl, count(*) OVER () AS total FROM matching
                    ORDER BY rank DESC, name_nl, id LIMIT :size OFFSET :offset
                )
                SELECT page.total, s.id, s.organisation_id, o.name_nl AS organisation_nl, o.name_fr AS organisation_fr,
                       s.name_nl, s.name_fr, s.capacity, s.full_until, s.checked_on,
                       array_to_string(ARRAY(SELECT theme_code FROM service_theme t
                                             WHERE t.service_id = s.id ORDER BY 1), ',') AS themes,
                       array_to_string(ARRAY(SELECT language_code FROM service_language l
                                             WHERE l.service_id = s.id ORDER BY 1), ',') AS languages
                FROM page JOIN service s ON s.id = page.id JOIN organisation o ON o.id = s.organisation_id
                ORDER BY page.rank DESC, page.name_nl, page.id
                """.formatted(rank, String.join("\n  AND ", conditions));
        return new SearchQuery(sql, params);
    }

    private static String array(String name, List<String> values, Map<String, Object> params) {
        List<String> placeholders = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            placeholders.add(":" + name + i);
            params.put(name + i, values.get(i));
        }
        return "CAST(ARRAY[" + String.join(", ", placeholders) + "] AS text[])";
    }
}
