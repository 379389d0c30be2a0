package be.bruzel.directoryservice.hsds;

import be.bruzel.directoryservice.organisation.Location;
import be.bruzel.directoryservice.organisation.Organisation;
import be.bruzel.directoryservice.organisation.OrganisationAdministration;
import be.bruzel.directoryservice.organisation.SupportService;
import be.bruzel.directoryservice.organisation.Violation;
import be.bruzel.directoryservice.theme.Theme;
import be.bruzel.directoryservice.theme.ThemeAdministration;
import be.bruzel.platform.support.problem.RejectedRequestException;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Imports an HSDS 3.0 data set, the platform's own export or another social map's. A set that
 * breaks the official HSDS schema is refused with the schema's own error paths. Otherwise each
 * organisation and service is created or replaced by its identifier, so importing the same set
 * twice changes nothing; one record the platform cannot take rejects the whole set, with every
 * reason, and nothing is stored; what the platform does not keep is reported.
 */
@Service
public class HsdsImport {

    /** Bounds the 422 report of a broken data set: the first breaches say what is wrong. */
    static final int BREACHES_LISTED = 200;

    /** HSDS names for the directory's fields, so that a report speaks the importer's language. */
    private static final Map<String, String> HSDS_FIELD = Map.ofEntries(
            Map.entry("nameNl", "name"),
            Map.entry("nameFr", "x_name_fr"),
            Map.entry("descriptionNl", "description"),
            Map.entry("descriptionFr", "x_description_fr"),
            Map.entry("organisationId", "organization_id"),
            Map.entry("intake.email", "email"),
            Map.entry("intake.team", "x_intake_team"),
            Map.entry("intake.language", "x_intake_language"),
            Map.entry("eligibility.minimumAge", "minimum_age"),
            Map.entry("eligibility.maximumAge", "maximum_age"),
            Map.entry("eligibility.ageRangeInOrder", "maximum_age"),
            Map.entry("eligibility.targetGroups", "x_target_groups"),
            Map.entry("themes", "attributes"),
            Map.entry("languages", "languages"),
            Map.entry("serviceAreas", "service_areas"),
            Map.entry("locationIds", "service_at_locations"));

    private final OrganisationAdministration administration;
    private final ThemeAdministration themes;
    private final HsdsCatalogue catalogue;
    private final HsdsSchemas schemas;
    private final Validator validator;
    private final MessageSource messages;

    HsdsImport(
            OrganisationAdministration administration,
            ThemeAdministration themes,
            HsdsCatalogue catalogue,
            HsdsSchemas schemas,
            Validator validator,
            MessageSource messages) {
        this.administration = administration;
        this.themes = themes;
        this.catalogue = catalogue;
        this.schemas = schemas;
        this.validator = validator;
        this.messages = messages;
    }

    /** An HSDS JSON document: the platform's export, an array of services or a page of them. */
    @Transactional
    public ImportReport importJson(String actorId, byte[] json, boolean dryRun) {
        return importReceived(actorId, HsdsJson.received(json), dryRun);
    }

