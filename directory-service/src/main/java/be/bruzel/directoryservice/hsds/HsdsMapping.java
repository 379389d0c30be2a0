package be.bruzel.directoryservice.hsds;

import be.bruzel.directoryservice.organisation.Location;
import be.bruzel.directoryservice.organisation.Organisation;
import be.bruzel.directoryservice.organisation.SupportService;
import be.bruzel.directoryservice.organisation.Violation;
import be.bruzel.directoryservice.territory.PlaceRef;
import be.bruzel.directoryservice.theme.Theme;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Between HSDS 3.0 records and the directory's own; what cannot be read becomes a rejection. */
final class HsdsMapping {

    private static final List<String> DAYS = List.of("MO", "TU", "WE", "TH", "FR", "SA", "SU");

    private HsdsMapping() {}

    /** A record read from HSDS as far as it can be, and what could not be read of it. */
    record Read<T>(T value, List<Violation> violations) {}

    static Organisation organisation(HsdsDataSet.Organization organization) {
        return new Organisation(
                organization.id(),
                organization.name(),
                orElse(organization.xNameFr(), organization.name()),
                organization.description(),
                orElse(organization.xDescriptionFr(), organization.description()),
                organization.email(),
                organization.website(),
                null);
    }

    static Read<Location> location(HsdsDataSet.Location location) {
        HsdsDataSet.Address address = location.addresses().stream()
                .filter(candidate -> candidate.addressType() == null || "physical".equals(candidate.addressType()))
                .findFirst()
                .orElse(null);
        if (address == null) {
            return new Read<>(null, List.of(Violation.of("addresses", "hsds.address.missing")));
        }
        return new Read<>(
                new Location(
                        location.id(),
                        location.name(),
                        address.address1(),
                        address.postalCode(),
                        address.city(),
                        location.latitude(),
                        location.longitude()),
                List.of());
    }

    static Read<SupportService> service(HsdsDataSet.Service service) {
        List<Violation> rejections = new ArrayList<>();
        SupportService.Capacity capacity = SupportService.Capacity.OPEN;
        if (service.xCapacity() != null) {
            try {
                capacity = new SupportService.Capacity(
                        SupportService.Capacity.Status.valueOf(
                                service.xCapacity().status().toUpperCase(Locale.ROOT)),
                        service.xCapacity().fullUntil() == null
                                ? null
                                : LocalDate.parse(service.xCapacity().fullUntil()));
            } catch (IllegalArgumentException | NullPointerException | DateTimeParseException unreadable) {
                rejections.add(Violation.of("x_capacity", "hsds.capacity.unreadable"));
            }
        }
        List<PlaceRef> areas = new ArrayList<>();
        for (HsdsDataSet.ServiceArea area : service.serviceAreas()) {
            try {
                if (!HsdsDataSet.PLACE_EXTENT.equals(area.extentType())) {
                    throw new IllegalArgumentException();
                }
                areas.add(PlaceRef.parse(area.extent()));
            } catch (IllegalArgumentException | NullPointerException unreadable) {
                rejections.add(Violation.of("service_areas", "hsds.service-area.unreadable", area.extent()));
            }
        }
        List<SupportService.OpeningHours> hours = new ArrayList<>();
        for (HsdsDataSet.Schedule schedule : service.schedules()) {
            try {
                for (String day : schedule.byday().split(",")) {
                    int weekday = DAYS.indexOf(day.strip()) + 1;
                    if (weekday == 0) {
                        throw new IllegalArgumentException(day);
                    }
                    hours.add(new SupportService.OpeningHours(
                            weekday, LocalTime.parse(schedule.opensAt()), LocalTime.parse(schedule.closesAt())));
                }
            } catch (IllegalArgumentException | NullPointerException | DateTimeParseException unreadable) {
                rejections.add(Violation.of("schedules", "hsds.schedule.unreadable"));
            }
        }
        SupportService read = new SupportService(
                service.id(),
                service.organizationId(),
                service.name(),
                orElse(service.xNameFr(), service.name()),
                service.description(),
                orElse(service.xDescriptionFr(), service.description()),
                "active".equals(service.status()),
                new SupportService.Intake(
                        orElse(service.xIntakeTeam(), service.name()), service.email(), service.xIntakeLanguage()),
                capacity,
                service.attributes().stream()
                        .map(HsdsDataSet.Attribute::taxonomyTerm)
                        .filter(term -> term != null && HsdsDataSet.THEMES_TAXONOMY.equals(term.taxonomy()))
                        .map(HsdsDataSet.TaxonomyTerm::code)
                        .toList(),
                service.languages().stream().map(HsdsDataSet.Language::code).toList(),
                areas,
                service.serviceAtLocations().stream()
                        .map(HsdsDataSet.ServiceAtLocation::locationId)
                        .toList(),
                service.contacts().stream()
                        .map(contact -> new SupportService.Contact(
                                contact.name(),
                                contact.email(),
                                contact.phones().stream()
                                        .map(HsdsDataSet.Phone::number)
                                        .findFirst()
                                        .orElse(null)))
                        .toList(),
                hours,
                null);
        return new Read<>(read, rejections);
    }

