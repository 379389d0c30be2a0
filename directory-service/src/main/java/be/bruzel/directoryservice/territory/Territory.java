package be.bruzel.directoryservice.territory;

import be.bruzel.platform.events.AreaChanged;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Municipalities, their areas and postcodes, and which care zone each area belongs to when. */
@Repository
class Territory {

    private final JdbcClient jdbc;

    Territory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<PostcodeLookup.Candidate> candidatesFor(String postcode, LocalDate date) {
        return jdbc.sql("""
                SELECT m.nis_code, m.name_nl AS m_nl, m.name_fr AS m_fr,
                       a.id, a.name_nl AS a_nl, a.name_fr AS a_fr, a.is_district,
                       z.code, z.name_nl AS z_nl, z.name_fr AS z_fr
                FROM area_postcode p
                JOIN area a ON a.id = p.area_id
                JOIN municipality m ON m.nis_code = a.municipality_nis
                JOIN area_zone az ON az.area_id = a.id
                     AND az.valid_from <= :date AND (az.valid_to IS NULL OR az.valid_to > :date)
                JOIN care_zone z ON z.code = az.care_zone_code
                WHERE p.postcode = :postcode
                ORDER BY m.name_nl, a.name_nl
                """)
                .param("postcode", postcode)
                .param("date", Date.valueOf(date))
                .query((row, n) -> new PostcodeLookup.Candidate(
                        new PostcodeLookup.Named(
                                row.getString("nis_code"), row.getString("m_nl"), row.getString("m_fr")),
                        new PostcodeLookup.Area(
                                row.getString("id"),
                                row.getString("a_nl"),
                                row.getString("a_fr"),
                                row.getBoolean("is_district")),
                        new PostcodeLookup.Named(row.getString("code"), row.getString("z_nl"), row.getString("z_fr"))))
                .list();
    }

