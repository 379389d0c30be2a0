package be.bruzel.directoryservice.publication;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** When the directory's whole current state was published, by whom, in how many events. */
@Repository
class Snapshots {

    /** Serialises snapshots of several instances starting at once. */
    private static final long LOCK = 0x6469726563746f72L;

    private final JdbcClient jdbc;

    Snapshots(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Waits for another instance's snapshot; the turn lasts until the transaction ends. */
    @Transactional(propagation = Propagation.MANDATORY)
    void takeTurn() {
        jdbc.sql("SELECT pg_advisory_xact_lock(:lock)")
                .param("lock", LOCK)
                .query()
                .singleRow();
    }

    boolean anyPublished() {
        return jdbc.sql("SELECT count(*) FROM directory_snapshot")
                        .query(Long.class)
                        .single()
                > 0;
    }

    void published(Instant at, String actorId, int events) {
        jdbc.sql("INSERT INTO directory_snapshot (published_at, actor_id, events) VALUES (:at, :actor, :events)")
                .param("at", Timestamp.from(at))
                .param("actor", actorId)
                .param("events", events)
                .update();
    }
}
