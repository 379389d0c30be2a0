package be.bruzel.notificationservice.subscription;

import java.net.URI;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The subscriptions ({@code fhir_subscription}) and the notifications owed to them ({@code fhir_notification}). */
@Repository
class RestHooks {

    /** A notification owed for one event on a subscription's Task. */
    record Owed(UUID subscriptionId, UUID eventId, UUID taskId, Instant occurredAt) {}

    /** A notification due now, with where it goes. */
    record Due(UUID id, RestHook subscription, UUID taskId, long eventNumber, Instant occurredAt, int attempts) {}

    private final JdbcClient jdbc;

    RestHooks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(RestHook hook) {
        jdbc.sql("""
                INSERT INTO fhir_subscription (id, owner_id, reason, endpoint, headers, payload, status, created_at)
                VALUES (:id, :owner, :reason, :endpoint, :headers, :payload, :status, :createdAt)
                """)
                .param("id", hook.id())
                .param("owner", hook.ownerId())
                .param("reason", hook.reason())
                .param("endpoint", hook.endpoint().toString())
                .param("headers", hook.headers().toArray(String[]::new))
                .param("payload", hook.payload())
                .param("status", hook.status().name())
                .param("createdAt", Timestamp.from(hook.createdAt()))
                .update();
    }

    Optional<RestHook> find(UUID id) {
        return jdbc.sql("SELECT * FROM fhir_subscription WHERE id = :id")
                .param("id", id)
                .query(RestHooks::hook)
                .optional();
    }

    /** The owner's subscriptions not deleted, the newest first. */
    List<RestHook> ofOwner(String ownerId, Optional<RestHook.Status> status) {
        return jdbc.sql("""
                SELECT * FROM fhir_subscription
                WHERE owner_id = :owner AND status <> 'OFF' AND (CAST(:status AS text) IS NULL OR status = :status)
                ORDER BY created_at DESC, id
                """)
                .param("owner", ownerId)
                .param("status", status.map(Enum::name).orElse(null))
                .query(RestHooks::hook)
                .list();
    }

    long countOfOwner(String ownerId) {
        return jdbc.sql("SELECT count(*) FROM fhir_subscription WHERE owner_id = :owner AND status <> 'OFF'")
                .param("owner", ownerId)
                .query(Long.class)
                .single();
    }

    /** Deleted: nothing more is owed to it, and what was owed and not yet delivered is not. */
    void turnOff(UUID id) {
        jdbc.sql("UPDATE fhir_subscription SET status = 'OFF' WHERE id = :id")
                .param("id", id)
                .update();
    }

    /** The subscriptions, not deleted, of these referrers: each hears of their own Tasks. */
    List<RestHook> listeningTo(Collection<String> ownerIds) {
        return jdbc.sql("SELECT * FROM fhir_subscription WHERE owner_id = ANY (:owners) AND status <> 'OFF'")
                .param("owners", ownerIds.toArray(String[]::new))
                .query(RestHooks::hook)
                .list();
    }

    /**
     * Owes each notification once, numbered in the order its subscription was owed them; an event already owed
     * (a redelivery) is not owed again and takes no number.
     */
    void oweAll(List<Owed> owed, Instant now) {
        for (Owed one : owed) {
            long number = jdbc.sql("""
                    UPDATE fhir_subscription SET events_since_start = events_since_start + 1
                    WHERE id = :id RETURNING events_since_start
                    """)
                    .param("id", one.subscriptionId())
                    .query(Long.class)
                    .single();
            int inserted = jdbc.sql("""
                    INSERT INTO fhir_notification (id, subscription_id, event_id, task_id, event_number, occurred_at,
                                                   status, next_attempt_at)
                    VALUES (:id, :subscription, :event, :task, :number, :occurredAt, 'PENDING', :now)
                    ON CONFLICT (subscription_id, event_id) DO NOTHING
                    """)
                    .param("id", UUID.randomUUID())
                    .param("subscription", one.subscriptionId())
                    .param("event", one.eventId())
                    .param("task", one.taskId())
                    .param("number", number)
                    .param("occurredAt", Timestamp.from(one.occurredAt()))
                    .param("now", Timestamp.from(now))
                    .update();
            if (inserted == 0) {
                jdbc.sql("UPDATE fhir_subscription SET events_since_start = events_since_start - 1 WHERE id = :id")
                        .param("id", one.subscriptionId())
                        .update();
            }
        }
    }

    /** Claims the notifications due, of subscriptions not deleted; another instance skips them. */
    List<Due> claimDue(Instant now, int batch) {
        return jdbc.sql("""
                SELECT n.id AS notification_id, n.task_id, n.event_number, n.occurred_at, n.attempts, s.*
                FROM fhir_notification n JOIN fhir_subscription s ON s.id = n.subscription_id
                WHERE n.status IN ('PENDING', 'FAILED') AND n.next_attempt_at <= :now AND s.status <> 'OFF'
                ORDER BY n.next_attempt_at, n.event_number
                LIMIT :batch FOR UPDATE OF n SKIP LOCKED
                """)
                .param("now", Timestamp.from(now))
                .param("batch", batch)
                .query((row, number) -> new Due(
                        row.getObject("notification_id", UUID.class),
                        hook(row, number),
                        row.getObject("task_id", UUID.class),
                        row.getLong("event_number"),
                        row.getTimestamp("occurred_at").toInstant(),
                        row.getInt("attempts")))
                .list();
    }

    /** Delivered: and its subscription, whatever failed before, is active again. */
    void sent(Due due, Instant at) {
        jdbc.sql("UPDATE fhir_notification SET status = 'SENT', sent_at = :at, last_error = NULL WHERE id = :id")
                .param("at", Timestamp.from(at))
                .param("id", due.id())
                .update();
        jdbc.sql("UPDATE fhir_subscription SET status = 'ACTIVE', error = NULL WHERE id = :id AND status = 'ERROR'")
                .param("id", due.subscription().id())
                .update();
    }

    /** Not delivered: tried again then; after a round of attempts its subscription says why, in error. */
    void failed(Due due, int attempts, boolean roundOver, Instant next, String error) {
        jdbc.sql("""
                UPDATE fhir_notification SET status = :status, attempts = :attempts, next_attempt_at = :next,
                    last_error = :error
                WHERE id = :id
                """)
                .param("status", roundOver ? "FAILED" : "PENDING")
                .param("attempts", attempts)
                .param("next", Timestamp.from(next))
                .param("error", error)
                .param("id", due.id())
                .update();
        if (roundOver) {
            jdbc.sql("UPDATE fhir_subscription SET status = 'ERROR', error = :error WHERE id = :id AND status <> 'OFF'")
                    .param("error", error)
                    .param("id", due.subscription().id())
                    .update();
        }
    }

    private static RestHook hook(ResultSet row, int number) throws SQLException {
        Array headers = row.getArray("headers");
        return new RestHook(
                row.getObject("id", UUID.class),
                row.getString("owner_id"),
                row.getString("reason"),
                URI.create(row.getString("endpoint")),
                List.of((String[]) headers.getArray()),
                row.getString("payload"),
                RestHook.Status.valueOf(row.getString("status")),
                row.getString("error"),
                row.getLong("events_since_start"),
                row.getTimestamp("created_at").toInstant());
    }
}
