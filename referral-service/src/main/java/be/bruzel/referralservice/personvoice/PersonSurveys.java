package be.bruzel.referralservice.personvoice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The questions to persons and their answers, in plain SQL. */
@Repository
class PersonSurveys {

    private final JdbcClient jdbc;

    PersonSurveys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A referral whose person is due to be asked, and who has it. */
    record Due(UUID referralId, String organisationId, String serviceId) {}

    /**
     * Referrals whose person agreed to be asked and was not yet: completed, or accepted before {@code acceptedBefore}
     * and still open; never once their data is erased. Oldest acceptance first.
     */
    List<Due> dueToAsk(Instant acceptedBefore, int limit) {
        return jdbc.sql("""
                SELECT r.id, r.receiving_organisation_id, r.receiving_service_id FROM referral r
                WHERE r.consent_ask_afterwards AND r.personal_data_erased_at IS NULL
                  AND (r.status = 'COMPLETED' OR (r.status IN ('ACCEPTED', 'IN_PROGRESS') AND r.accepted_at < :before))
                  AND NOT EXISTS (SELECT 1 FROM person_survey s WHERE s.referral_id = r.id)
                ORDER BY r.accepted_at
                LIMIT :limit
                """)
                .param("before", Timestamp.from(acceptedBefore))
                .param("limit", limit)
                .query((row, number) -> new Due(
                        row.getObject("id", UUID.class),
                        row.getString("receiving_organisation_id"),
                        row.getString("receiving_service_id")))
                .list();
    }

    /** False when the referral's person was asked already (by another instance, meanwhile). */
    boolean add(PersonSurvey survey) {
        return jdbc.sql("""
                        INSERT INTO person_survey (referral_id, link_id, organisation_id, service_id, created_at,
                            expires_at, next_attempt_at)
                        VALUES (:referral, :link, :organisation, :service, :created, :expires, :created)
                        ON CONFLICT (referral_id) DO NOTHING
                        """)
                        .param("referral", survey.referralId())
                        .param("link", survey.linkId())
                        .param("organisation", survey.organisationId())
                        .param("service", survey.serviceId())
                        .param("created", Timestamp.from(survey.createdAt()))
                        .param("expires", Timestamp.from(survey.expiresAt()))
                        .update()
                == 1;
    }

    /** Messages due to go out, each locked for this transaction: another instance skips them. */
    List<PersonSurvey> claimToSend(Instant now, int limit) {
        return jdbc.sql("""
                SELECT * FROM person_survey
                WHERE sent_at IS NULL AND given_up_at IS NULL AND next_attempt_at <= :now
                ORDER BY next_attempt_at
                LIMIT :limit
                FOR UPDATE SKIP LOCKED
                """)
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query(PersonSurveys::survey)
                .list();
    }

    void sent(UUID referralId, String channel, Instant at) {
        jdbc.sql("""
                UPDATE person_survey SET channel = :channel, sent_at = :at, attempts = attempts + 1, failure = NULL
                WHERE referral_id = :id
                """)
                .param("id", referralId)
                .param("channel", channel)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** Nothing reaches the person: not tried again. */
    void unreachable(UUID referralId, Instant at) {
        jdbc.sql("UPDATE person_survey SET channel = 'NONE', given_up_at = :at WHERE referral_id = :id")
                .param("id", referralId)
                .param("at", Timestamp.from(at))
                .update();
    }

    /**
     * @param failure what kind of failure, never its message (which may hold the address)
     * @param next when to try again; none: given up
     */
    void failed(UUID referralId, String failure, Instant now, Instant next) {
        jdbc.sql("""
                UPDATE person_survey SET attempts = attempts + 1, failure = :failure,
                    next_attempt_at = COALESCE(:next, next_attempt_at),
                    given_up_at = CASE WHEN CAST(:next AS timestamptz) IS NULL THEN CAST(:now AS timestamptz) END
                WHERE referral_id = :id
                """)
                .param("id", referralId)
                .param("failure", failure)
                .param("now", Timestamp.from(now))
                .param("next", next == null ? null : Timestamp.from(next))
                .update();
    }

    /**
     * A question as its page shows it: the survey, and of its referral what the page says (the language the person
     * speaks, who referred them and when) and whether the person's data is gone.
     */
    record Opened(PersonSurvey survey, String language, String referrerName, Instant referredAt, boolean erased) {}

    Optional<Opened> byLink(UUID linkId) {
        return jdbc.sql("""
                SELECT s.*, r.person_language, r.referrer_name, r.submitted_at,
                       r.personal_data_erased_at IS NOT NULL AS erased
                FROM person_survey s JOIN referral r ON r.id = s.referral_id
                WHERE s.link_id = :link
                """)
                .param("link", linkId)
                .query((row, number) -> new Opened(
                        survey(row, number),
                        row.getString("person_language"),
                        row.getString("referrer_name"),
                        instant(row, "submitted_at"),
                        row.getBoolean("erased")))
                .optional();
    }

    /** True if this answer used the link up: none before it, and still in time. */
    boolean answer(UUID linkId, Instant at, boolean contacted, Integer score) {
        return jdbc.sql("""
                        UPDATE person_survey SET answered_at = :at, contacted = :contacted, score = :score
                        WHERE link_id = :link AND answered_at IS NULL AND expires_at > :at
                        """)
                        .param("link", linkId)
                        .param("at", Timestamp.from(at))
                        .param("contacted", contacted)
                        .param("score", score)
                        .update()
                == 1;
    }

    private static PersonSurvey survey(ResultSet row, int number) throws SQLException {
        return new PersonSurvey(
                row.getObject("referral_id", UUID.class),
                row.getObject("link_id", UUID.class),
                row.getString("organisation_id"),
                row.getString("service_id"),
                row.getString("channel"),
                instant(row, "created_at"),
                instant(row, "expires_at"),
                instant(row, "sent_at"),
                row.getInt("attempts"),
                instant(row, "answered_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp at = row.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
