package be.bruzel.directoryservice.routing;

import be.bruzel.directoryservice.territory.PlaceRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The routing rules, in plain SQL: one row per place, theme and position. */
@Repository
class RoutingRules {

    private final JdbcClient jdbc;

    RoutingRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every rule matching the filters given (null for any). */
    List<RoutingRule> matching(String kind, String code, String theme) {
        Map<String, RoutingRule> rules = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT scope_kind, scope_code, theme_code, service_id FROM routing_rule
                WHERE (CAST(:kind AS text) IS NULL OR scope_kind = :kind)
                  AND (CAST(:code AS text) IS NULL OR scope_code = :code)
                  AND (CAST(:theme AS text) IS NULL OR theme_code = :theme)
                ORDER BY scope_kind, scope_code, theme_code, position
                """)
                .param("kind", kind)
                .param("code", code)
                .param("theme", theme)
                .query((row, n) -> {
                    PlaceRef place = PlaceRef.parse(row.getString("scope_kind") + ":" + row.getString("scope_code"));
                    String key = place + "/" + row.getString("theme_code");
                    RoutingRule rule =
                            rules.getOrDefault(key, new RoutingRule(place, row.getString("theme_code"), List.of()));
                    List<String> services = new ArrayList<>(rule.serviceIds());
                    services.add(row.getString("service_id"));
                    rules.put(key, new RoutingRule(place, rule.theme(), services));
                    return key;
                })
                .list();
        return List.copyOf(rules.values());
    }

    /** The rule's services for the theme at a place; empty when there is no rule. */
    List<String> servicesFor(PlaceRef place, String theme) {
        return jdbc.sql("""
                SELECT service_id FROM routing_rule
                WHERE scope_kind = :kind AND scope_code = :code AND theme_code = :theme ORDER BY position
                """)
                .param("kind", place.kind().name())
                .param("code", place.code())
                .param("theme", theme)
                .query(String.class)
                .list();
    }

    void replace(RoutingRule rule) {
        jdbc.sql("DELETE FROM routing_rule WHERE scope_kind = :kind AND scope_code = :code AND theme_code = :theme")
                .param("kind", rule.place().kind().name())
                .param("code", rule.place().code())
                .param("theme", rule.theme())
                .update();
        for (int position = 0; position < rule.serviceIds().size(); position++) {
            jdbc.sql("""
                    INSERT INTO routing_rule (scope_kind, scope_code, theme_code, position, service_id)
                    VALUES (:kind, :code, :theme, :position, :service)
                    """)
                    .param("kind", rule.place().kind().name())
                    .param("code", rule.place().code())
                    .param("theme", rule.theme())
                    .param("position", position + 1)
                    .param("service", rule.serviceIds().get(position))
                    .update();
        }
    }
}
