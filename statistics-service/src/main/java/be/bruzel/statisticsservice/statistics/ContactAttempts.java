package be.bruzel.statisticsservice.statistics;

import be.bruzel.platform.events.ContactAttemptLogged;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each contact attempt's channel and whether it reached the person (indicator 1), in plain SQL. */
@Repository
class ContactAttempts {

    /** The attempts of one channel: how many, how many reached the person, and the sums of their record keys. */
    record ByChannel(String channel, long attempts, long attemptKeys, long reached, long reachedKeys) {}

    private final JdbcClient jdbc;

    ContactAttempts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps each attempt once, however often its event comes: a batch in one statement. */
    void record(Collection<ContactAttemptLogged> attempts) {
        if (attempts.isEmpty()) {
            return;
        }
        List<ContactAttemptLogged> rows = List.copyOf(attempts);
        jdbc.sql("""
                INSERT INTO statistics_contact_attempt (attempt_id, referral_id, channel, reached)
                SELECT * FROM unnest(CAST(:attempts AS uuid[]), CAST(:referrals AS uuid[]), CAST(:channels AS text[]),
                    CAST(:reached AS boolean[]))
                ON CONFLICT (attempt_id) DO NOTHING
                """)
                .param(
                        "attempts",
                        rows.stream().map(row -> row.attemptId().toString()).toArray(String[]::new))
                .param(
                        "referrals",
                        rows.stream().map(row -> row.referralId().toString()).toArray(String[]::new))
                .param(
                        "channels",
                        rows.stream().map(ContactAttemptLogged::channel).toArray(String[]::new))
                .param(
                        "reached",
                        rows.stream().map(row -> String.valueOf(row.reached())).toArray(String[]::new))
                .update();
    }

    /**
     * The attempts on the referrals submitted within the query's range (Brussels months), in its care zone if it names
     * one, by channel. The record key of an attempt is its referral's, as for the other counts.
     */
    List<ByChannel> byChannel(StatisticsQuery query) {
        return jdbc.sql("""
                SELECT a.channel, count(*) AS attempts, sum(get_byte(uuid_send(a.referral_id), 15)) AS attempt_keys,
                    count(*) FILTER (WHERE a.reached) AS reached,
                    coalesce(sum(get_byte(uuid_send(a.referral_id), 15)) FILTER (WHERE a.reached), 0) AS reached_keys
                FROM statistics_contact_attempt a JOIN statistics_referral s USING (referral_id)
                WHERE s.submitted_at >= :from AND s.submitted_at < :until AND NOT s.logged
                  AND (CAST(:zone AS text) IS NULL OR s.care_zone_code = :zone)
                GROUP BY a.channel
                """)
                .param("from", Timestamp.from(query.start()))
                .param("until", Timestamp.from(query.end()))
                .param("zone", query.filter(StatisticsQuery.Dimension.CARE_ZONE).orElse(null))
                .query((row, number) -> new ByChannel(
                        row.getString("channel"),
                        row.getLong("attempts"),
                        row.getLong("attempt_keys"),
                        row.getLong("reached"),
                        row.getLong("reached_keys")))
                .list();
    }
}
