package be.bruzel.directoryservice.organisation;

import be.bruzel.directoryservice.audit.AuditTrail;
import be.bruzel.directoryservice.publication.CurrentState;
import be.bruzel.directoryservice.territory.PlaceRef;
import be.bruzel.directoryservice.territory.Places;
import be.bruzel.directoryservice.theme.ThemeAdministration;
import be.bruzel.platform.events.ServiceChanged;
import be.bruzel.platform.support.problem.RejectedRequestException;
import be.bruzel.platform.support.security.Caller;
import be.bruzel.platform.support.security.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every change to organisations, their locations and services: checked against the rest of the
 * directory, audited, and published as the service's new state through the outbox.
 */
@Service
public class OrganisationAdministration implements CurrentState {

    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    /** What an upsert did, for an import's report. */
    public enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED
    }

    private final Organisations organisations;
    private final SupportServices services;
    private final ThemeAdministration themes;
    private final Places places;
    private final AuditTrail audit;
    private final ListingChecks checks;
    private final ListingSettings listing;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OrganisationAdministration(
            Organisations organisations,
            SupportServices services,
            ThemeAdministration themes,
            Places places,
            AuditTrail audit,
            ListingChecks checks,
            ListingSettings listing,
            ApplicationEventPublisher events,
            Clock clock) {
        this.organisations = organisations;
        this.services = services;
        this.themes = themes;
        this.places = places;
        this.audit = audit;
        this.checks = checks;
        this.listing = listing;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    Organisation addOrganisation(String actorId, Organisation organisation) {
        if (!organisations.add(organisation)) {
            throw new RejectedRequestException(HttpStatus.CONFLICT, "organisation.exists", "id", organisation.id());
        }
        audit.record(actorId, "organisation.added", "organisation", organisation.id(), organisation);
        return organisation.withVersion(0);
    }

    @Transactional
    Organisation updateOrganisation(String actorId, Organisation organisation) {
        Organisation current = organisations
                .find(organisation.id())
                .orElseThrow(() -> RejectedRequestException.notFound("organisation.not-found", organisation.id()));
        requireVersion(organisation.version(), current.version());
        if (!organisations.update(organisation)) {
            throw stale(organisation.version(), current.version() + 1);
        }
        audit.record(actorId, "organisation.changed", "organisation", organisation.id(), organisation);
        return organisation.withVersion(current.version() + 1);
    }

    @Transactional
    void saveLocation(String actorId, String organisationId, Location location) {
        requireOrganisation(organisationId);
        Optional<String> owner = organisations.ownerOf(location.id());
        if (owner.isPresent() && !owner.get().equals(organisationId)) {
            throw new RejectedRequestException(
                    HttpStatus.CONFLICT, "location.of-other-organisation", "id", location.id());
        }
        organisations.save(organisationId, location);
        audit.record(
                actorId,
                owner.isPresent() ? "location.changed" : "location.added",
                "location",
                location.id(),
                location);
    }

    @Transactional
    SupportService addService(String actorId, SupportService service) {
        reject(violations(service));
        if (!services.add(service)) {
            throw new RejectedRequestException(HttpStatus.CONFLICT, "service.exists", "id", service.id());
        }
        recordChange(actorId, "service.added", service);
        return service.withVersion(0);
    }

    @Transactional
    SupportService updateService(String actorId, SupportService service) {
        SupportService current = services.find(service.id())
                .orElseThrow(() -> RejectedRequestException.notFound("service.not-found", service.id()));
        if (!current.organisationId().equals(service.organisationId())) {
            throw new RejectedRequestException(
                    HttpStatus.BAD_REQUEST, "service.organisation.fixed", "organisationId", current.organisationId());
        }
        requireVersion(service.version(), current.version());
        reject(violations(service));
        if (!services.update(service)) {
            throw stale(service.version(), current.version() + 1);
        }
        recordChange(actorId, "service.changed", service);
        return service.withVersion(current.version() + 1);
    }

    @Transactional
    SupportService changeCapacity(Caller caller, String serviceId, SupportService.Capacity capacity) {
        SupportService current = keptBy(caller, serviceId);
        SupportService changed = new SupportService(
                current.id(),
                current.organisationId(),
                current.nameNl(),
                current.nameFr(),
                current.descriptionNl(),
                current.descriptionFr(),
                current.active(),
                current.intake(),
                capacity,
                current.eligibility(),
                current.themes(),
                current.languages(),
                current.serviceAreas(),
                current.locationIds(),
                current.contacts(),
                current.openingHours(),
                current.version());
        if (!services.update(changed)) {
            throw stale(current.version(), current.version() + 1);
        }
        recordChange(caller.userId(), "service.capacity-changed", changed);
        return changed.withVersion(current.version() + 1);
    }

    /** A coordinator of its organisation, or an administrator, changes how the service reads and is reached. */
    @Transactional
    SupportService changeListing(Caller caller, String serviceId, ListingChange change) {
        SupportService current = keptBy(caller, serviceId);
        requireVersion(change.version(), current.version());
        SupportService changed = change.appliedTo(current);
        if (!services.update(changed)) {
            throw stale(change.version(), current.version() + 1);
        }
        recordChange(caller.userId(), "service.listing-changed", changed);
        return changed.withVersion(current.version() + 1);
    }

    /** The listing is still right as it is: checked today, and audited as such. */
    @Transactional
    ListingStatus confirmChecked(Caller caller, String serviceId) {
        SupportService current = keptBy(caller, serviceId);
        checks.checked(serviceId, today());
        audit.record(caller.userId(), "service.checked", "service", serviceId, Map.of("checkedOn", today()));
        return listingOf(current.organisationId()).stream()
                .filter(status -> status.id().equals(serviceId))
                .findFirst()
                .orElseThrow();
    }

    /** An organisation's services as its coordinator keeps them. */
    List<ListingStatus> listing(Caller caller, String organisationId) {
        requireKeeps(caller, organisationId);
        requireOrganisation(organisationId);
        return listingOf(organisationId);
    }

    /** Active services whose check is due, the longest unchecked first. */
    List<ListingStatus> stale(int page, int size) {
        return checks.checkedBefore(dueIfCheckedBefore(), page, size);
    }

    long staleCount() {
        return checks.countCheckedBefore(dueIfCheckedBefore());
    }

    /** When each service was last checked. */
    public Map<String, LocalDate> checkedOn(Collection<String> serviceIds) {
        return checks.checkedOn(serviceIds);
    }

    private List<ListingStatus> listingOf(String organisationId) {
        return checks.ofOrganisation(organisationId, dueIfCheckedBefore());
    }

    private LocalDate dueIfCheckedBefore() {
        return listing.dueIfCheckedBefore(clock.instant());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), BRUSSELS);
    }

    /** The service, if the caller may keep it: an administrator, or a coordinator of its organisation. */
    private SupportService keptBy(Caller caller, String serviceId) {
        SupportService current = services.find(serviceId)
                .orElseThrow(() -> RejectedRequestException.notFound("service.not-found", serviceId));
        requireKeeps(caller, current.organisationId());
        return current;
    }

    private static void requireKeeps(Caller caller, String organisationId) {
        boolean coordinator = caller.has(Role.ORGANISATION_COORDINATOR)
                && caller.organisationId().filter(organisationId::equals).isPresent();
        if (!coordinator && !caller.has(Role.ADMINISTRATOR)) {
            throw new RejectedRequestException(HttpStatus.FORBIDDEN, "listing.not-your-organisation", null);
        }
    }

    /** What is wrong with a service beyond its own fields: references to the rest of the directory. */
    public List<Violation> violations(SupportService service) {
        List<Violation> violations = new ArrayList<>();
        if (organisations.find(service.organisationId()).isEmpty()) {
            violations.add(Violation.of("organisationId", "organisation.unknown", service.organisationId()));
        }
        List<String> inactive = themes.notActive(service.themes());
        if (!inactive.isEmpty()) {
            violations.add(Violation.of("themes", "service.themes.inactive", String.join(", ", inactive)));
        }
        service.serviceAreas().stream()
                .filter(area -> !places.exists(area))
                .map(PlaceRef::toString)
                .forEach(area -> violations.add(Violation.of("serviceAreas", "service.area.unknown", area)));
        service.locationIds().stream()
                .filter(location -> !organisations.ownerOf(location).equals(Optional.of(service.organisationId())))
                .forEach(location -> violations.add(Violation.of("locationIds", "service.location.unknown", location)));
        return violations;
    }

    /** Creates or replaces an organisation by its id, as an import does; no version check. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Outcome upsert(String actorId, Organisation organisation, List<Location> locations) {
        Optional<Organisation> current = organisations.find(organisation.id());
        boolean sameLocations = organisations.locations(organisation.id()).equals(locations);
        if (current.isPresent() && current.get().withVersion(0).equals(organisation.withVersion(0)) && sameLocations) {
            return Outcome.UNCHANGED;
        }
        if (current.isPresent()) {
            organisations.update(organisation.withVersion(current.get().version()));
        } else {
            organisations.add(organisation);
        }
        locations.forEach(location -> organisations.save(organisation.id(), location));
        audit.record(
                actorId,
                current.isPresent() ? "organisation.imported-change" : "organisation.imported",
                "organisation",
                organisation.id(),
                organisation);
        return current.isPresent() ? Outcome.UPDATED : Outcome.CREATED;
    }

    /** Creates or replaces a service by its id, as an import does; the caller has checked its violations. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Outcome upsert(String actorId, SupportService service) {
        Optional<SupportService> current = services.find(service.id());
        if (current.isPresent() && current.get().withVersion(0).equals(service.withVersion(0))) {
            return Outcome.UNCHANGED;
        }
        if (current.isPresent()) {
            services.update(service.withVersion(current.get().version()));
        } else {
            services.add(service);
        }
        recordChange(actorId, current.isPresent() ? "service.imported-change" : "service.imported", service);
        return current.isPresent() ? Outcome.UPDATED : Outcome.CREATED;
    }

    /** The whole directory of organisations, locations and services, for an export. */
    public List<Organisation> organisations(int page, int size) {
        return organisations.page(page, size);
    }

    public List<Organisation> organisations(Collection<String> ids) {
        return organisations.withIds(ids);
    }

    /** The locations of these organisations, by organisation (none: no entry). */
    public Map<String, List<Location>> locationsOf(Collection<String> organisationIds) {
        return organisations.locationsOf(organisationIds);
    }

    public List<Location> locations(String organisationId) {
        return organisations.locations(organisationId);
    }

    public List<SupportService> servicesOf(Collection<String> organisationIds) {
        return services.ofOrganisations(organisationIds);
    }

    public List<SupportService> services(Collection<String> ids) {
        return services.withIds(ids);
    }

    @Override
    public List<ServiceChanged> currentState(Instant now) {
        return services.all().stream().map(service -> service.changed(now)).toList();
    }

    /** Audited, checked today (whoever changed it looked at it) and published. */
    private void recordChange(String actorId, String action, SupportService service) {
        audit.record(actorId, action, "service", service.id(), service);
        checks.checked(service.id(), today());
        events.publishEvent(service.changed(clock.instant()));
    }

    private void requireOrganisation(String organisationId) {
        if (organisations.find(organisationId).isEmpty()) {
            throw RejectedRequestException.notFound("organisation.not-found", organisationId);
        }
    }

    private static void requireVersion(Integer given, int current) {
        if (given == null) {
            throw new RejectedRequestException(HttpStatus.BAD_REQUEST, "version.required", "version");
        }
        if (!Objects.equals(given, current)) {
            throw stale(given, current);
        }
    }

    /** Someone else changed the record since the caller read it: read again, then change. */
    private static RejectedRequestException stale(Integer given, int current) {
        return new RejectedRequestException(HttpStatus.CONFLICT, "version.stale", "version", given, current);
    }

    private static void reject(List<Violation> violations) {
        if (!violations.isEmpty()) {
            Violation first = violations.getFirst();
            throw new RejectedRequestException(
                    HttpStatus.BAD_REQUEST,
                    first.messageCode(),
                    first.field(),
                    first.arguments().toArray());
        }
    }
}
