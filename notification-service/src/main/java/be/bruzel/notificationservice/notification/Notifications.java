package be.bruzel.notificationservice.notification;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The notifications, in plain SQL. A reader sees their own and their organisation's, read or not by them. */
@Repository
class Notifications {

    private static final String MINE = """
            ((n.audience = 'USER' AND n.recipient_id = :user)
             OR (n.audience = 'ORGANISATION' AND n.recipient_id = :organisation))""";

    private final JdbcClient jdbc;

    Notifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores those this event had not told this audience yet (else a redelivery); returns those stored. */
    List<Notification> addAll(List<Notification> notifications) {
        if (notifications.isEmpty()) {
            return List.of();
        }
        Set<UUID> stored = Set.copyOf(jdbc.sql("""
                INSERT INTO notification (id, audience, recipient_id, type, referral_id, event_id, created_at)
                SELECT * FROM unnest(CAST(:ids AS uuid[]), CAST(:audiences AS text[]), CAST(:recipients AS text[]),
                                     CAST(:types AS text[]), CAST(:referrals AS uuid[]), CAST(:events AS uuid[]),
                                     CAST(:createdAt AS timestamptz[]))
                ON CONFLICT DO NOTHING
                RETURNING id
                """)
                .param("ids", column(notifications, one -> one.id().toString()))
                .param(
                        "audiences",
                        column(notifications, one -> one.audience().kind().name()))
                .param("recipients", column(notifications, one -> one.audience().id()))
                .param("types", column(notifications, one -> one.type().name()))
                .param(
                        "referrals",
                        column(notifications, one -> one.referralId().toString()))
                .param("events", column(notifications, one -> one.eventId().toString()))
                .param("createdAt", column(notifications, one -> one.createdAt().toString()))
                .query(UUID.class)
                .list());
        return notifications.stream().filter(one -> stored.contains(one.id())).toList();
    }

    /** One column of rows as text, cast in SQL: the driver binds text arrays natively. */
    private static String[] column(List<Notification> rows, Function<Notification, String> value) {
        return rows.stream().map(value).toArray(String[]::new);
    }

    List<Notification> of(Reader reader, int page, int size) {
        return jdbc.sql("""
                SELECT n.*, r.read_at FROM notification n
                LEFT JOIN notification_read r ON r.notification_id = n.id AND r.user_id = :user
                WHERE %s
                ORDER BY n.created_at DESC, n.id LIMIT :size OFFSET :offset
                """.formatted(MINE))
                .param("user", reader.userId())
                .param("organisation", reader.organisationId().orElse(null))
                .param("size", size)
                .param("offset", (long) page * size)
                .query(Notifications::map)
                .list();
    }

    Counts countsOf(Reader reader) {
        return jdbc.sql("""
                SELECT count(*) AS total, count(*) FILTER (WHERE r.read_at IS NULL) AS unread
                FROM notification n
                LEFT JOIN notification_read r ON r.notification_id = n.id AND r.user_id = :user
                WHERE %s
                """.formatted(MINE))
                .param("user", reader.userId())
                .param("organisation", reader.organisationId().orElse(null))
                .query((row, n) -> new Counts(row.getLong("total"), row.getLong("unread")))
                .single();
    }