    static HsdsDataSet dataSet(
            List<Organisation> organisations,
            Function<String, List<Location>> locationsOf,
            List<SupportService> services,
            List<Theme> themes) {
        Map<String, Theme> themeByCode = themes.stream().collect(Collectors.toMap(Theme::code, Function.identity()));
        return new HsdsDataSet(
                HsdsDataSet.VERSION,
                organisations.stream()
                        .map(organisation -> new HsdsDataSet.Organization(
                                organisation.id(),
                                organisation.nameNl(),
                                organisation.descriptionNl(),
                                organisation.email(),
                                organisation.website(),
                                organisation.nameFr(),
                                organisation.descriptionFr(),
                                locationsOf.apply(organisation.id()).stream()
                                        .map(location -> new HsdsDataSet.Location(
                                                location.id(),
                                                location.name(),
                                                location.latitude(),
                                                location.longitude(),
                                                List.of(new HsdsDataSet.Address(
                                                        location.address(),
                                                        location.city(),
                                                        location.postcode(),
                                                        "BE",
                                                        "physical"))))
                                        .toList()))
                        .toList(),
                services.stream()
                        .map(service -> new HsdsDataSet.Service(
                                service.id(),
                                service.organisationId(),
                                service.nameNl(),
                                service.descriptionNl(),
                                service.intake().email(),
                                service.active() ? "active" : "inactive",
                                service.nameFr(),
                                service.descriptionFr(),
                                service.intake().team(),
                                service.intake().language(),
                                new HsdsDataSet.Capacity(
                                        service.capacity().status().name().toLowerCase(Locale.ROOT),
                                        service.capacity().fullUntil() == null
                                                ? null
                                                : service.capacity().fullUntil().toString()),
                                service.languages().stream()
                                        .map(code -> new HsdsDataSet.Language(code, languageName(code)))
                                        .toList(),
                                service.serviceAreas().stream()
                                        .map(area -> new HsdsDataSet.ServiceArea(
                                                area.toString(), area.toString(), HsdsDataSet.PLACE_EXTENT))
                                        .toList(),
                                service.themes().stream()
                                        .map(code -> new HsdsDataSet.Attribute(new HsdsDataSet.TaxonomyTerm(
                                                code,
                                                themeByCode.containsKey(code)
                                                        ? themeByCode.get(code).nameNl()
                                                        : code,
                                                HsdsDataSet.THEMES_TAXONOMY)))
                                        .toList(),
                                service.locationIds().stream()
                                        .map(HsdsDataSet.ServiceAtLocation::new)
                                        .toList(),
                                service.contacts().stream()
                                        .map(contact -> new HsdsDataSet.Contact(
                                                contact.name(),
                                                contact.email(),
                                                contact.phone() == null
                                                        ? List.of()
                                                        : List.of(new HsdsDataSet.Phone(contact.phone()))))
                                        .toList(),
                                service.openingHours().stream()
                                        .map(hours -> new HsdsDataSet.Schedule(
                                                DAYS.get(hours.weekday() - 1),
                                                hours.opensAt().toString(),
                                                hours.closesAt().toString()))
                                        .toList()))
                        .toList());
    }

    private static String languageName(String code) {
        return Locale.of(code).getDisplayLanguage(Locale.of(code));
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
