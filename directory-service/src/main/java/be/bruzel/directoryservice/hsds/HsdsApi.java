package be.bruzel.directoryservice.hsds;

import be.bruzel.directoryservice.organisation.Location;
import be.bruzel.directoryservice.organisation.Organisation;
import be.bruzel.directoryservice.organisation.OrganisationAdministration;
import be.bruzel.directoryservice.organisation.SupportService;
import be.bruzel.directoryservice.territory.Place;
import be.bruzel.directoryservice.territory.Places;
import be.bruzel.directoryservice.theme.Theme;
import be.bruzel.directoryservice.theme.ThemeAdministration;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The HSDS 3.0 API's answers: services, organizations, the themes taxonomy and its terms, services
 * at locations, in lists of one-to-one fields or fully nested, as the official schemas describe.
 */
@Service
@Transactional(readOnly = true)
class HsdsApi {

    /** What a service is called in brief, where an organization lists its services without their details. */
    private static final Set<String> SERVICE_IN_BRIEF = Set.of("id", "organization_id", "name", "status");

    private final OrganisationAdministration administration;
    private final ThemeAdministration themes;
    private final HsdsCatalogue catalogue;
    private final Places places;
    private final Clock clock;

    HsdsApi(
            OrganisationAdministration administration,
            ThemeAdministration themes,
            HsdsCatalogue catalogue,
            Places places,
            Clock clock) {
        this.administration = administration;
        this.themes = themes;
        this.catalogue = catalogue;
        this.places = places;
        this.clock = clock;
    }

    /**
     * The HSDS API's filters on services.
     *
     * @param taxonomyTermId a term of the themes taxonomy
     * @param postcode services that serve the place of this postcode
     */
    record ServiceQuery(
            String search,
            String taxonomyTermId,
            String taxonomyId,
            String organizationId,
            Instant modifiedAfter,
            String postcode) {}

    HsdsPage services(ServiceQuery query, boolean full, int page, int perPage) {
        HsdsCatalogue.Found<String> found = catalogue.services(filter(query), page, perPage);
        List<JsonNode> contents = services(found.items()).stream()
                .map(service -> full ? service : oneToOne(service))
                .toList();
        return HsdsPage.of(contents, found.total(), page, perPage);
    }

    /** A service fully nested, its organization (with locations) inside. */
    Optional<JsonNode> service(String uuid) {
        return catalogue
                .serviceId(uuid.toLowerCase(Locale.ROOT))
                .flatMap(id -> services(List.of(id)).stream().findFirst());
    }

    HsdsPage organizations(String search, boolean full, boolean fullService, int page, int perPage) {
        HsdsCatalogue.Found<String> found = catalogue.organisations(search, page, perPage);
        List<JsonNode> contents = organizations(found.items(), fullService).stream()
                .map(organization -> full ? organization : oneToOne(organization))
                .toList();
        return HsdsPage.of(contents, found.total(), page, perPage);
    }

    Optional<JsonNode> organization(String uuid, boolean fullService) {
        return catalogue
                .organisationId(uuid.toLowerCase(Locale.ROOT))
                .flatMap(id -> organizations(List.of(id), fullService).stream().findFirst());
    }

    HsdsPage taxonomies(int page, int perPage) {
        List<JsonNode> all = List.of(HsdsJson.MAPPER.valueToTree(HsdsMapping.THEMES));
        return HsdsPage.of(pageOf(all, page, perPage), all.size(), page, perPage);
    }

    Optional<JsonNode> taxonomy(String uuid) {
        return HsdsMapping.THEMES.id().equalsIgnoreCase(uuid)
                ? Optional.of(HsdsJson.MAPPER.valueToTree(HsdsMapping.THEMES))
                : Optional.empty();
    }

    /** The themes, by code, as terms of the themes taxonomy; words are looked for in their three names. */
    HsdsPage taxonomyTerms(String taxonomyId, String search, int page, int perPage) {
        List<JsonNode> terms = themes.all().stream()
                .filter(theme -> taxonomyId == null || HsdsMapping.THEMES.id().equalsIgnoreCase(taxonomyId))
                .filter(theme -> search == null || names(theme).contains(search.toLowerCase(Locale.ROOT)))
                .sorted(Comparator.comparing(Theme::code))
                .map(HsdsApi::term)
                .toList();
        return HsdsPage.of(pageOf(terms, page, perPage), terms.size(), page, perPage);
    }