    /**
     * A page of the referrals my notifications are about, the one with the newest first, each with
     * its themes, its unread count and its newest notifications.
     */
    List<ReferralNotifications> byReferral(Reader reader, int page, int size) {
        List<ReferralNotifications> groups = jdbc.sql("""
                SELECT n.referral_id, max(n.created_at) AS latest, count(*) AS notifications,
                       count(*) FILTER (WHERE r.read_at IS NULL) AS unread, p.theme_codes
                FROM notification n
                LEFT JOIN notification_read r ON r.notification_id = n.id AND r.user_id = :user
                LEFT JOIN referral_party p ON p.referral_id = n.referral_id
                WHERE %s
                GROUP BY n.referral_id, p.theme_codes
                ORDER BY latest DESC, n.referral_id LIMIT :size OFFSET :offset
                """.formatted(MINE))
                .param("user", reader.userId())
                .param("organisation", reader.organisationId().orElse(null))
                .param("size", size)
                .param("offset", (long) page * size)
                .query((row, n) -> {
                    Array themes = row.getArray("theme_codes");
                    return ReferralNotifications.of(
                            row.getObject("referral_id", UUID.class),
                            themes == null ? List.of() : List.of((String[]) themes.getArray()),
                            row.getTimestamp("latest").toInstant(),
                            row.getLong("notifications"),
                            row.getLong("unread"));
                })
                .list();
        if (groups.isEmpty()) {
            return groups;
        }
        Map<UUID, List<Notification>> newest = jdbc
                .sql("""
                SELECT * FROM (
                    SELECT n.*, r.read_at,
                           row_number() OVER (PARTITION BY n.referral_id ORDER BY n.created_at DESC, n.id) AS position
                    FROM notification n
                    LEFT JOIN notification_read r ON r.notification_id = n.id AND r.user_id = :user
                    WHERE %s AND n.referral_id = ANY (CAST(:referrals AS uuid[]))) AS mine
                WHERE position <= :perReferral
                ORDER BY created_at DESC, id
                """.formatted(MINE))
                .param("user", reader.userId())
                .param("organisation", reader.organisationId().orElse(null))
                .param(
                        "referrals",
                        groups.stream()
                                .map(group -> group.referralId().toString())
                                .toArray(String[]::new))
                .param("perReferral", ReferralNotifications.NEWEST)
                .query(Notifications::map)
                .list()
                .stream()
                .collect(Collectors.groupingBy(Notification::referralId));
        return groups.stream()
                .map(group -> group.with(newest.getOrDefault(group.referralId(), List.of())))
                .toList();
    }

    /**
     * How many referrals my notifications are about and how many I have not read, in one read; apart from
     * {@link #countsOf}, which every screen asks for and which need not count referrals.
     */
    Counts referralCountsOf(Reader reader) {
        return jdbc.sql("""
                SELECT count(DISTINCT n.referral_id) AS total, count(*) FILTER (WHERE r.read_at IS NULL) AS unread
                FROM notification n
                LEFT JOIN notification_read r ON r.notification_id = n.id AND r.user_id = :user
                WHERE %s
                """.formatted(MINE))
                .param("user", reader.userId())
                .param("organisation", reader.organisationId().orElse(null))
                .query((row, n) -> new Counts(row.getLong("total"), row.getLong("unread")))
                .single();
    }

    /** Marks every one of mine about this referral read: I opened it. */
    int markReferralRead(Reader reader, UUID referralId, Instant now) {
        return markRead(reader, "AND n.referral_id = :id", referralId, now);
    }

    /** Marks one read for this reader; false when it is not theirs to read. */
    boolean markRead(Reader reader, UUID notificationId, Instant now) {
        return markRead(reader, "AND n.id = :id", notificationId, now) == 1
                || !jdbc.sql("SELECT n.id FROM notification n WHERE n.id = :notification AND " + MINE)
                        .param("notification", notificationId)
                        .param("user", reader.userId())
                        .param("organisation", reader.organisationId().orElse(null))
                        .query(UUID.class)
                        .list()
                        .isEmpty();
    }

    int markAllRead(Reader reader, Instant now) {
        return markRead(reader, "", null, now);
    }

    /** @param which a condition on {@code n} with {@code :id}, or none for all of mine */
    private int markRead(Reader reader, String which, UUID id, Instant now) {
        return jdbc.sql("""
                INSERT INTO notification_read (notification_id, user_id, read_at)
                SELECT n.id, :user, :now FROM notification n WHERE %s %s
                ON CONFLICT DO NOTHING
                """.formatted(MINE, which))
                .param("user", reader.userId())
                .param("organisation", reader.organisationId().orElse(null))
                .param("id", id)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Who reads: a user, and the organisation they act for if any. */
    record Reader(String userId, Optional<String> organisationId) {}

    record Counts(long total, long unread) {}

    private static Notification map(ResultSet row, int rowNumber) throws SQLException {
        Timestamp readAt = row.getTimestamp("read_at");
        return new Notification(
                row.getObject("id", UUID.class),
                new Audience(Audience.Kind.valueOf(row.getString("audience")), row.getString("recipient_id")),
                Notification.Type.valueOf(row.getString("type")),
                row.getObject("referral_id", UUID.class),
                row.getObject("event_id", UUID.class),
                row.getTimestamp("created_at").toInstant(),
                readAt == null ? null : readAt.toInstant());
    }
}
