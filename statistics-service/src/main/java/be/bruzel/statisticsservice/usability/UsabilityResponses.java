package be.bruzel.statisticsservice.usability;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The usability survey's answers and refusals, by the user's pseudonym, in plain SQL. */
@Repository
class UsabilityResponses {

    private final JdbcClient jdbc;

    UsabilityResponses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** When the user last answered or declined; none if never. */
    Optional<Instant> lastResponse(String userKey) {
        return jdbc.sql("SELECT max(responded_at) FROM usability_response WHERE user_key = :user")
                .param("user", userKey)
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant);
    }

    /** @param score none when the user declined */
    void add(String userKey, String role, Instant at, SusScore score) {
        jdbc.sql("""
                INSERT INTO usability_response (user_key, role, responded_at, answers, score)
                VALUES (:user, :role, :at, CAST(:answers AS smallint[]), :score)
                """)
                .param("user", userKey)
                .param("role", role)
                .param("at", Timestamp.from(at))
                .param(
                        "answers",
                        score == null
                                ? null
                                : score.answers().stream().map(String::valueOf).toArray(String[]::new))
                .param("score", score == null ? null : score.value())
                .update();
    }

    /** The answers given from {@code from} until before {@code to}: how many, and their average score. */
    Usability.Summary between(Instant from, Instant to) {
        return jdbc.sql("""
                SELECT count(*) AS answers, avg(score) AS average FROM usability_response
                WHERE score IS NOT NULL AND responded_at >= :from AND responded_at < :to
                """)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((row, number) -> new Usability.Summary(
                        row.getInt("answers"), row.getObject("average", java.math.BigDecimal.class)))
                .single();
    }
}
