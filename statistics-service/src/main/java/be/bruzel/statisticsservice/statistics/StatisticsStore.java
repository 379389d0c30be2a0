package be.bruzel.statisticsservice.statistics;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The statistics store in plain SQL: one row per referral, changed by folding in what events
 * change. Writers take turns (a transaction-scoped advisory lock), so revisions become visible in
 * the order they are given out and a reader that has seen revision r has seen all before it.
 */
@Repository
class StatisticsStore implements ReferralFacts.Source {

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    StatisticsStore(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** Folds the changes into their referrals' rows; must run in the transaction that marks the events processed. */
    @Transactional(propagation = Propagation.MANDATORY)
    void apply(Collection<StatisticsChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        takeTurn();
        List<StatisticsChange> rows = List.copyOf(changes);
        // Only new referrals take a position: positions stay dense, one slot per referral.
        jdbc.sql("""
                INSERT INTO statistics_referral (referral_id)
                SELECT DISTINCT id FROM unnest(CAST(:ids AS uuid[])) AS id
                WHERE NOT EXISTS (SELECT 1 FROM statistics_referral s WHERE s.referral_id = id)
                """)
                .param("ids", column(rows, change -> change.referralId().toString()))
                .update();
        jdbc.sql("""
                UPDATE statistics_referral s SET
                    submitted_at = COALESCE(s.submitted_at, d.submitted_at),
                    municipality_nis = COALESCE(s.municipality_nis, d.municipality_nis),
                    area_id = COALESCE(s.area_id, d.area_id),
                    care_zone_code = COALESCE(s.care_zone_code, d.care_zone_code),
                    theme_codes = CASE WHEN cardinality(s.theme_codes) = 0 AND d.theme_codes IS NOT NULL
                                       THEN string_to_array(d.theme_codes, ',') ELSE s.theme_codes END,
                    referrer_key = COALESCE(s.referrer_key, d.referrer_key),
                    referrer_profession = COALESCE(s.referrer_profession, d.referrer_profession),
                    organisation_id = CASE WHEN d.routed_at IS NOT NULL
                                            AND (s.routed_at IS NULL OR d.routed_at >= s.routed_at)
                                           THEN d.organisation_id ELSE s.organisation_id END,
                    routed_at = GREATEST(s.routed_at, d.routed_at),
                    unmet_need = s.unmet_need OR d.unmet_need,
                    logged = s.logged OR d.logged,
                    accepted_at = LEAST(s.accepted_at, d.accepted_at),
                    first_contact_at = LEAST(s.first_contact_at, d.first_contact_at),
                    contact_attempts = s.contact_attempts + d.contact_attempts,
                    contact_attempts_reached = s.contact_attempts_reached + d.contact_attempts_reached,
                    declined_at = LEAST(s.declined_at, d.declined_at),
                    cancelled_at = LEAST(s.cancelled_at, d.cancelled_at),
                    expired_at = LEAST(s.expired_at, d.expired_at),
                    completed_at = LEAST(s.completed_at, d.completed_at),
                    outcome = COALESCE(s.outcome, d.outcome),
                    reminded_at = LEAST(s.reminded_at, d.reminded_at),
                    escalated_at = LEAST(s.escalated_at, d.escalated_at),
                    referrer_score = COALESCE(s.referrer_score, d.referrer_score),
                    organisation_score = COALESCE(s.organisation_score, d.organisation_score),
                    person_contacted = COALESCE(s.person_contacted, d.person_contacted),
                    person_score = COALESCE(s.person_score, d.person_score),
                    revision = nextval('statistics_revision')
                FROM (
                    SELECT c.referral_id, min(c.submitted_at) AS submitted_at,
                           min(c.municipality_nis) AS municipality_nis, min(c.area_id) AS area_id,
                           min(c.care_zone_code) AS care_zone_code, min(c.theme_codes) AS theme_codes,
                           min(c.referrer_key) AS referrer_key, min(c.referrer_profession) AS referrer_profession,
                           (array_agg(c.organisation_id ORDER BY c.routed_at DESC)
                               FILTER (WHERE c.routed_at IS NOT NULL))[1] AS organisation_id,
                           max(c.routed_at) AS routed_at, bool_or(c.unmet_need) AS unmet_need,
                           bool_or(c.logged) AS logged,
                           min(c.accepted_at) AS accepted_at, min(c.first_contact_at) AS first_contact_at,
                           sum(c.contact_attempts) AS contact_attempts,
                           sum(c.contact_attempts_reached) AS contact_attempts_reached,
                           min(c.declined_at) AS declined_at, min(c.cancelled_at) AS cancelled_at,
                           min(c.expired_at) AS expired_at,
                           min(c.completed_at) AS completed_at, min(c.outcome) AS outcome,
                           min(c.reminded_at) AS reminded_at, min(c.escalated_at) AS escalated_at,
                           min(c.referrer_score) AS referrer_score, min(c.organisation_score) AS organisation_score,
                           bool_or(c.person_contacted) AS person_contacted, min(c.person_score) AS person_score
                    FROM unnest(CAST(:ids AS uuid[]), CAST(:submittedAt AS timestamptz[]),
                                CAST(:municipality AS text[]), CAST(:area AS text[]), CAST(:careZone AS text[]),
                                CAST(:themes AS text[]), CAST(:referrer AS text[]), CAST(:profession AS text[]),
                                CAST(:organisation AS text[]), CAST(:routedAt AS timestamptz[]),
                                CAST(:unmetNeed AS boolean[]), CAST(:acceptedAt AS timestamptz[]),
                                CAST(:firstContactAt AS timestamptz[]), CAST(:attempts AS integer[]),
                                CAST(:reached AS integer[]), CAST(:declinedAt AS timestamptz[]),
                                CAST(:cancelledAt AS timestamptz[]), CAST(:expiredAt AS timestamptz[]),
                                CAST(:completedAt AS timestamptz[]),
                                CAST(:outcome AS text[]), CAST(:remindedAt AS timestamptz[]),
                                CAST(:escalatedAt AS timestamptz[]), CAST(:referrerScore AS smallint[]),
                                CAST(:organisationScore AS smallint[]), CAST(:logged AS boolean[]),
                                CAST(:personContacted AS boolean[]), CAST(:personScore AS smallint[]))
                        AS c(referral_id, submitted_at, municipality_nis, area_id, care_zone_code, theme_codes,
                             referrer_key, referrer_profession, organisation_id, routed_at, unmet_need, accepted_at,
                             first_contact_at, contact_attempts, contact_attempts_reached, declined_at, cancelled_at,
                             expired_at, completed_at, outcome, reminded_at, escalated_at, referrer_score, organisation_score,
                             logged, person_contacted, person_score)
                    GROUP BY c.referral_id
                ) d
                WHERE s.referral_id = d.referral_id
                """)
                .param("ids", column(rows, change -> change.referralId().toString()))
                .param("submittedAt", column(rows, change -> text(change.submittedAt())))
                .param("municipality", column(rows, StatisticsChange::municipalityNis))
                .param("area", column(rows, StatisticsChange::areaId))
                .param("careZone", column(rows, StatisticsChange::careZoneCode))
                .param(
                        "themes",
                        column(
                                rows,
                                change -> change.themeCodes().isEmpty() ? null : String.join(",", change.themeCodes())))
                .param("referrer", column(rows, StatisticsChange::referrerKey))
                .param("profession", column(rows, StatisticsChange::referrerProfession))
                .param("organisation", column(rows, StatisticsChange::organisationId))
                .param("routedAt", column(rows, change -> text(change.routedAt())))
                .param("unmetNeed", column(rows, change -> String.valueOf(change.unmetNeed())))
                .param("acceptedAt", column(rows, change -> text(change.acceptedAt())))
                .param("firstContactAt", column(rows, change -> text(change.firstContactAt())))
                .param("attempts", column(rows, change -> String.valueOf(change.contactAttempts())))
                .param("reached", column(rows, change -> String.valueOf(change.contactAttemptsReached())))
                .param("declinedAt", column(rows, change -> text(change.declinedAt())))
                .param("cancelledAt", column(rows, change -> text(change.cancelledAt())))
                .param("expiredAt", column(rows, change -> text(change.expiredAt())))
                .param("completedAt", column(rows, change -> text(change.completedAt())))
                .param("outcome", column(rows, StatisticsChange::outcome))
                .param("remindedAt", column(rows, change -> text(change.remindedAt())))
                .param("escalatedAt", column(rows, change -> text(change.escalatedAt())))
                .param("referrerScore", column(rows, change -> text(change.referrerScore())))
                .param("organisationScore", column(rows, change -> text(change.organisationScore())))
                .param("logged", column(rows, change -> String.valueOf(change.logged())))
                .param("personContacted", column(rows, change -> text(change.personContacted())))
                .param("personScore", column(rows, change -> text(change.personScore())))
                .update();
    }

    /**
     * Streams the rows changed after {@code revision} to {@code row}, in no order, as one binary
     * {@code COPY}: a million rows cross in a few seconds, where a result set takes several times as long.
     *
     * @return the store's generation, raised by each rebuild; rows of another generation than the reader's mean
     *     the reader must start over
     */
    @Override
    @Transactional(readOnly = true)
    public int changedSince(long revision, Consumer<ReferralFact> row) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            // In no order: one statement sees one snapshot, and the reader keeps its highest revision.
            CopyOut copy = connection.unwrap(PGConnection.class).getCopyAPI().copyOut("""
                    COPY (SELECT g.generation, s.position, s.municipality_nis, s.area_id, s.care_zone_code,
                                 array_to_string(s.theme_codes, ','), s.referrer_key, s.referrer_profession,
                                 s.organisation_id, s.unmet_need, s.logged, s.contact_attempts, s.contact_attempts_reached,
                                 s.outcome, s.referrer_score::integer, s.organisation_score::integer, s.person_contacted,
                                 s.person_score::integer, s.revision,
                                 get_byte(uuid_send(s.referral_id), 15),
                                 extract(epoch FROM s.submitted_at)::bigint, extract(epoch FROM s.accepted_at)::bigint,
                                 extract(epoch FROM s.first_contact_at)::bigint,
                                 extract(epoch FROM s.declined_at)::bigint, extract(epoch FROM s.cancelled_at)::bigint,
                                 extract(epoch FROM s.expired_at)::bigint, extract(epoch FROM s.completed_at)::bigint,
                                 extract(epoch FROM s.reminded_at)::bigint, extract(epoch FROM s.escalated_at)::bigint
                          FROM statistics_generation g
                          LEFT JOIN statistics_referral s ON s.revision > %d) TO STDOUT (FORMAT binary)
                    """.formatted(revision));
            try {
                return new CopiedRows(copy).each(row);
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        } catch (SQLException | IOException failed) {
            throw new DataAccessResourceFailureException("Cannot read the statistics store", failed);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    @Override
    public Optional<byte[]> snapshot() {
        return jdbc.sql("SELECT content FROM statistics_snapshot")
                .query(byte[].class)
                .optional();
    }

    /** Replaces the snapshot kept by a later one of the store's current generation; an older one is dropped. */
    @Override
    public void keep(int generation, long revision, byte[] snapshot) {
        jdbc.sql("""
                INSERT INTO statistics_snapshot AS kept (generation, revision, taken_at, content)
                SELECT :generation, :revision, now(), :content
                FROM statistics_generation WHERE generation = :generation
                ON CONFLICT (only_row) DO UPDATE SET generation = EXCLUDED.generation, revision = EXCLUDED.revision,
                                                     taken_at = EXCLUDED.taken_at, content = EXCLUDED.content
                WHERE kept.generation < EXCLUDED.generation
                   OR (kept.generation = EXCLUDED.generation AND kept.revision < EXCLUDED.revision)
                """)
                .param("generation", generation)
                .param("revision", revision)
                .param("content", snapshot)
                .update();
    }

    /** Empties the store for a rebuild and forgets which events it had; raises the generation. */
    @Transactional
    int restart(String consumer) {
        takeTurn();
        jdbc.sql("TRUNCATE statistics_referral RESTART IDENTITY").update();
        jdbc.sql("TRUNCATE questionnaire_answer, questionnaire_submission, statistics_contact_attempt")
                .update();
        jdbc.sql("DELETE FROM statistics_snapshot").update();
        jdbc.sql("DELETE FROM processed_event WHERE consumer = :consumer")
                .param("consumer", consumer)
                .update();
        return jdbc.sql("""
                UPDATE statistics_generation SET generation = generation + 1, started_at = now() RETURNING generation
                """).query(Integer.class).single();
    }

    /** Waits for the other writers of the store; the turn lasts until the transaction ends. */
    @Transactional(propagation = Propagation.MANDATORY)
    void takeTurn() {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('statistics_referral'))")
                .query(Object.class)
                .single();
    }

    private static String text(Object value) {
        return Objects.toString(value, null);
    }

    /** One column of rows as text, cast in SQL: the driver binds text arrays natively. */
    private static String[] column(List<StatisticsChange> rows, Function<StatisticsChange, String> value) {
        return rows.stream().map(value).toArray(String[]::new);
    }
}
