package be.bruzel.directoryservice.hsds;

import be.bruzel.directoryservice.organisation.Location;
import be.bruzel.directoryservice.organisation.Organisation;
import be.bruzel.directoryservice.organisation.OrganisationAdministration;
import be.bruzel.directoryservice.organisation.SupportService;
import be.bruzel.directoryservice.organisation.Violation;
import be.bruzel.directoryservice.theme.ThemeAdministration;
import be.bruzel.platform.support.problem.RejectedRequestException;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Imports an HSDS data set from another social map: each organisation and service is created or
 * replaced by its identifier, so importing the same set twice changes nothing. One rejected
 * record rejects the whole set, with every reason, and nothing is stored.
 */
@Service
public class HsdsImport {

    /** HSDS names for the directory's fields, so that a report speaks the importer's language. */
    private static final Map<String, String> HSDS_FIELD = Map.ofEntries(
            Map.entry("nameNl", "name"),
            Map.entry("nameFr", "x_name_fr"),
            Map.entry("descriptionNl", "description"),
            Map.entry("descriptionFr", "x_description_fr"),
            Map.entry("intake.email", "email"),
            Map.entry("intake.team", "x_intake_team"),
            Map.entry("intake.language", "x_intake_language"),
            Map.entry("themes", "attributes"),
            Map.entry("languages", "languages"),
            Map.entry("serviceAreas", "service_areas"),
            Map.entry("locationIds", "service_at_locations"));

    private final OrganisationAdministration administration;
    private final ThemeAdministration themes;
    private final Validator validator;
    private final MessageSource messages;

    HsdsImport(
            OrganisationAdministration administration,
            ThemeAdministration themes,
            Validator validator,
            MessageSource messages) {
        this.administration = administration;
        this.themes = themes;
        this.validator = validator;
        this.messages = messages;
    }

    @Transactional
    public ImportReport importDataSet(String actorId, HsdsDataSet dataSet, boolean dryRun) {
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
                String locationRecord = record + " location " + hsdsLocation.id();
                HsdsMapping.Read<Location> location = HsdsMapping.location(hsdsLocation);
                location.violations().forEach(violation -> problems.add(rejection(locationRecord, violation)));
                problems.addAll(once(locationRecord, "location:" + hsdsLocation.id(), seen));
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
            HsdsMapping.Read<SupportService> service = HsdsMapping.service(hsdsService);
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
                    .withProperty("rejected", rejected);
        }
        if (dryRun) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
        }
        return new ImportReport(dryRun, counts, List.of());
    }

    /** The whole directory as an HSDS data set. */
    /** A page of the organisations, by name, with their locations and services. */
    HsdsDataSet export(int page, int size) {
        List<Organisation> organisations = administration.organisations(page, size);
        return HsdsMapping.dataSet(
                organisations,
                administration::locations,
                administration.servicesOf(
                        organisations.stream().map(Organisation::id).toList()),
                themes.all());
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
                messages.getMessage(
                        violation.messageCode(),
                        violation.arguments().toArray(),
                        violation.messageCode(),
                        LocaleContextHolder.getLocale()));
    }

    private static void count(
            Map<String, Map<String, Integer>> counts, String kind, OrganisationAdministration.Outcome outcome) {
        counts.computeIfAbsent(kind, ignored -> new LinkedHashMap<>(Map.of("created", 0, "updated", 0, "unchanged", 0)))
                .merge(outcome.name().toLowerCase(Locale.ROOT), 1, Integer::sum);
    }
}
