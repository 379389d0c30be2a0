package be.bruzel.directoryservice.territory;

import be.bruzel.platform.support.problem.RejectedRequestException;
import be.bruzel.platform.support.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/directory/territory")
@Tag(name = "Territory", description = "Municipalities, districts, postcodes and care zones of Brussels")
class TerritoryController {

    private final Territory territory;
    private final ZoneMoves zoneMoves;
    private final TerritoryAdministration administration;
    private final Clock clock;

    TerritoryController(Territory territory, ZoneMoves zoneMoves, TerritoryAdministration administration, Clock clock) {
        this.territory = territory;
        this.zoneMoves = zoneMoves;
        this.administration = administration;
        this.clock = clock;
    }

    @GetMapping("/postcodes/{postcode}")
    @Operation(summary = "Every municipality, district and care zone a postcode may mean, on a date (today by default)")
    PostcodeLookup lookup(
            @PathVariable @Pattern(regexp = "[0-9]{4}") String postcode,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        LocalDate on = date != null ? date : LocalDate.now(clock);
        List<PostcodeLookup.Candidate> candidates = territory.candidatesFor(postcode, on);
        if (candidates.isEmpty()) {
            throw RejectedRequestException.notFound("territory.postcode.unknown", postcode);
        }
        return PostcodeLookup.of(postcode, on, candidates);
    }

    @GetMapping("/municipalities")
    @Operation(summary = "The 19 municipalities of Brussels by NIS code, with their names in Dutch and French")
    List<PostcodeLookup.Named> municipalities() {
        return territory.municipalities();
    }

    @GetMapping("/areas")
    @Operation(
            summary =
                    "Every area (a whole municipality, or a district of Brussel) with its care zone on a date (today by default)")
    List<Area> areas(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return territory.areas(date != null ? date : LocalDate.now(clock));
    }

    @PostMapping("/areas/{areaId}/zone-moves")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @Operation(summary = "Move an area to another care zone from a date on (administrators)")
    ResponseEntity<Void> move(
            @AuthenticationPrincipal Caller caller, @PathVariable String areaId, @Valid @RequestBody ZoneMove move) {
        zoneMoves.move(caller.userId(), areaId, move);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/care-zones")
    @Operation(summary = "The care zones with their helpdesk")
    List<CareZone> careZones() {
        return territory.careZones();
    }

    @PutMapping("/care-zones/{code}/helpdesk")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @Operation(summary = "Record how to reach a care zone's helpdesk (administrators)")
    ResponseEntity<Void> recordHelpdesk(
            @AuthenticationPrincipal Caller caller,
            @PathVariable String code,
            @Valid @RequestBody CareZone.Helpdesk helpdesk) {
        administration.recordHelpdesk(caller.userId(), code, helpdesk);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/neighbourhoods")
    @Operation(summary = "Welfare and health neighbourhoods, of one care zone if asked")
    List<Neighbourhood> neighbourhoods(@RequestParam(required = false) String careZone) {
        return territory.neighbourhoods(careZone);
    }

    @PostMapping("/neighbourhoods")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @Operation(summary = "Add a neighbourhood (administrators)")
    ResponseEntity<Neighbourhood> addNeighbourhood(
            @AuthenticationPrincipal Caller caller, @Valid @RequestBody Neighbourhood neighbourhood) {
        administration.addNeighbourhood(caller.userId(), neighbourhood);
        return ResponseEntity.created(URI.create("/api/directory/territory/neighbourhoods"))
                .body(neighbourhood);
    }
}
