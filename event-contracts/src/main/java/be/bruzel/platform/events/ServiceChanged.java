package be.bruzel.platform.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A support organisation's service as it now is: what routing needs to choose it. The intake
 * address is the organisation's mailbox, not a person's.
 *
 * @param capacity {@code OPEN}, {@code FULL} (until {@code fullUntil}, or until further notice) or {@code PAUSED}
 * @param serviceAreas where it takes referrals from, e.g. {@code MUNICIPALITY:21010}, {@code CARE_ZONE:noord}
 * @param intakeLanguage the language its intake mailbox is written to in, {@code nl} or {@code fr}; none:
 *     both (added later: events from before it have none)
 * @param minimumAge who the service is for: none, no lower bound (added later, as the next two)
 * @param maximumAge none: no upper bound
 * @param targetGroups {@code SENIORS}, {@code YOUNG_PEOPLE}, {@code FAMILIES}, {@code PEOPLE_WITH_A_DISABILITY},
 *     {@code PEOPLE_LIVING_ALONE}; none: everyone
 */
@EventType("directory.service-changed.v1")
public record ServiceChanged(
        UUID eventId,
        Instant occurredAt,
        String serviceId,
        String organisationId,
        String nameNl,
        String nameFr,
        boolean active,
        List<String> themeCodes,
        List<String> languageCodes,
        List<String> serviceAreas,
        String capacity,
        LocalDate fullUntil,
        String intakeEmail,
        String intakeLanguage,
        Integer minimumAge,
        Integer maximumAge,
        List<String> targetGroups)
        implements DirectoryEvent {

    public ServiceChanged {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(serviceId, "serviceId");
        themeCodes = List.copyOf(themeCodes);
        languageCodes = List.copyOf(languageCodes);
        serviceAreas = List.copyOf(serviceAreas);
        targetGroups = targetGroups == null ? List.of() : List.copyOf(targetGroups);
    }

    @Override
    public String subject() {
        return serviceId;
    }
}
