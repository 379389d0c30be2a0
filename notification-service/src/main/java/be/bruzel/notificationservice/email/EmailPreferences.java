package be.bruzel.notificationservice.email;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
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
        return jdbc
                .sql("SELECT notification_type, delivery FROM email_preference WHERE user_id = :user")
                .param("user", userId)
                .query((row, n) ->
                        Map.entry(row.getString("notification_type"), Delivery.valueOf(row.getString("delivery"))))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Transactional
    public void choose(String userId, Map<String, Delivery> choices) {
        choices.forEach((type, delivery) -> jdbc.sql("""
                INSERT INTO email_preference (user_id, notification_type, delivery) VALUES (:user, :type, :delivery)
                ON CONFLICT (user_id, notification_type) DO UPDATE SET delivery = EXCLUDED.delivery
                """)
                .param("user", userId)
                .param("type", type)
                .param("delivery", delivery.name())
                .update());
    }

    /** The choices of many users at once: by user, by notification type. */
    Map<String, Map<String, Delivery>> of(Set<String> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        Map<String, Map<String, Delivery>> byUser = new HashMap<>();
        jdbc.sql("SELECT user_id, notification_type, delivery FROM email_preference WHERE user_id = ANY (:users)")
                .param("users", userIds.toArray(String[]::new))
                .query(row -> {
                    byUser.computeIfAbsent(row.getString("user_id"), user -> new HashMap<>())
                            .put(row.getString("notification_type"), Delivery.valueOf(row.getString("delivery")));
                });
        return byUser;
    }
}
