package be.bruzel.notificationservice.email;

import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** How each user wants each kind of notification by e-mail. Without a choice: at once. */
@Repository
public class EmailPreferences {

    public enum Delivery {
        IMMEDIATELY,
        DAILY_DIGEST,
        NEVER
    }

    private final JdbcClient jdbc;

    EmailPreferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The user's choices by notification type; types not in it are sent at once. */
    public Map<String, Delivery> of(String userId) {
        return jdbc.sql("SELECT notification_type, delivery FROM email_preference WHERE user_id = :user")
                .param("user", userId)
                .query((row, n) -> Map.entry(row.getString("notification_type"),
                        Delivery.valueOf(row.getString("delivery"))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Transactional
    public void choose(String userId, Map<String, Delivery> choices) {
        choices.forEach((type, delivery) -> jdbc.sql("""
                INSERT INTO email_preference (user_id, notification_type, delivery) VALUES (:user, :type, :delivery)
                ON CONFLICT (user_id, notification_type) DO UPDATE SET delivery = EXCLUDED.delivery
                """)
                .param("user", userId).param("type", type).param("delivery", delivery.name())
                .update());
    }

    Delivery of(String userId, String notificationType) {
        return jdbc.sql("""
                SELECT delivery FROM email_preference WHERE user_id = :user AND notification_type = :type
                """)
                .param("user", userId).param("type", notificationType)
                .query(String.class).optional().map(Delivery::valueOf).orElse(Delivery.IMMEDIATELY);
    }
}
