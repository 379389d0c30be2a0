package be.bruzel.referralservice.privacy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who read a person's data, when, in which referral: the controller's accountability under the
 * GDPR. Written in the transaction of the read, so a read that fails leaves no entry and a
 * read that succeeds always does.
 */
@Repository
public class PersonDataAccessLog {

    /** One read of a person's data. */
    public record Access(UUID referralId, String userId, String organisationId, Instant accessedAt, String purpose) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    PersonDataAccessLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @param purpose e.g. {@code referral.read} */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(UUID referralId, String userId, String organisationId, String purpose) {
        jdbc.sql("""
                INSERT INTO person_data_access (referral_id, user_id, organisation_id, accessed_at, purpose)
                VALUES (:referral, :user, :organisation, :at, :purpose)
                """)
                .param("referral", referralId).param("user", userId).param("organisation", organisationId)
                .param("at", Timestamp.from(clock.instant())).param("purpose", purpose)
                .update();
    }

    public List<Access> of(UUID referralId) {
        return jdbc.sql("""
                SELECT referral_id, user_id, organisation_id, accessed_at, purpose FROM person_data_access
                WHERE referral_id = :referral ORDER BY accessed_at, id
                """)
                .param("referral", referralId)
                .query((row, n) -> new Access(row.getObject("referral_id", UUID.class), row.getString("user_id"),
                        row.getString("organisation_id"), row.getTimestamp("accessed_at").toInstant(),
                        row.getString("purpose")))
                .list();
    }
}
