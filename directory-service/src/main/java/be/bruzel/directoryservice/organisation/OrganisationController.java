package be.bruzel.directoryservice.organisation;

import be.bruzel.platform.support.paging.NextPage;
import be.bruzel.platform.support.problem.RejectedRequestException;
import be.bruzel.platform.support.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
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
@RequestMapping("/api/directory/organisations")
@Tag(name = "Organisations", description = "Support organisations, their locations and services")
class OrganisationController {

    private final Organisations organisations;
    private final SupportServices services;
    private final OrganisationAdministration administration;

    OrganisationController(
            Organisations organisations, SupportServices services, OrganisationAdministration administration) {
        this.organisations = organisations;
        this.services = services;
        this.administration = administration;
    }

    @GetMapping
    @Operation(summary = "The organisations by name, a page at a time (a full page links to the next)")
    ResponseEntity<List<Organisation>> all(
            HttpServletRequest request,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "500") @Min(1) @Max(500) int size) {
        return NextPage.of(request, organisations.page(page, size), page, size);
    }

    @GetMapping("/{id}")
    Organisation find(@PathVariable String id) {
        return organisations
                .find(id)
                .orElseThrow(() -> RejectedRequestException.notFound("organisation.not-found", id));
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @Operation(summary = "Add an organisation (administrators)")
    ResponseEntity<Organisation> add(
            @AuthenticationPrincipal Caller caller, @Valid @RequestBody Organisation organisation) {
        Organisation added = administration.addOrganisation(caller.userId(), organisation);
        return ResponseEntity.created(URI.create("/api/directory/organisations/" + added.id()))
                .body(added);
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @Operation(summary = "Change an organisation (administrators), naming the version read")
    Organisation update(
            @AuthenticationPrincipal Caller caller,
            @PathVariable String id,
            @Valid @RequestBody Organisation organisation) {
        requireSameId(id, organisation.id());
        return administration.updateOrganisation(caller.userId(), organisation);
    }

    @GetMapping("/{id}/locations")
    List<Location> locations(@PathVariable String id) {
        find(id);
        return organisations.locations(id);
    }

    @PutMapping("/{id}/locations/{locationId}")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @Operation(summary = "Add or change a location of an organisation (administrators)")
    Location saveLocation(
            @AuthenticationPrincipal Caller caller,
            @PathVariable String id,
            @PathVariable String locationId,
            @Valid @RequestBody Location location) {
        requireSameId(locationId, location.id());
        administration.saveLocation(caller.userId(), id, location);
        return location;
    }

    @GetMapping("/{id}/services")
    List<SupportService> services(@PathVariable String id) {
        find(id);
        return services.ofOrganisation(id);
    }

    @GetMapping("/{id}/listing")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'ORGANISATION_COORDINATOR')")
    @Operation(
            summary = "The organisation's services, whether each takes referrals and when it was last checked "
                    + "(its coordinators, administrators)")
    List<ListingStatus> listing(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        return administration.listing(caller, id);
    }

    static void requireSameId(String inPath, String inBody) {
        if (!inPath.equals(inBody)) {
            throw new RejectedRequestException(HttpStatus.BAD_REQUEST, "request.id-mismatch", "id", inPath);
        }
    }
}
