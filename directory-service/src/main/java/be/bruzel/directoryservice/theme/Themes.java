package be.bruzel.directoryservice.theme;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The theme taxonomy, in plain SQL. */
@Repository
class Themes {

    private static final String COLUMNS = "code, name_nl, name_fr, name_en, active";

    private final JdbcClient jdbc;

    Themes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Theme> all(boolean includeInactive) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM theme WHERE active OR :all ORDER BY code")
                .param("all", includeInactive)
                .query(Theme.class)
                .list();
    }

    Optional<Theme> find(String code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM theme WHERE code = :code")
                .param("code", code)
                .query(Theme.class)
                .optional();
    }

    /** @return false when a theme with this code exists already */
    boolean add(Theme theme) {
        return jdbc.sql("""
                INSERT INTO theme (code, name_nl, name_fr, name_en, active)
                VALUES (:code, :nameNl, :nameFr, :nameEn, :active)
                ON CONFLICT (code) DO NOTHING
                """).paramSource(theme).update() == 1;
    }

    /** @return false when there is no theme with this code */
    boolean update(Theme theme) {
        return jdbc.sql("""
                UPDATE theme SET name_nl = :nameNl, name_fr = :nameFr, name_en = :nameEn, active = :active,
                                 version = version + 1
                WHERE code = :code
                """).paramSource(theme).update() == 1;
    }

    /** Codes among those given that are not active themes. */
    List<String> notActive(Collection<String> codes) {
        return codes.stream()
                .filter(code -> find(code).map(theme -> !theme.active()).orElse(true))
                .toList();
    }
}
