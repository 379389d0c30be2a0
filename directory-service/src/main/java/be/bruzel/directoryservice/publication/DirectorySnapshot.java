package be.bruzel.directoryservice.publication;

import be.bruzel.platform.events.DirectoryEvent;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts the whole directory on its compacted topics through the outbox: once on first start, so
 * that consumers can build their copy from the topics alone, and again when an administrator asks.
 */
@Service
class DirectorySnapshot {

    private static final Logger log = LoggerFactory.getLogger(DirectorySnapshot.class);

    /** Serialises snapshots of several instances starting at once. */
    private static final long LOCK = 0x6469726563746f72L;

    private final List<CurrentState> parts;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DirectorySnapshot(List<CurrentState> parts, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.parts = parts;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** @return the number of events published, 0 when a snapshot was published before */
    @Transactional
    int publishIfNeverPublished() {
        jdbc.sql("SELECT pg_advisory_xact_lock(:lock)").param("lock", LOCK).query().singleRow();
        if (jdbc.sql("SELECT count(*) FROM directory_snapshot").query(Long.class).single() > 0) {
            return 0;
        }
        return publish("directory-service");
    }

    @Transactional
    int publish(String actorId) {
        Instant now = clock.instant();
        List<? extends DirectoryEvent> state = parts.stream().flatMap(part -> part.currentState(now).stream()).toList();
        state.forEach(events::publishEvent);
        jdbc.sql("INSERT INTO directory_snapshot (published_at, actor_id, events) VALUES (:at, :actor, :events)")
                .param("at", Timestamp.from(now)).param("actor", actorId).param("events", state.size()).update();
        log.info("Published the directory's current state: {} events", state.size());
        return state.size();
    }
}
