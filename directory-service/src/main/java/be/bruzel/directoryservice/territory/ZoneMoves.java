package be.bruzel.directoryservice.territory;

import be.bruzel.directoryservice.audit.AuditTrail;
import be.bruzel.platform.support.problem.RejectedRequestException;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Moves an area to another care zone from a date on, keeping the history that statistics rely on. */
@Service
class ZoneMoves {

    private final Territory territory;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ZoneMoves(Territory territory, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.territory = territory;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    void move(String actorId, String areaId, ZoneMove move) {
        if (!territory.hasArea(areaId)) {
            throw RejectedRequestException.notFound("territory.area.not-found", areaId);
        }
        if (!territory.hasCareZone(move.careZone())) {
            throw new RejectedRequestException(
                    HttpStatus.BAD_REQUEST, "territory.care-zone.unknown", "careZone", move.careZone());
        }
        LocalDate since = territory.currentAssignmentSince(areaId).orElse(LocalDate.MIN);
        if (!move.effectiveFrom().isAfter(since)) {
            throw new RejectedRequestException(
                    HttpStatus.CONFLICT, "territory.move.not-after-last", "effectiveFrom", since);
        }
        territory.move(areaId, move.careZone(), move.effectiveFrom());
        audit.record(actorId, "area.zone-moved", "area", areaId, move);
        territory.areaStates(areaId, clock.instant()).forEach(events::publishEvent);
    }
}