    @Transactional
    ImportReport importReceived(String actorId, HsdsJson.Received received, boolean dryRun) {
        refuseBreaches(received);
        HsdsDataSet dataSet = flattened(profiled(received));
        Ids ids = new Ids(dataSet);
        List<ImportReport.NotKept> notKept = notKept(received, dataSet, ids);

        List<ImportReport.Rejection> rejected = new ArrayList<>();
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < dataSet.organizations().size(); i++) {
            HsdsDataSet.Organization organization = dataSet.organizations().get(i);
            String record = "organizations[" + i + "] " + organization.id();
            List<ImportReport.Rejection> problems =
                    new ArrayList<>(once(record, "organization:" + organization.id(), seen));
            Organisation organisation = HsdsMapping.organisation(organization);
            problems.addAll(checked(record, organisation));
            List<Location> locations = new ArrayList<>();
            for (HsdsDataSet.Location hsdsLocation : organization.locations()) {
                if (!HsdsMapping.kept(hsdsLocation)) {
                    continue;
                }
                String locationRecord = record + " location " + hsdsLocation.id();
                problems.addAll(once(locationRecord, "location:" + hsdsLocation.id(), seen));
                HsdsMapping.Read<Location> location = HsdsMapping.location(hsdsLocation);
                location.violations().forEach(violation -> problems.add(rejection(locationRecord, violation)));
                if (location.value() != null) {
                    problems.addAll(checked(locationRecord, location.value()));
                    locations.add(location.value());
                }
            }
            if (problems.isEmpty()) {
                count(counts, "organizations", administration.upsert(actorId, organisation, locations));
            }
            rejected.addAll(problems);
        }
        for (int i = 0; i < dataSet.services().size(); i++) {
            HsdsDataSet.Service hsdsService = dataSet.services().get(i);
            String record = "services[" + i + "] " + hsdsService.id();
            HsdsMapping.Read<SupportService> service =
                    HsdsMapping.service(hsdsService, ids.organizations.get(hsdsService.organizationId()), ids);
            List<ImportReport.Rejection> problems = new ArrayList<>();
            service.violations().forEach(violation -> problems.add(rejection(record, violation)));
            problems.addAll(once(record, "service:" + hsdsService.id(), seen));
            problems.addAll(checked(record, service.value()));
            if (problems.isEmpty()) {
                administration
                        .violations(service.value())
                        .forEach(violation -> problems.add(rejection(record, violation)));
            }
            if (problems.isEmpty()) {
                count(counts, "services", administration.upsert(actorId, service.value()));
            }
            rejected.addAll(problems);
        }
        if (!rejected.isEmpty()) {
            throw new RejectedRequestException(
                            HttpStatus.UNPROCESSABLE_CONTENT, "hsds.import.rejected", null, rejected.size())
                    .withProperty("rejected", rejected)
                    .withProperty("notKept", notKept);
        }
        if (dryRun) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
        }
        return new ImportReport(dryRun, counts, List.of(), notKept);
    }

    /** A page of the organisations, by name, with their locations and services. */
    HsdsDataSet export(int page, int size) {
        List<Organisation> organisations = administration.organisations(page, size);
        List<SupportService> services = administration.servicesOf(
                organisations.stream().map(Organisation::id).toList());
        Map<String, java.time.Instant> modified =
                catalogue.lastModified(services.stream().map(SupportService::id).toList());
        Map<String, List<Location>> locations = administration.locationsOf(
                organisations.stream().map(Organisation::id).toList());
        return HsdsMapping.dataSet(
                organisations, id -> locations.getOrDefault(id, List.of()), services, themes.all(), modified::get);
    }

    /** The platform's x_ fields are not in the HSDS schema: one of the wrong shape is refused like a breach. */
    private static HsdsDataSet profiled(HsdsJson.Received received) {
        try {
            return received.dataSet();
        } catch (JacksonException misshapen) {
            throw new RejectedRequestException(HttpStatus.UNPROCESSABLE_CONTENT, "hsds.import.invalid", null, 1)
                    .withProperty(
                            "errors",
                            List.of(new HsdsSchemas.Breach(
                                    pointer(received, misshapen), misshapen.getOriginalMessage())));
        }
    }

    /** Where in the document received a field of the wrong shape lies, as a JSON pointer. */
    private static String pointer(HsdsJson.Received received, JacksonException misshapen) {
        StringBuilder pointer = new StringBuilder();
        for (JacksonException.Reference step : misshapen.getPath()) {
            pointer.append('/').append(step.getPropertyName() != null ? step.getPropertyName() : step.getIndex());
        }
        String at = pointer.toString();
        return at.startsWith("/services")
                ? received.servicesAt() + at.substring("/services".length())
                : received.organizationsAt() + at.substring(Math.min(at.length(), "/organizations".length()));
    }

    /** A set that breaks the HSDS schema is refused whole, with the schema's own paths and words. */
    private void refuseBreaches(HsdsJson.Received received) {
        Locale locale = LocaleContextHolder.getLocale();
        List<HsdsSchemas.Breach> breaches = new ArrayList<>();
        for (int i = 0; i < received.organizations().size(); i++) {
            breaches.addAll(schemas.breaches(
                    HsdsSchemas.ORGANIZATION,
                    received.organizations().get(i),
                    received.organizationsAt() + "/" + i,
                    locale));
        }
        for (int i = 0; i < received.services().size(); i++) {
            breaches.addAll(schemas.breaches(
                    HsdsSchemas.SERVICE, received.services().get(i), received.servicesAt() + "/" + i, locale));
        }
        if (!breaches.isEmpty()) {
            throw new RejectedRequestException(
                            HttpStatus.UNPROCESSABLE_CONTENT, "hsds.import.invalid", null, breaches.size())
                    .withProperty("errors", breaches.subList(0, Math.min(breaches.size(), BREACHES_LISTED)));
        }
    }

    private List<ImportReport.NotKept> notKept(HsdsJson.Received received, HsdsDataSet read, Ids ids) {
        Map<String, Integer> fields = new LinkedHashMap<>();
        received.tablesNotKept().forEach(table -> fields.merge(table, 1, Integer::sum));
        received.organizations()
                .forEach(organization -> KeptFields.notKept("organizations", organization)
                        .forEach(path -> fields.merge(path, 1, Integer::sum)));
        received.services()
                .forEach(service ->
                        KeptFields.notKept("services", service).forEach(path -> fields.merge(path, 1, Integer::sum)));
        List<ImportReport.NotKept> notKept = new ArrayList<>();
        fields.forEach((field, records) -> notKept.add(new ImportReport.NotKept(field, records, say("hsds.not-kept"))));
        Map<String, Integer> others = new LinkedHashMap<>();
        for (JsonNode service : received.services()) {
            for (JsonNode area : service.path("service_areas")) {
                if (!HsdsDataSet.PLACE_EXTENT.equals(area.path("extent_type").asString(""))) {
                    others.merge(
                            "services[].service_areas[]|hsds.not-kept.area|"
                                    + area.path("extent_type").asString(""),
                            1,
                            Integer::sum);
                }
            }
        }
        for (HsdsDataSet.Service service : read.services()) {
            for (HsdsDataSet.Attribute attribute : service.attributes()) {
                if (ids.theme(attribute).isEmpty()) {
                    HsdsDataSet.TaxonomyTerm term = attribute.taxonomyTerm();
                    others.merge(
                            "services[].attributes[]|hsds.not-kept.term|"
                                    + (term == null
                                            ? attribute.taxonomyTermId()
                                            : term.name() + " (" + term.taxonomy() + ")"),
                            1,
                            Integer::sum);
                }
            }
        }
        for (HsdsDataSet.Organization organization : read.organizations()) {
            for (HsdsDataSet.Location location : organization.locations()) {
                if (!HsdsMapping.kept(location)) {
                    others.merge(
                            "organizations[].locations[]|hsds.not-kept.location|" + location.locationType(),
                            1,
                            Integer::sum);
                }
            }
        }
        others.forEach((key, records) -> {
            String[] parts = key.split("\\|", 3);
            notKept.add(new ImportReport.NotKept(parts[0], records, say(parts[1], parts[2])));
        });
        return notKept;
    }

    /**
     * One list of organisations and one of services, whatever the nesting received: services inside
     * their organization, the organization inside its service, a location inside its
     * service_at_location.
     */
    private static HsdsDataSet flattened(HsdsDataSet dataSet) {
        Map<String, HsdsDataSet.Organization> organizations = new LinkedHashMap<>();
        Map<String, List<HsdsDataSet.Location>> nestedLocations = new HashMap<>();
        List<HsdsDataSet.Service> services = new ArrayList<>(dataSet.services());
        for (HsdsDataSet.Organization organization : dataSet.organizations()) {
            organizations.putIfAbsent(organization.id(), organization);
            organization.services().stream()
                    .map(service -> service.organizationId() == null
                            ? service.with(organization.id(), service.organization())
                            : service)
                    .forEach(services::add);
        }
        List<HsdsDataSet.Service> flat = new ArrayList<>();
        for (HsdsDataSet.Service service : services) {
            HsdsDataSet.Organization nested = service.organization();
            String organizationId =
                    service.organizationId() != null ? service.organizationId() : nested == null ? null : nested.id();
            if (nested != null) {
                organizations.putIfAbsent(nested.id(), nested);
            }
            for (HsdsDataSet.ServiceAtLocation at : service.serviceAtLocations()) {
                if (at.location() != null && organizationId != null) {
                    nestedLocations
                            .computeIfAbsent(organizationId, ignored -> new ArrayList<>())
                            .add(at.location());
                }
            }
            flat.add(
                    service.organizationId() == null && organizationId != null
                            ? service.with(organizationId, nested)
                            : service);
        }
        List<HsdsDataSet.Organization> withLocations = organizations.values().stream()
                .map(organization -> {
                    Map<String, HsdsDataSet.Location> locations = new LinkedHashMap<>();
                    organization.locations().forEach(location -> locations.putIfAbsent(location.id(), location));
                    nestedLocations
                            .getOrDefault(organization.id(), List.of())
                            .forEach(location -> locations.putIfAbsent(location.id(), location));
                    return new HsdsDataSet.Organization(
                            organization.id(),
                            organization.xId(),
                            organization.name(),
                            organization.description(),
                            organization.email(),
                            organization.website(),
                            organization.xNameFr(),
                            organization.xDescriptionFr(),
                            List.copyOf(locations.values()),
                            List.of());
                })
                .toList();
        return new HsdsDataSet(HsdsDataSet.VERSION, withLocations, flat);
    }

    /** The directory's ids for the UUIDs a data set refers to: its own records first, then the directory's. */
    private final class Ids implements HsdsMapping.DirectoryIds {

        final Map<String, HsdsDataSet.Organization> organizations = new HashMap<>();
        private final Map<String, String> locations = new HashMap<>();
        private final Map<String, String> themeByTerm;

        Ids(HsdsDataSet dataSet) {
            for (HsdsDataSet.Organization organization : dataSet.organizations()) {
                organizations.put(organization.id(), organization);
                for (HsdsDataSet.Location location : organization.locations()) {
                    locations.put(location.id(), HsdsIds.directoryId(HsdsIds.LOCATION, location.id(), location.xId()));
                }
            }
            themeByTerm = themes.all().stream()
                    .collect(Collectors.toMap(theme -> HsdsIds.of(HsdsIds.TAXONOMY_TERM, theme.code()), Theme::code));
        }

        @Override
        public String organisation(String uuid) {
            HsdsDataSet.Organization inSet = organizations.get(uuid);
            if (inSet != null) {
                return HsdsIds.directoryId(HsdsIds.ORGANIZATION, inSet.id(), inSet.xId());
            }
            return catalogue.organisationId(uuid).orElse(uuid.toLowerCase(Locale.ROOT));
        }

        @Override
        public String location(String uuid) {
            String inSet = locations.get(uuid);
            return inSet != null ? inSet : catalogue.locationId(uuid).orElse(uuid.toLowerCase(Locale.ROOT));
        }

        @Override
        public Optional<String> theme(HsdsDataSet.Attribute attribute) {
            HsdsDataSet.TaxonomyTerm term = attribute.taxonomyTerm();
            if (term != null
                    && term.code() != null
                    && (HsdsMapping.THEMES.id().equals(term.taxonomyId())
                            || HsdsDataSet.THEMES_TAXONOMY.equals(term.taxonomy()))) {
                return Optional.of(term.code());
            }
            String termId = term != null && term.id() != null ? term.id() : attribute.taxonomyTermId();
            return Optional.ofNullable(termId == null ? null : themeByTerm.get(termId.toLowerCase(Locale.ROOT)));
        }
    }

    private List<ImportReport.Rejection> checked(String record, Object value) {
        return validator.validate(value).stream()
                .map(violation -> new ImportReport.Rejection(
                        record,
                        HSDS_FIELD.getOrDefault(
                                violation.getPropertyPath().toString(),
                                violation.getPropertyPath().toString()),
                        violation.getMessage()))
                .toList();
    }

    private List<ImportReport.Rejection> once(String record, String key, Set<String> seen) {
        return seen.add(key) ? List.of() : List.of(rejection(record, Violation.of("id", "hsds.id.twice")));
    }

    private ImportReport.Rejection rejection(String record, Violation violation) {
        return new ImportReport.Rejection(
                record,
                HSDS_FIELD.getOrDefault(violation.field(), violation.field()),
                say(violation.messageCode(), violation.arguments().toArray()));
    }

    private String say(String code, Object... arguments) {
        return messages.getMessage(code, arguments, code, LocaleContextHolder.getLocale());
    }

    private static void count(
            Map<String, Map<String, Integer>> counts, String kind, OrganisationAdministration.Outcome outcome) {
        counts.computeIfAbsent(kind, ignored -> new LinkedHashMap<>(Map.of("created", 0, "updated", 0, "unchanged", 0)))
                .merge(outcome.name().toLowerCase(Locale.ROOT), 1, Integer::sum);
    }
}
