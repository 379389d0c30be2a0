package be.bruzel.directoryservice.organisation;

import be.bruzel.platform.support.problem.RejectedRequestException;
import be.bruzel.platform.support.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
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
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @Operation(summary = "Open a service, mark it full (until a date) or pause it (administrators)")
    SupportService changeCapacity(
            @AuthenticationPrincipal Caller caller,
            @PathVariable String id,
            @Valid @RequestBody SupportService.Capacity capacity) {
        return administration.changeCapacity(caller.userId(), id, capacity);
    }
}
