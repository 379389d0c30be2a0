package be.bruzel.directoryservice.publication;

import be.bruzel.platform.events.DirectoryEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts the whole directory on its compacted topics through the outbox: once on first start, so
 * that consumers can build their copy from the topics alone, and again when an administrator asks.
 */
@Service
class DirectorySnapshot {

    private static final Logger log = LoggerFactory.getLogger(DirectorySnapshot.class);

    private final List<CurrentState> parts;
    private final Snapshots snapshots;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DirectorySnapshot(List<CurrentState> parts, Snapshots snapshots, ApplicationEventPublisher events, Clock clock) {
        this.parts = parts;
        this.snapshots = snapshots;
        this.events = events;
        this.clock = clock;
    }

    /** @return the number of events published, 0 when a snapshot was published before */
    @Transactional
    int publishIfNeverPublished() {
        snapshots.takeTurn();
        if (snapshots.anyPublished()) {
            return 0;
        }
        return publish("directory-service");
    }

    @Transactional
    int publish(String actorId) {
        Instant now = clock.instant();
        List<? extends DirectoryEvent> state =
                parts.stream().flatMap(part -> part.currentState(now).stream()).toList();
        state.forEach(events::publishEvent);
        snapshots.published(now, actorId, state.size());
        log.info("Published the directory's current state: {} events", state.size());
        return state.size();
    }
}
