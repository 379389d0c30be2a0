package be.bruzel.platform.support.inbox;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The idempotent consumer's memory: one {@code processed_event(consumer, event_id)} row per
 * event handled, written in the transaction of the effect. A redelivered event finds its row
 * and has no second effect; if the effect rolls back, so does the row.
 */
public class ProcessedEvents {

    private final JdbcClient jdbc;

    public ProcessedEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True the first time this consumer sees the event; must run inside the effect's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean firstDelivery(String consumer, UUID eventId) {
        return jdbc.sql("""
                INSERT INTO processed_event (consumer, event_id) VALUES (:consumer, :eventId)
                ON CONFLICT DO NOTHING
                """)
                        .param("consumer", consumer)
                        .param("eventId", eventId)
                        .update()
                == 1;
    }

    /**
     * The events of a batch this consumer sees for the first time, in one statement inside the
     * effect's transaction. Identifiers travel as text: the driver binds text arrays natively.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Set<UUID> firstDeliveries(String consumer, Collection<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("""
                INSERT INTO processed_event (consumer, event_id)
                SELECT :consumer, event_id FROM unnest(CAST(:eventIds AS uuid[])) AS event_id
                ON CONFLICT DO NOTHING
                RETURNING event_id
                """)
                .param("consumer", consumer)
                .param("eventIds", eventIds.stream().map(UUID::toString).toArray(String[]::new))
                .query(UUID.class)
                .list());
    }
}