    Optional<JsonNode> taxonomyTerm(String uuid) {
        return catalogue
                .themeCode(uuid.toLowerCase(Locale.ROOT))
                .flatMap(code -> themes.all().stream()
                        .filter(theme -> theme.code().equals(code))
                        .findFirst())
                .map(HsdsApi::term);
    }

    HsdsPage servicesAtLocations(ServiceQuery query, boolean full, int page, int perPage) {
        HsdsCatalogue.Found<HsdsCatalogue.ServiceAtLocation> found =
                catalogue.servicesAtLocations(filter(query), page, perPage);
        Map<String, JsonNode> services =
                services(found.items().stream()
                                .map(HsdsCatalogue.ServiceAtLocation::serviceId)
                                .distinct()
                                .toList())
                        .stream()
                        .collect(Collectors.toMap(
                                service -> service.path("x_id")
                                        .asString(service.path("id").asString()),
                                Function.identity()));
        List<JsonNode> contents = new ArrayList<>();
        for (HsdsCatalogue.ServiceAtLocation at : found.items()) {
            serviceAtLocation(at, services.get(at.serviceId()), full).ifPresent(contents::add);
        }
        return HsdsPage.of(contents, found.total(), page, perPage);
    }

    Optional<JsonNode> serviceAtLocation(String uuid) {
        return catalogue
                .serviceAtLocation(uuid.toLowerCase(Locale.ROOT))
                .flatMap(at -> services(List.of(at.serviceId())).stream()
                        .findFirst()
                        .flatMap(service -> serviceAtLocation(at, service, true)));
    }

    /** The location is one of the service's organisation's, which the fully nested service carries already. */
    private Optional<JsonNode> serviceAtLocation(HsdsCatalogue.ServiceAtLocation at, JsonNode service, boolean full) {
        if (service == null) {
            return Optional.empty();
        }
        String locationUuid = HsdsIds.of(HsdsIds.LOCATION, at.locationId());
        Optional<JsonNode> place = service.path("organization")
                .path("locations")
                .valueStream()
                .filter(location -> location.path("id").asString().equals(locationUuid))
                .findFirst();
        if (place.isEmpty()) {
            return Optional.empty();
        }
        String serviceUuid = service.path("id").asString();
        ObjectNode located = HsdsJson.MAPPER.createObjectNode();
        located.put("id", HsdsIds.part(serviceUuid, "service_at_location", at.locationId()));
        located.put("service_id", serviceUuid);
        located.put("location_id", locationUuid);
        located.set("location", full ? place.get() : oneToOne(place.get()));
        located.set("service", full ? service : oneToOne(service));
        return Optional.of(located);
    }

    /** Services by id, in the order given, each fully nested with its organization. */
    private List<JsonNode> services(List<String> ids) {
        Map<String, SupportService> byId = administration.services(ids).stream()
                .collect(Collectors.toMap(SupportService::id, Function.identity()));
        Map<String, Organisation> organisations =
                administration
                        .organisations(byId.values().stream()
                                .map(SupportService::organisationId)
                                .distinct()
                                .toList())
                        .stream()
                        .collect(Collectors.toMap(Organisation::id, Function.identity()));
        Map<String, List<Location>> locations = administration.locationsOf(organisations.keySet());
        Map<String, Theme> themeByCode = themeByCode();
        Map<String, Instant> modified = catalogue.lastModified(ids);
        return ids.stream()
                .filter(byId::containsKey)
                .map(id -> {
                    SupportService service = byId.get(id);
                    Organisation organisation = organisations.get(service.organisationId());
                    HsdsDataSet.Service hsds = HsdsMapping.service(service, themeByCode, modified.get(id))
                            .with(
                                    HsdsIds.of(HsdsIds.ORGANIZATION, organisation.id()),
                                    HsdsMapping.organization(
                                            organisation, locations.getOrDefault(organisation.id(), List.of())));
                    return (JsonNode) HsdsJson.MAPPER.valueToTree(hsds);
                })
                .toList();
    }

