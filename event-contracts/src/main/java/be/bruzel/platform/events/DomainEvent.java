package be.bruzel.platform.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Something that happened in one aggregate. Carries identifiers and codes only, never a
 * person's name, contact or story: Kafka retention must not defeat erasure under the GDPR.
 */
public interface DomainEvent {

    /** Unique per event; consumers deduplicate on it. */
    UUID eventId();

    Instant occurredAt();

    /** The aggregate the event is about; also the Kafka record key. */
    String subject();
}
