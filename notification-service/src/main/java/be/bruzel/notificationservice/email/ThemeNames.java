package be.bruzel.notificationservice.email;

import be.bruzel.platform.events.ThemeChanged;
import java.sql.Timestamp;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The copy of the themes' names, to say in a mail what a referral is about. */
@Repository
class ThemeNames {

    private final JdbcClient jdbc;

    ThemeNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stale event (older than the name kept) changes nothing. */
    void keep(ThemeChanged theme) {
        jdbc.sql("""
                INSERT INTO theme_name (code, name_nl, name_fr, name_en, changed_at)
                VALUES (:code, :nl, :fr, :en, :at)
                ON CONFLICT (code) DO UPDATE SET name_nl = EXCLUDED.name_nl, name_fr = EXCLUDED.name_fr,
                    name_en = EXCLUDED.name_en, changed_at = EXCLUDED.changed_at
                WHERE theme_name.changed_at <= EXCLUDED.changed_at
                """)
                .param("code", theme.themeCode())
                .param("nl", theme.nameNl())
                .param("fr", theme.nameFr())
                .param("en", theme.nameEn())
                .param("at", Timestamp.from(theme.occurredAt()))
                .update();
    }

    /**
     * The names of a referral's themes in this language (Dutch where it has none), e.g. "Financiën
     * en schulden, Wonen"; empty when its themes or their names are not known here.
     */
    String of(UUID referralId, String language) {
        return jdbc.sql("""
                SELECT coalesce(string_agg(coalesce(CASE :language WHEN 'fr' THEN t.name_fr WHEN 'en' THEN t.name_en END,
                                                    t.name_nl, t.code), ', ' ORDER BY theme.position), '')
                FROM referral_party p
                CROSS JOIN LATERAL unnest(p.theme_codes) WITH ORDINALITY AS theme (code, position)
                JOIN theme_name t ON t.code = theme.code
                WHERE p.referral_id = :referral
                """)
                .param("language", language)
                .param("referral", referralId)
                .query(String.class)
                .single();
    }
}
