package be.bruzel.referralservice.duplicates;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The person keys of referrals and the open referrals they find, in plain SQL. */
@Repository
class OpenReferrals {

    /** Open: somebody is still to take it or is working on it. */
    private static final String OPEN = "r.status IN ('SUBMITTED', 'RECEIVED', 'ACCEPTED', 'IN_PROGRESS')";

    /** An open referral of the person on at least one of the themes asked about. */
    record Match(
            UUID referralId,
            String referrerId,
            List<String> themes,
            String organisationId,
            boolean unmetNeed,
            Instant submittedAt) {}

    /** An open referral that has no keys yet: made before keys were kept. */
    record Unkeyed(UUID referralId, String name, String phone, String email) {}

    private final JdbcClient jdbc;

    OpenReferrals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void keep(Collection<UUID> referralIds, List<byte[]> keys) {
        jdbc.sql("""
                INSERT INTO referral_person_key (referral_id, person_key)
                SELECT referral, decode(hex, 'hex')
                FROM unnest(CAST(:referrals AS uuid[])) AS referral CROSS JOIN unnest(CAST(:keys AS text[])) AS hex
                ON CONFLICT DO NOTHING
                """)
                .param("referrals", referralIds.stream().map(UUID::toString).toArray(String[]::new))
                .param("keys", keys.stream().map(HexFormat.of()::formatHex).toArray(String[]::new))
                .update();
    }

    /** Oldest first, those that share most of the themes first among equals. */
    List<Match> matching(List<byte[]> keys, Collection<String> themes) {
        if (keys.isEmpty() || themes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT DISTINCT r.id, r.referrer_id, r.theme_codes, r.receiving_organisation_id, r.unmet_need,
                       r.submitted_at
                FROM referral_person_key k JOIN referral r ON r.id = k.referral_id
                WHERE k.person_key IN (:keys) AND %s AND r.personal_data_erased_at IS NULL
                  AND r.theme_codes && CAST(:themes AS text[])
                ORDER BY r.submitted_at, r.id
                """.formatted(OPEN))
                .param("keys", keys)
                .param("themes", themes.toArray(String[]::new))
                .query((row, number) -> new Match(
                        row.getObject("id", UUID.class),
                        row.getString("referrer_id"),
                        strings(row.getArray("theme_codes")),
                        row.getString("receiving_organisation_id"),
                        row.getBoolean("unmet_need"),
                        row.getTimestamp("submitted_at").toInstant()))
                .list();
    }

    void forget(Collection<UUID> referralIds) {
        jdbc.sql("DELETE FROM referral_person_key WHERE referral_id = ANY (CAST(:ids AS uuid[]))")
                .param("ids", referralIds.stream().map(UUID::toString).toArray(String[]::new))
                .update();
    }

    List<Unkeyed> unkeyed(int limit) {
        return jdbc.sql("""
                SELECT r.id, r.person_name, r.person_phone, r.person_email FROM referral r
                WHERE %s AND r.personal_data_erased_at IS NULL
                  AND NOT EXISTS (SELECT 1 FROM referral_person_key k WHERE k.referral_id = r.id)
                ORDER BY r.submitted_at LIMIT :limit
                """.formatted(OPEN))
                .param("limit", limit)
                .query((row, number) -> new Unkeyed(
                        row.getObject("id", UUID.class),
                        row.getString("person_name"),
                        row.getString("person_phone"),
                        row.getString("person_email")))
                .list();
    }

    private static List<String> strings(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }
}