    /** Organisations by id, in the order given, with their locations and services (in brief, or in full). */
    private List<JsonNode> organizations(List<String> ids, boolean fullService) {
        Map<String, Organisation> byId = administration.organisations(ids).stream()
                .collect(Collectors.toMap(Organisation::id, Function.identity()));
        List<SupportService> services = administration.servicesOf(byId.keySet());
        Map<String, Instant> modified =
                catalogue.lastModified(services.stream().map(SupportService::id).toList());
        Map<String, Theme> themeByCode = themeByCode();
        Map<String, List<Location>> locations = administration.locationsOf(byId.keySet());
        return ids.stream()
                .filter(byId::containsKey)
                .map(id -> {
                    ObjectNode organization = HsdsJson.MAPPER.valueToTree(
                            HsdsMapping.organization(byId.get(id), locations.getOrDefault(id, List.of())));
                    List<JsonNode> offered = services.stream()
                            .filter(service -> service.organisationId().equals(id))
                            .sorted(Comparator.comparing(SupportService::nameNl).thenComparing(SupportService::id))
                            .map(service -> (JsonNode) HsdsJson.MAPPER.valueToTree(
                                    HsdsMapping.service(service, themeByCode, modified.get(service.id()))))
                            .map(service -> fullService ? service : brief(service))
                            .toList();
                    if (!offered.isEmpty()) {
                        organization.set("services", HsdsJson.MAPPER.valueToTree(offered));
                    }
                    return (JsonNode) organization;
                })
                .toList();
    }

    private HsdsCatalogue.ServiceFilter filter(ServiceQuery query) {
        String theme = null;
        boolean nothing = query.taxonomyId() != null && !HsdsMapping.THEMES.id().equalsIgnoreCase(query.taxonomyId());
        if (query.taxonomyTermId() != null) {
            Optional<String> code = catalogue.themeCode(query.taxonomyTermId().toLowerCase(Locale.ROOT));
            theme = code.orElse(null);
            nothing |= code.isEmpty();
        }
        String organisation = null;
        if (query.organizationId() != null) {
            organisation = query.organizationId().toLowerCase(Locale.ROOT);
            nothing |= !HsdsIds.isUuid(organisation);
        }
        List<String> served = null;
        if (query.postcode() != null) {
            served = places.matching(query.postcode(), null, null, LocalDate.now(clock)).stream()
                    .map(Place::enclosingPlaces)
                    .flatMap(List::stream)
                    .map(Object::toString)
                    .distinct()
                    .toList();
            nothing |= served.isEmpty();
        }
        return new HsdsCatalogue.ServiceFilter(
                query.search(), theme, organisation, query.modifiedAfter(), served, nothing);
    }

    /** A list item of the HSDS API: an object's one-to-one fields, nested objects likewise, no arrays. */
    static JsonNode oneToOne(JsonNode object) {
        ObjectNode copy = HsdsJson.MAPPER.createObjectNode();
        object.properties().forEach(field -> {
            if (field.getValue().isObject() && !field.getKey().startsWith("x_")) {
                copy.set(field.getKey(), oneToOne(field.getValue()));
            } else if (!field.getValue().isArray()) {
                copy.set(field.getKey(), field.getValue());
            }
        });
        return copy;
    }

    private static JsonNode brief(JsonNode service) {
        ObjectNode copy = HsdsJson.MAPPER.createObjectNode();
        SERVICE_IN_BRIEF.stream().filter(service::has).forEach(field -> copy.set(field, service.get(field)));
        return copy;
    }

    private Map<String, Theme> themeByCode() {
        return themes.all().stream().collect(Collectors.toMap(Theme::code, Function.identity()));
    }

    private static JsonNode term(Theme theme) {
        ObjectNode term = HsdsJson.MAPPER.valueToTree(HsdsMapping.term(theme.code(), theme));
        term.set("taxonomy_detail", HsdsJson.MAPPER.valueToTree(HsdsMapping.THEMES));
        return term;
    }

    private static String names(Theme theme) {
        return (theme.code() + " " + theme.nameNl() + " " + theme.nameFr() + " " + theme.nameEn())
                .toLowerCase(Locale.ROOT);
    }

    private static <T> List<T> pageOf(List<T> all, int page, int perPage) {
        long from = (long) (page - 1) * perPage;
        return from >= all.size() ? List.of() : all.subList((int) from, (int) Math.min(all.size(), from + perPage));
    }
}
