package be.bruzel.platform.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A theme of the taxonomy as it now is; a deactivated theme takes no new referrals. */
@EventType("directory.theme-changed.v1")
public record ThemeChanged(
        UUID eventId, Instant occurredAt, String themeCode, String nameNl, String nameFr, String nameEn, boolean active)
        implements DirectoryEvent {

    public ThemeChanged {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(themeCode, "themeCode");
    }

    @Override
    public String subject() {
        return themeCode;
    }
}
