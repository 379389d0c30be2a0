package be.bruzel.referralservice.directory;

import be.bruzel.platform.routing.Candidate;
import be.bruzel.platform.routing.RuleLevel;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Answers routing's questions from referral-service's own copy of the directory. */
@Repository
public class Directory {

    private final JdbcClient jdbc;

    Directory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every area the postcode covers, with the care zone it was in on the day; 1040 gives two. */
    public List<Residence> residences(String postcode, LocalDate day) {
        return jdbc.sql("""
                SELECT a.area_id, a.municipality_nis, zone."careZoneCode" AS care_zone_code, a.first_line_zone_code,
                       a.name_nl, a.name_fr
                FROM directory_area a
                CROSS JOIN LATERAL jsonb_to_recordset(a.care_zones)
                    AS zone("careZoneCode" text, "validFrom" date, "validTo" date)
                WHERE :postcode = ANY (a.postcodes)
                  AND zone."validFrom" <= :day AND (zone."validTo" IS NULL OR zone."validTo" > :day)
                ORDER BY a.municipality_nis, a.area_id
                """)
                .param("postcode", postcode)
                .param("day", Date.valueOf(day))
                .query((row, n) -> new Residence(row.getString("area_id"), row.getString("municipality_nis"),
                        row.getString("care_zone_code"), row.getString("first_line_zone_code"),
                        row.getString("name_nl"), row.getString("name_fr")))
                .list();
    }

    /** The theme codes that take referrals now. */
    public List<String> activeThemes() {
        return jdbc.sql("SELECT theme_code FROM directory_theme WHERE active ORDER BY theme_code")
                .query(String.class).list();
    }

    /** The rule for the theme at each level around the residence, most local first; empty where none. */
    public List<RuleLevel> ruleLevels(Residence residence, String themeCode) {
        List<String[]> scopes = new ArrayList<>();
        if (residence.isDistrict()) {
            scopes.add(new String[] {"AREA", residence.areaId()});
        }
        scopes.add(new String[] {"MUNICIPALITY", residence.municipalityNis()});
        scopes.add(new String[] {"CARE_ZONE", residence.careZoneCode()});
        scopes.add(new String[] {"REGION", residence.firstLineZoneCode()});
        Map<String, List<String>> rules = jdbc.sql("""
                SELECT scope_kind || ':' || scope_code AS scope, service_ids FROM directory_routing_rule
                WHERE theme_code = :theme AND cardinality(service_ids) > 0
                """)
                .param("theme", themeCode)
                .query((row, n) -> Map.entry(row.getString("scope"),
                        List.of((String[]) row.getArray("service_ids").getArray())))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        List<String> named = rules.values().stream().flatMap(List::stream).distinct().toList();
        Map<String, Candidate> candidates = candidates(named);
        return scopes.stream().map(scope -> new RuleLevel(scope[0], scope[1],
                rules.getOrDefault(scope[0] + ":" + scope[1], List.of()).stream()
                        .map(id -> candidates.getOrDefault(id, unknown(id))).toList()))
                .toList();
    }

    /** The organisation a service belongs to. */
    public Optional<String> organisationOf(String serviceId) {
        return jdbc.sql("SELECT organisation_id FROM directory_service WHERE service_id = :id")
                .param("id", serviceId).query(String.class).optional();
    }

    /** An organisation whose active service a routing rule names for a theme in an area (as the territory is on the day). */
    public record Coverage(String areaId, String municipalityNis, String careZoneCode, String themeCode,
            String organisationId) {
    }

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
                .query((row, n) -> new Coverage(row.getString("area_id"), row.getString("municipality_nis"),
                        row.getString("care_zone_code"), row.getString("theme_code"), row.getString("organisation_id")))
                .list();
    }

    /** A name in the platform's two languages. */
    public record Name(String nl, String fr) {
    }

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

    public Map<String, Name> careZoneNames() {
        return names("SELECT care_zone_code AS code, name_nl, name_fr FROM directory_care_zone");
    }

    public Map<String, Name> themeNames() {
        return names("SELECT theme_code AS code, name_nl, name_fr FROM directory_theme");
    }

    private Map<String, Name> names(String sql) {
        return jdbc.sql(sql)
                .query((row, n) -> Map.entry(row.getString("code"), new Name(row.getString("name_nl"),
                        row.getString("name_fr"))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private Map<String, Candidate> candidates(List<String> serviceIds) {
        if (serviceIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                SELECT service_id, active, capacity, full_until, array_to_string(languages, ',') AS languages
                FROM directory_service WHERE service_id IN (:ids)
                """)
                .param("ids", serviceIds)
                .query((row, n) -> new Candidate(row.getString("service_id"), row.getBoolean("active"),
                        row.getString("capacity"),
                        Optional.ofNullable(row.getDate("full_until")).map(Date::toLocalDate).orElse(null),
                        row.getString("languages").isEmpty() ? List.of()
                                : Arrays.asList(row.getString("languages").split(","))))
                .list().stream().collect(Collectors.toMap(Candidate::serviceId, Function.identity()));
    }

    /** A rule may name a service whose state has not reached this copy yet: it cannot be chosen. */
    private static Candidate unknown(String serviceId) {
        return new Candidate(serviceId, false, "PAUSED", null, List.of());
    }
}
