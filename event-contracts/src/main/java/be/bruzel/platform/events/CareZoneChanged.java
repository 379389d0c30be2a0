package be.bruzel.platform.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A care zone and its helpdesk, the fallback for a referral that no service can take. */
@EventType("directory.care-zone-changed.v1")
public record CareZoneChanged(
        UUID eventId,
        Instant occurredAt,
        String careZoneCode,
        String firstLineZoneCode,
        String nameNl,
        String nameFr,
        String helpdeskEmail,
        String helpdeskPhone)
        implements DirectoryEvent {

    public CareZoneChanged {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(careZoneCode, "careZoneCode");
    }

    @Override
    public String subject() {
        return "care-zone:" + careZoneCode;
    }
}
