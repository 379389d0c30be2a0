package be.bruzel.referralservice.privacy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who read a person's data, when, in which referral: the controller's accountability under the
 * GDPR. A read is written in the transaction of the read, so a read that fails leaves no entry and
 * a read that succeeds always does; a refused attempt is written on its own, since the refusal
 * rolls back the rest. It names readers and times, never content, so it outlives the erasure of
 * the person's data and is kept for its own period.
 */
@Repository
public class PersonDataAccessLog {

    /**
     * One read of a person's data, or one refused attempt at it.
     *
     * @param refused the referral was not the caller's to see: they were told it does not exist
     */
    public record Access(
            UUID referralId,
            String userId,
            String organisationId,
            Instant accessedAt,
            String purpose,
            boolean refused) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    PersonDataAccessLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @param purpose e.g. {@code referral.read} */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(UUID referralId, String userId, String organisationId, String purpose) {
        insert(referralId, userId, organisationId, purpose, false);
    }

    /** One read of several referrals' persons at once, e.g. their names in a list: one entry for each. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(Collection<UUID> referralIds, String userId, String organisationId, String purpose) {
        if (referralIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                INSERT INTO person_data_access (referral_id, user_id, organisation_id, accessed_at, purpose, refused)
                SELECT referral, :user, :organisation, :at, :purpose, false
                FROM unnest(CAST(:referrals AS uuid[])) AS referral
                """)
                .param("referrals", referralIds.stream().map(UUID::toString).toArray(String[]::new))
                .param("user", userId)
                .param("organisation", organisationId)
                .param("at", Timestamp.from(clock.instant()))
                .param("purpose", purpose)
                .update();
    }

    /** As {@link #recordAll}, kept also when the caller's transaction then rolls back (they were told, and stopped). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordAllApart(Collection<UUID> referralIds, String userId, String organisationId, String purpose) {
        recordAll(referralIds, userId, organisationId, purpose);
    }

    /** Someone asked for a referral that is not theirs to see. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void refused(UUID referralId, String userId, String organisationId) {
        insert(referralId, userId, organisationId, "referral.refused", true);
    }

    private void insert(UUID referralId, String userId, String organisationId, String purpose, boolean refused) {
        jdbc.sql("""
                INSERT INTO person_data_access (referral_id, user_id, organisation_id, accessed_at, purpose, refused)
                VALUES (:referral, :user, :organisation, :at, :purpose, :refused)
                """)
                .param("referral", referralId)
                .param("user", userId)
                .param("organisation", organisationId)
                .param("at", Timestamp.from(clock.instant()))
                .param("purpose", purpose)
                .param("refused", refused)
                .update();
    }

    public List<Access> of(UUID referralId) {
        return jdbc.sql("""
                SELECT referral_id, user_id, organisation_id, accessed_at, purpose, refused FROM person_data_access
                WHERE referral_id = :referral ORDER BY accessed_at, id
                """)
                .param("referral", referralId)
                .query((row, n) -> map(row))
                .list();
    }

    /** A page of the entries of one referral, oldest first; only the refused ones when asked. */
    List<Access> of(UUID referralId, boolean refusedOnly, int page, int size) {
        return jdbc.sql("""
                SELECT referral_id, user_id, organisation_id, accessed_at, purpose, refused FROM person_data_access
                WHERE referral_id = :referral AND (refused OR NOT :refusedOnly)
                ORDER BY accessed_at, id LIMIT :size OFFSET :offset
                """)
                .param("referral", referralId)
                .param("refusedOnly", refusedOnly)
                .param("size", size)
                .param("offset", (long) page * size)
                .query((row, n) -> map(row))
                .list();
    }

    /** The newest refused attempts over every referral, a page at a time: who is probing. */
    List<Access> refusals(int page, int size) {
        return jdbc.sql("""
                SELECT referral_id, user_id, organisation_id, accessed_at, purpose, refused FROM person_data_access
                WHERE refused ORDER BY accessed_at DESC, id DESC LIMIT :size OFFSET :offset
                """)
                .param("size", size)
                .param("offset", (long) page * size)
                .query((row, n) -> map(row))
                .list();
    }

    /** Forgets entries older than the log's retention period. */
    @Transactional
    public int forgetBefore(Instant before) {
        return jdbc.sql("DELETE FROM person_data_access WHERE accessed_at < :before")
                .param("before", Timestamp.from(before))
                .update();
    }

    private static Access map(ResultSet row) throws SQLException {
        return new Access(
                row.getObject("referral_id", UUID.class),
                row.getString("user_id"),
                row.getString("organisation_id"),
                row.getTimestamp("accessed_at").toInstant(),
                row.getString("purpose"),
                row.getBoolean("refused"));
    }
}
