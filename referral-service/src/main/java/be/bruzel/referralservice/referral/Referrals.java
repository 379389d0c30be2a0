package be.bruzel.referralservice.referral;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The referrals, in plain SQL. */
@Repository
class Referrals {

    private final JdbcClient jdbc;

    Referrals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(Referral referral) {
        jdbc.sql("""
                INSERT INTO referral (id, referrer_id, status, person_name, person_phone, person_email,
                    person_language, postcode, theme_codes, question, consent_method, consent_given_at,
                    submitted_at, version)
                VALUES (:id, :referrer, :status, :name, :phone, :email, :language, :postcode, :themes, :question,
                    :consentMethod, :consentGivenAt, :submittedAt, :version)
                """)
                .param("id", referral.id())
                .param("referrer", referral.referrerId())
                .param("status", referral.status().name())
                .param("name", referral.person().name())
                .param("phone", referral.person().phone())
                .param("email", referral.person().email())
                .param("language", referral.person().preferredLanguage())
                .param("postcode", referral.postcode())
                .param("themes", referral.themeCodes().toArray(String[]::new))
                .param("question", referral.question())
                .param("consentMethod", referral.consent().method().name())
                .param("consentGivenAt", Timestamp.from(referral.consent().givenAt()))
                .param("submittedAt", Timestamp.from(referral.submittedAt()))
                .param("version", referral.version())
                .update();
    }

    Optional<Referral> find(UUID id) {
        return jdbc.sql("SELECT * FROM referral WHERE id = :id").param("id", id).query(Referrals::map).optional();
    }

    private static Referral map(ResultSet row, int rowNumber) throws SQLException {
        Array themes = row.getArray("theme_codes");
        return new Referral(
                row.getObject("id", UUID.class),
                row.getString("referrer_id"),
                Referral.Status.valueOf(row.getString("status")),
                new Referral.Person(row.getString("person_name"), row.getString("person_phone"),
                        row.getString("person_email"), row.getString("person_language")),
                row.getString("postcode"),
                List.of((String[]) themes.getArray()),
                row.getString("question"),
                new Referral.Consent(Referral.Consent.Method.valueOf(row.getString("consent_method")),
                        row.getTimestamp("consent_given_at").toInstant()),
                row.getTimestamp("submitted_at").toInstant(),
                row.getInt("version"));
    }
}
