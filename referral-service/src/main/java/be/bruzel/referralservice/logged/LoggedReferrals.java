package be.bruzel.referralservice.logged;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Logged referrals, in plain SQL. */
@Repository
class LoggedReferrals {

    private final JdbcClient jdbc;

    LoggedReferrals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(LoggedReferral referral) {
        jdbc.sql("""
                INSERT INTO logged_referral (id, referrer_id, referrer_profession, made_on, channel, theme_codes,
                    postcode, municipality_nis, area_id, care_zone_code, receiving_organisation_id, logged_at)
                VALUES (:id, :referrer, :profession, :madeOn, :channel, :themes, :postcode, :municipality, :area,
                    :careZone, :organisation, :loggedAt)
                """)
                .param("id", referral.id())
                .param("referrer", referral.referrerId())
                .param("profession", referral.referrerProfession())
                .param("madeOn", Date.valueOf(referral.madeOn()))
                .param("channel", referral.channel().name())
                .param("themes", referral.themeCodes().toArray(String[]::new))
                .param("postcode", referral.place().postcode())
                .param("municipality", referral.place().municipalityNis())
                .param("area", referral.place().areaId())
                .param("careZone", referral.place().careZoneCode())
                .param("organisation", referral.receivingOrganisationId())
                .param("loggedAt", Timestamp.from(referral.loggedAt()))
                .update();
    }

    /** A referrer's own, the most recently made first. */
    List<LoggedReferral> of(String referrerId, int page, int size) {
        return jdbc.sql("""
                SELECT * FROM logged_referral WHERE referrer_id = :referrer
                ORDER BY made_on DESC, logged_at DESC, id LIMIT :size OFFSET :offset
                """)
                .param("referrer", referrerId)
                .param("size", size)
                .param("offset", (long) page * size)
                .query(LoggedReferrals::map)
                .list();
    }

    /** One of the referrer's own; none when it is another's. */
    Optional<LoggedReferral> find(String referrerId, UUID id) {
        return jdbc.sql("SELECT * FROM logged_referral WHERE id = :id AND referrer_id = :referrer")
                .param("id", id)
                .param("referrer", referrerId)
                .query(LoggedReferrals::map)
                .optional();
    }

    private static LoggedReferral map(ResultSet row, int number) throws SQLException {
        return new LoggedReferral(
                row.getObject("id", UUID.class),
                row.getString("referrer_id"),
                row.getString("referrer_profession"),
                row.getDate("made_on").toLocalDate(),
                LoggedReferral.Channel.valueOf(row.getString("channel")),
                List.of((String[]) row.getArray("theme_codes").getArray()),
                new LoggedReferral.Place(
                        row.getString("postcode"),
                        row.getString("municipality_nis"),
                        row.getString("area_id"),
                        row.getString("care_zone_code")),
                row.getString("receiving_organisation_id"),
                row.getTimestamp("logged_at").toInstant());
    }

    long count(String referrerId) {
        return jdbc.sql("SELECT count(*) FROM logged_referral WHERE referrer_id = :referrer")
                .param("referrer", referrerId)
                .query(Long.class)
                .single();
    }
}