    boolean hasArea(String areaId) {
        return jdbc.sql("SELECT count(*) FROM area WHERE id = :id")
                        .param("id", areaId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    boolean hasCareZone(String code) {
        return jdbc.sql("SELECT count(*) FROM care_zone WHERE code = :code")
                        .param("code", code)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The start of the area's current zone assignment. */
    Optional<LocalDate> currentAssignmentSince(String areaId) {
        return jdbc.sql("SELECT valid_from FROM area_zone WHERE area_id = :id AND valid_to IS NULL FOR UPDATE")
                .param("id", areaId)
                .query(Date.class)
                .optional()
                .map(Date::toLocalDate);
    }

    /** Closes the current assignment the day the new one starts; history is never rewritten. */
    void move(String areaId, String careZone, LocalDate from) {
        jdbc.sql("UPDATE area_zone SET valid_to = :from WHERE area_id = :id AND valid_to IS NULL")
                .param("id", areaId)
                .param("from", Date.valueOf(from))
                .update();
        jdbc.sql("INSERT INTO area_zone (area_id, care_zone_code, valid_from) VALUES (:id, :zone, :from)")
                .param("id", areaId)
                .param("zone", careZone)
                .param("from", Date.valueOf(from))
                .update();
    }

    /** The places matching every given filter (null means any), with their care zone on the date. */
    List<Place> places(String postcode, String municipalityNis, String careZone, LocalDate date) {
        return jdbc.sql("""
                SELECT a.id, a.is_district, a.municipality_nis, az.care_zone_code, m.first_line_zone_code
                FROM area a
                JOIN municipality m ON m.nis_code = a.municipality_nis
                JOIN area_zone az ON az.area_id = a.id
                     AND az.valid_from <= :date AND (az.valid_to IS NULL OR az.valid_to > :date)
                WHERE (CAST(:postcode AS text) IS NULL
                       OR a.id IN (SELECT area_id FROM area_postcode WHERE postcode = :postcode))
                  AND (CAST(:municipality AS text) IS NULL OR a.municipality_nis = :municipality)
                  AND (CAST(:zone AS text) IS NULL OR az.care_zone_code = :zone)
                ORDER BY a.id
                """)
                .param("postcode", postcode)
                .param("municipality", municipalityNis)
                .param("zone", careZone)
                .param("date", Date.valueOf(date))
                .query((row, n) -> new Place(
                        row.getString("id"),
                        row.getBoolean("is_district"),
                        row.getString("municipality_nis"),
                        row.getString("care_zone_code"),
                        row.getString("first_line_zone_code")))
                .list();
    }

    boolean exists(PlaceRef place) {
        String sql = switch (place.kind()) {
            case AREA -> "SELECT count(*) FROM area WHERE id = :code AND is_district";
            case MUNICIPALITY -> "SELECT count(*) FROM municipality WHERE nis_code = :code";
            case CARE_ZONE -> "SELECT count(*) FROM care_zone WHERE code = :code";
            case REGION -> "SELECT count(*) FROM first_line_zone WHERE code = :code";
        };
        return jdbc.sql(sql).param("code", place.code()).query(Long.class).single() > 0;
    }

    List<PostcodeLookup.Named> municipalities() {
        return jdbc.sql("SELECT nis_code, name_nl, name_fr FROM municipality ORDER BY nis_code")
                .query((row, n) -> new PostcodeLookup.Named(
                        row.getString("nis_code"), row.getString("name_nl"), row.getString("name_fr")))
                .list();
    }

    List<Area> areas(LocalDate date) {
        return jdbc.sql("""
                SELECT a.id, a.municipality_nis, a.name_nl, a.name_fr, a.is_district, az.care_zone_code
                FROM area a
                JOIN area_zone az ON az.area_id = a.id
                     AND az.valid_from <= :date AND (az.valid_to IS NULL OR az.valid_to > :date)
                ORDER BY a.municipality_nis, a.id
                """)
                .param("date", date)
                .query((row, n) -> new Area(
                        row.getString("id"),
                        row.getString("municipality_nis"),
                        row.getString("name_nl"),
                        row.getString("name_fr"),
                        row.getBoolean("is_district"),
                        row.getString("care_zone_code")))
                .list();
    }

    List<CareZone> careZones() {
        return jdbc.sql("""
                SELECT code, first_line_zone_code, name_nl, name_fr, helpdesk_email, helpdesk_phone
                FROM care_zone ORDER BY code
                """)
                .query((row, n) -> new CareZone(
                        row.getString("code"),
                        row.getString("first_line_zone_code"),
                        row.getString("name_nl"),
                        row.getString("name_fr"),
                        new CareZone.Helpdesk(row.getString("helpdesk_email"), row.getString("helpdesk_phone"))))
                .list();
    }

    boolean updateHelpdesk(String careZone, CareZone.Helpdesk helpdesk) {
        return jdbc.sql("UPDATE care_zone SET helpdesk_email = :email, helpdesk_phone = :phone WHERE code = :code")
                        .param("email", helpdesk.email())
                        .param("phone", helpdesk.phone())
                        .param("code", careZone)
                        .update()
                == 1;
    }

    /** Areas as they now are, with every zone they ever belonged to, as events for the directory's topic. */
    List<AreaChanged> areaStates(String onlyAreaId, Instant now) {
        Map<String, List<AreaChanged.ZonePeriod>> zones = jdbc
                .sql("""
                SELECT area_id, care_zone_code, valid_from, valid_to FROM area_zone
                WHERE CAST(:area AS text) IS NULL OR area_id = :area ORDER BY area_id, valid_from
                """)
                .param("area", onlyAreaId)
                .query((row, n) -> Map.entry(
                        row.getString("area_id"),
                        new AreaChanged.ZonePeriod(
                                row.getString("care_zone_code"),
                                row.getDate("valid_from").toLocalDate(),
                                Optional.ofNullable(row.getDate("valid_to"))
                                        .map(Date::toLocalDate)
                                        .orElse(null))))
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return jdbc.sql("""
                SELECT a.id, a.municipality_nis, m.first_line_zone_code, a.name_nl, a.name_fr,
                       m.name_nl AS municipality_name_nl, m.name_fr AS municipality_name_fr,
                       array_to_string(ARRAY(SELECT postcode FROM area_postcode p WHERE p.area_id = a.id
                                             ORDER BY postcode), ',') AS postcodes
                FROM area a JOIN municipality m ON m.nis_code = a.municipality_nis
                WHERE CAST(:area AS text) IS NULL OR a.id = :area ORDER BY a.id
                """)
                .param("area", onlyAreaId)
                .query((row, n) -> new AreaChanged(
                        UUID.randomUUID(),
                        now,
                        row.getString("id"),
                        row.getString("municipality_nis"),
                        row.getString("first_line_zone_code"),
                        row.getString("name_nl"),
                        row.getString("name_fr"),
                        Arrays.asList(row.getString("postcodes").split(",")),
                        zones.getOrDefault(row.getString("id"), List.of()),
                        row.getString("municipality_name_nl"),
                        row.getString("municipality_name_fr")))
                .list();
    }

    List<Neighbourhood> neighbourhoods(String careZone) {
        return jdbc.sql("""
                SELECT id, care_zone_code, municipality_nis, name_nl, name_fr FROM neighbourhood
                WHERE CAST(:zone AS text) IS NULL OR care_zone_code = :zone ORDER BY care_zone_code, name_nl
                """)
                .param("zone", careZone)
                .query((row, n) -> new Neighbourhood(
                        row.getString("id"),
                        row.getString("care_zone_code"),
                        row.getString("municipality_nis"),
                        row.getString("name_nl"),
                        row.getString("name_fr")))
                .list();
    }

    boolean addNeighbourhood(Neighbourhood neighbourhood) {
        return jdbc.sql("""
                INSERT INTO neighbourhood (id, care_zone_code, municipality_nis, name_nl, name_fr)
                VALUES (:id, :zone, :municipality, :nl, :fr) ON CONFLICT (id) DO NOTHING
                """)
                        .param("id", neighbourhood.id())
                        .param("zone", neighbourhood.careZone())
                        .param("municipality", neighbourhood.municipality())
                        .param("nl", neighbourhood.nameNl())
                        .param("fr", neighbourhood.nameFr())
                        .update()
                == 1;
    }
}
