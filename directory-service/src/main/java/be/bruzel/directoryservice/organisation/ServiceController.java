package be.bruzel.directoryservice.organisation;

import be.bruzel.platform.support.problem.RejectedRequestException;
import be.bruzel.platform.support.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
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
@RequestMapping("/api/directory/services")
@Tag(name = "Services", description = "What support organisations offer, and whether they take referrals now")
class ServiceController {

    private final SupportServices services;
    private final OrganisationAdministration administration;

    ServiceController(SupportServices services, OrganisationAdministration administration) {
        this.services = services;
        this.administration = administration;
    }

    @GetMapping("/{id}")
    SupportService find(@PathVariable String id) {
        return services.find(id).orElseThrow(() -> RejectedRequestException.notFound("service.not-found", id));
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @Operation(summary = "Add a service (administrators)")
    ResponseEntity<SupportService> add(
            @AuthenticationPrincipal Caller caller, @Valid @RequestBody SupportService service) {
        SupportService added = administration.addService(caller.userId(), service);
        return ResponseEntity.created(URI.create("/api/directory/services/" + added.id()))
                .body(added);
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @Operation(summary = "Change a service (administrators), naming the version read; deactivate rather than delete")
    SupportService update(
            @AuthenticationPrincipal Caller caller,
            @PathVariable String id,
            @Valid @RequestBody SupportService service) {
        OrganisationController.requireSameId(id, service.id());
        return administration.updateService(caller.userId(), service);
    }

    @PutMapping("/{id}/capacity")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'ORGANISATION_COORDINATOR')")
    @Operation(
            summary = "Open a service, mark it full (until a date) or pause it (its organisation's coordinators, "
                    + "administrators)")
    SupportService changeCapacity(
            @AuthenticationPrincipal Caller caller,
            @PathVariable String id,
            @Valid @RequestBody SupportService.Capacity capacity) {
        return administration.changeCapacity(caller, id, capacity);
    }

    @PutMapping("/{id}/listing")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'ORGANISATION_COORDINATOR')")
    @Operation(
            summary = "Change how a service reads and is reached: descriptions, intake, languages, opening hours "
                    + "(its organisation's coordinators, administrators), naming the version read")
    SupportService changeListing(
            @AuthenticationPrincipal Caller caller, @PathVariable String id, @Valid @RequestBody ListingChange change) {
        return administration.changeListing(caller, id, change);
    }

    @PostMapping("/{id}/checked")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'ORGANISATION_COORDINATOR')")
    @Operation(
            summary = "Confirm that a service's listing is still right (its organisation's coordinators, "
                    + "administrators)")
    ListingStatus confirmChecked(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        return administration.confirmChecked(caller, id);
    }

    @GetMapping("/stale")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @Operation(
            summary = "Active services not checked for longer than the check period, the longest first "
                    + "(administrators)")
    StaleServices stale(
            @RequestParam(defaultValue = "0") @Min(0) @Max(1000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(100) int size) {
        return new StaleServices(administration.stale(page, size), page, size, administration.staleCount());
    }

    /** A page of services whose check is due. */
    record StaleServices(List<ListingStatus> items, int page, int size, long total) {}
}
