package be.bruzel.platform.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * A service's listing has gone unchecked for the check period (six months by default): its organisation's
 * coordinators are asked to look at it again. Once per check: a listing checked since is due again only a period on.
 *
 * @param checkedOn when it was last checked, by its organisation or an administrator
 */
@EventType("directory.service-check-due.v1")
public record ServiceCheckDue(
        UUID eventId,
        Instant occurredAt,
        String serviceId,
        String organisationId,
        String nameNl,
        String nameFr,
        LocalDate checkedOn)
        implements DomainEvent {

    public ServiceCheckDue {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(organisationId, "organisationId");
    }

    @Override
    public String subject() {
        return serviceId;
    }
}
