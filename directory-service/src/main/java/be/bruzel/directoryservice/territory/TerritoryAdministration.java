package be.bruzel.directoryservice.territory;

import be.bruzel.directoryservice.audit.AuditTrail;
import be.bruzel.directoryservice.publication.CurrentState;
import be.bruzel.platform.events.CareZoneChanged;
import be.bruzel.platform.events.DirectoryEvent;
import be.bruzel.platform.support.problem.RejectedRequestException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Helpdesks and neighbourhoods, each change audited; the territory's part of the directory's topics. */
@Service
public class TerritoryAdministration implements CurrentState {

    private final Territory territory;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TerritoryAdministration(Territory territory, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.territory = territory;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public void recordHelpdesk(String actorId, String careZone, CareZone.Helpdesk helpdesk) {
        if (!territory.updateHelpdesk(careZone, helpdesk)) {
            throw RejectedRequestException.notFound("territory.care-zone.unknown", careZone);
        }
        audit.record(actorId, "care-zone.helpdesk-changed", "care-zone", careZone, helpdesk);
        territory.careZones().stream()
                .filter(zone -> zone.code().equals(careZone))
                .map(zone -> careZoneChanged(zone, clock.instant()))
                .forEach(events::publishEvent);
    }

    @Transactional
    void addNeighbourhood(String actorId, Neighbourhood neighbourhood) {
        if (!territory.hasCareZone(neighbourhood.careZone())) {
            throw new RejectedRequestException(
                    HttpStatus.BAD_REQUEST, "territory.care-zone.unknown", "careZone", neighbourhood.careZone());
        }
        if (!territory.exists(new PlaceRef(PlaceKind.MUNICIPALITY, neighbourhood.municipality()))) {
            throw new RejectedRequestException(
                    HttpStatus.BAD_REQUEST,
                    "territory.municipality.unknown",
                    "municipality",
                    neighbourhood.municipality());
        }
        if (!territory.addNeighbourhood(neighbourhood)) {
            throw new RejectedRequestException(
                    HttpStatus.CONFLICT, "territory.neighbourhood.exists", "id", neighbourhood.id());
        }
        audit.record(actorId, "neighbourhood.added", "neighbourhood", neighbourhood.id(), neighbourhood);
    }

    @Override
    public List<DirectoryEvent> currentState(Instant now) {
        List<DirectoryEvent> state = new ArrayList<>(territory.areaStates(null, now));
        territory.careZones().forEach(zone -> state.add(careZoneChanged(zone, now)));
        return state;
    }

    private static CareZoneChanged careZoneChanged(CareZone zone, Instant now) {
        return new CareZoneChanged(
                UUID.randomUUID(),
                now,
                zone.code(),
                zone.firstLineZoneCode(),
                zone.nameNl(),
                zone.nameFr(),
                zone.helpdesk().email(),
                zone.helpdesk().phone());
    }
}
