package be.bruzel.platform.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An area of the territory (a municipality, or a district of one) with its postcodes and the
 * whole history of its care zones, so a consumer can place a referral as the territory was on its day.
 *
 * @param municipalityNameNl the municipality's own name, which a district's name is not (added in v1; absent before)
 */
@EventType("directory.area-changed.v1")
public record AreaChanged(
        UUID eventId,
        Instant occurredAt,
        String areaId,
        String municipalityNis,
        String firstLineZoneCode,
        String nameNl,
        String nameFr,
        List<String> postcodes,
        List<ZonePeriod> careZones,
        String municipalityNameNl,
        String municipalityNameFr)
        implements DirectoryEvent {

    /** @param validTo exclusive; {@code null} while current */
    public record ZonePeriod(String careZoneCode, LocalDate validFrom, LocalDate validTo) {}

    public AreaChanged {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(areaId, "areaId");
        postcodes = List.copyOf(postcodes);
        careZones = List.copyOf(careZones);
    }

    @Override
    public String subject() {
        return "area:" + areaId;
    }
}
