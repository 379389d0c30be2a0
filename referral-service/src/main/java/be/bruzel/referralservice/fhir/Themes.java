package be.bruzel.referralservice.fhir;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The themes as this service's copy of the directory has them, retired ones included. */
@Repository
class Themes {

    /** A theme in the languages the directory names it in; English is missing until the directory next sends it. */
    record Theme(String code, String nameNl, String nameFr, String nameEn, boolean active) {}

    private final JdbcClient jdbc;

    Themes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Theme> all() {
        return jdbc.sql("""
                        SELECT theme_code AS code, name_nl, name_fr, name_en, active
                        FROM directory_theme ORDER BY theme_code
                        """).query(Theme.class).list();
    }
}
