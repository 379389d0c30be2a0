package be.bruzel.notificationservice.email;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Where each user is reached and in which language, as their own token says whenever they look at
 * their notifications. The identity provider stays the source: a changed address or language is
 * taken over on the next look. A language the user chose in the web application wins over the token's.
 */
@Repository
public class UserContacts {

    private static final Set<String> LANGUAGES = Set.of("nl", "fr", "en");

    /** A user's address (if the token had one) and language. */
    record Contact(Optional<String> email, String language) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    UserContacts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Writes only when something changed, so looking costs no write. */
    public void remember(String userId, Optional<String> email, Optional<String> language) {
        jdbc.sql("""
                INSERT INTO user_contact (user_id, email, language, updated_at) VALUES (:user, :email, :language, :now)
                ON CONFLICT (user_id) DO UPDATE SET email = EXCLUDED.email, language = EXCLUDED.language,
                    updated_at = EXCLUDED.updated_at
                WHERE user_contact.email IS DISTINCT FROM EXCLUDED.email
                   OR user_contact.language IS DISTINCT FROM EXCLUDED.language
                """)
                .param("user", userId)
                .param("email", email.filter(address -> address.contains("@")).orElse(null))
                .param(
                        "language",
                        language.map(code -> code.toLowerCase(Locale.ROOT).substring(0, 2))
                                .filter(LANGUAGES::contains)
                                .orElse("nl"))
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    /**
     * What a user chose in the web application.
     *
     * @param language their language, or none: then their token's counts
     * @param directoryLanguage the language of the social map's names for an English reader (nl or fr), or none
     */
    public record Choices(Optional<String> language, Optional<String> directoryLanguage) {}

    public Choices choicesOf(String userId) {
        return jdbc.sql("SELECT chosen_language, directory_language FROM user_contact WHERE user_id = :user")
                .param("user", userId)
                .query((row, n) -> new Choices(
                        Optional.ofNullable(row.getString("chosen_language")),
                        Optional.ofNullable(row.getString("directory_language"))))
                .optional()
                .orElse(new Choices(Optional.empty(), Optional.empty()));
    }

    /**
     * Keeps what the user chose; what they left out stays as it was. A user who has never looked at
     * their notifications gets a row with their token's address and language first.
     */
    public void choose(String userId, Optional<String> email, Optional<String> tokenLanguage, Choices chosen) {
        remember(userId, email, tokenLanguage);
        jdbc.sql("""
                UPDATE user_contact SET chosen_language = COALESCE(:language, chosen_language),
                    directory_language = COALESCE(:directoryLanguage, directory_language), updated_at = :now
                WHERE user_id = :user
                """)
                .param("user", userId)
                .param("language", chosen.language().orElse(null))
                .param("directoryLanguage", chosen.directoryLanguage().orElse(null))
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    /**
     * Which organisation the user acts for and whether they keep its listing, as their token says; written only when
     * it changed.
     */
    public void rememberOrganisation(String userId, Optional<String> organisationId, boolean coordinator) {
        jdbc.sql("""
                UPDATE user_contact SET organisation_id = :organisation, coordinator = :coordinator
                WHERE user_id = :user
                  AND (organisation_id IS DISTINCT FROM :organisation OR coordinator IS DISTINCT FROM :coordinator)
                """)
                .param("user", userId)
                .param("organisation", organisationId.orElse(null))
                .param("coordinator", coordinator)
                .update();
    }

    /** The coordinators of an organisation known here (they looked at their notifications at least once). */
    public List<String> coordinatorsOf(String organisationId) {
        return jdbc.sql("""
                SELECT user_id FROM user_contact WHERE organisation_id = :organisation AND coordinator
                ORDER BY user_id
                """)
                .param("organisation", organisationId)
                .query(String.class)
                .list();
    }

    /** The contacts of those users that have an address. */
    Map<String, Contact> of(Set<String> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql("SELECT user_id, email, coalesce(chosen_language, language) AS language FROM user_contact"
                        + " WHERE user_id = ANY (:users) AND email IS NOT NULL")
                .param("users", userIds.toArray(String[]::new))
                .query((row, n) -> Map.entry(
                        row.getString("user_id"),
                        new Contact(Optional.of(row.getString("email")), row.getString("language"))))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
