package be.bruzel.notificationservice.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The notifications, in plain SQL. */
@Repository
class Notifications {

    private final JdbcClient jdbc;

    Notifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(Notification notification) {
        jdbc.sql("""
                INSERT INTO notification (id, recipient_id, type, referral_id, event_id, created_at)
                VALUES (:id, :recipient, :type, :referral, :event, :createdAt)
                """)
                .param("id", notification.id())
                .param("recipient", notification.recipientId())
                .param("type", notification.type().name())
                .param("referral", notification.referralId())
                .param("event", notification.eventId())
                .param("createdAt", Timestamp.from(notification.createdAt()))
                .update();
    }

    List<Notification> of(String recipientId, int page, int size) {
        return jdbc.sql("""
                SELECT * FROM notification WHERE recipient_id = :recipient
                ORDER BY created_at DESC, id LIMIT :size OFFSET :offset
                """)
                .param("recipient", recipientId)
                .param("size", size)
                .param("offset", (long) page * size)
                .query(Notifications::map)
                .list();
    }

    Counts countsOf(String recipientId) {
        return jdbc.sql("""
                SELECT count(*) AS total, count(*) FILTER (WHERE read_at IS NULL) AS unread
                FROM notification WHERE recipient_id = :recipient
                """)
                .param("recipient", recipientId)
                .query((row, n) -> new Counts(row.getLong("total"), row.getLong("unread")))
                .single();
    }

    record Counts(long total, long unread) {
    }

    private static Notification map(ResultSet row, int rowNumber) throws SQLException {
        Timestamp readAt = row.getTimestamp("read_at");
        return new Notification(
                row.getObject("id", UUID.class),
                row.getString("recipient_id"),
                Notification.Type.valueOf(row.getString("type")),
                row.getObject("referral_id", UUID.class),
                row.getObject("event_id", UUID.class),
                row.getTimestamp("created_at").toInstant(),
                readAt == null ? null : readAt.toInstant());
    }
}
