package be.bruzel.referralservice.feedback;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The messages of the feedback threads, in {@code feedback_message}. */
@Repository
class FeedbackMessages {

    private final JdbcClient jdbc;

    FeedbackMessages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param organisation only what was said with that organisation; all when none
     * @param limit none for all
     */
    List<FeedbackMessage> of(UUID referralId, Optional<String> organisation, Integer limit, long offset) {
        return jdbc.sql("""
                SELECT id, author_id, author_name, author_role, body, posted_at FROM feedback_message
                WHERE referral_id = :referral AND (CAST(:organisation AS text) IS NULL OR organisation_id = :organisation)
                ORDER BY posted_at, id LIMIT :limit OFFSET :offset
                """)
                .param("referral", referralId)
                .param("organisation", organisation.orElse(null))
                .param("limit", limit)
                .param("offset", offset)
                .query(FeedbackMessages::message)
                .list();
    }

    /** A message with where it was said: its referral and the receiving organisation it was said with. */
    record Placed(UUID referralId, String organisationId, FeedbackMessage message) {}

    Optional<Placed> find(UUID id) {
        return jdbc.sql("""
                SELECT id, referral_id, organisation_id, author_id, author_name, author_role, body, posted_at
                FROM feedback_message WHERE id = :id
                """)
                .param("id", id)
                .query((row, number) -> new Placed(
                        row.getObject("referral_id", UUID.class),
                        row.getString("organisation_id"),
                        message(row, number)))
                .optional();
    }

    long count(UUID referralId, Optional<String> organisation) {
        return jdbc.sql("""
                SELECT count(*) FROM feedback_message
                WHERE referral_id = :referral AND (CAST(:organisation AS text) IS NULL OR organisation_id = :organisation)
                """)
                .param("referral", referralId)
                .param("organisation", organisation.orElse(null))
                .query(Long.class)
                .single();
    }

    /** @param organisationId the receiving organisation the message was said with */
    void add(UUID referralId, FeedbackMessage message, String organisationId) {
        jdbc.sql("""
                INSERT INTO feedback_message (id, referral_id, author_id, author_name, author_role, body, posted_at,
                                              organisation_id)
                VALUES (:id, :referral, :author, :name, :role, :body, :at, :organisation)
                """)
                .param("organisation", organisationId)
                .param("id", message.id())
                .param("referral", referralId)
                .param("author", message.authorId())
                .param("name", message.authorName())
                .param("role", message.authorRole())
                .param("body", message.body())
                .param("at", Timestamp.from(message.postedAt()))
                .update();
    }

    /** The messages stay as who wrote when, without what they said. */
    void eraseBodies(UUID referralId) {
        jdbc.sql("UPDATE feedback_message SET body = NULL WHERE referral_id = :referral AND body IS NOT NULL")
                .param("referral", referralId)
                .update();
    }

    private static FeedbackMessage message(ResultSet row, int rowNumber) throws SQLException {
        return new FeedbackMessage(
                row.getObject("id", UUID.class),
                row.getString("author_id"),
                row.getString("author_name"),
                row.getString("author_role"),
                row.getString("body"),
                row.getTimestamp("posted_at").toInstant());
    }
}
