package be.bruzel.directoryservice.territory;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
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
                        new PostcodeLookup.Named(row.getString("nis_code"), row.getString("m_nl"), row.getString("m_fr")),
                        new PostcodeLookup.Area(row.getString("id"), row.getString("a_nl"), row.getString("a_fr"),
                                row.getBoolean("is_district")),
                        new PostcodeLookup.Named(row.getString("code"), row.getString("z_nl"), row.getString("z_fr"))))
                .list();
    }

    boolean hasArea(String areaId) {
        return jdbc.sql("SELECT count(*) FROM area WHERE id = :id").param("id", areaId).query(Long.class).single() > 0;
    }

    boolean hasCareZone(String code) {
        return jdbc.sql("SELECT count(*) FROM care_zone WHERE code = :code").param("code", code)
                .query(Long.class).single() > 0;
    }

    /** The start of the area's current zone assignment. */
    Optional<LocalDate> currentAssignmentSince(String areaId) {
        return jdbc.sql("SELECT valid_from FROM area_zone WHERE area_id = :id AND valid_to IS NULL FOR UPDATE")
                .param("id", areaId).query(Date.class).optional().map(Date::toLocalDate);
    }

    /** Closes the current assignment the day the new one starts; history is never rewritten. */
    void move(String areaId, String careZone, LocalDate from) {
        jdbc.sql("UPDATE area_zone SET valid_to = :from WHERE area_id = :id AND valid_to IS NULL")
                .param("id", areaId).param("from", Date.valueOf(from)).update();
        jdbc.sql("INSERT INTO area_zone (area_id, care_zone_code, valid_from) VALUES (:id, :zone, :from)")
                .param("id", areaId).param("zone", careZone).param("from", Date.valueOf(from)).update();
    }
}
