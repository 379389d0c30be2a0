package be.bruzel.directoryservice.hsds;

import be.bruzel.directoryservice.organisation.Location;
import be.bruzel.directoryservice.organisation.Organisation;
import be.bruzel.directoryservice.organisation.SupportService;
import be.bruzel.directoryservice.organisation.Violation;
import be.bruzel.directoryservice.territory.PlaceRef;
import be.bruzel.directoryservice.theme.Theme;
import be.bruzel.platform.routing.TargetGroup;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Between HSDS 3.0 records and the directory's own; what cannot be read becomes a rejection. */
public final class HsdsMapping {

    private static final List<String> DAYS = List.of("MO", "TU", "WE", "TH", "FR", "SA", "SU");

    static final HsdsDataSet.Taxonomy THEMES = new HsdsDataSet.Taxonomy(
            HsdsIds.of(HsdsIds.TAXONOMY, HsdsDataSet.THEMES_TAXONOMY),
            "BruZEL themes",
            "The needs a referral can be about on the Brussels social referral platform, named in Dutch, French and"
                    + " English; each service names the themes it takes referrals on.",
            "1");

    private HsdsMapping() {}

    /** A record read from HSDS as far as it can be, and what could not be read of it. */
    record Read<T>(T value, List<Violation> violations) {}

    /** The directory's ids for the HSDS UUIDs an imported record refers to. */
    interface DirectoryIds {

        String organisation(String uuid);

        String location(String uuid);

        /** The theme an attribute names, if it is a term of the platform's themes taxonomy. */
        Optional<String> theme(HsdsDataSet.Attribute attribute);
    }

    // ---- from HSDS

    static Organisation organisation(HsdsDataSet.Organization organization) {
        return new Organisation(
                HsdsIds.directoryId(HsdsIds.ORGANIZATION, organization.id(), organization.xId()),
                organization.name(),
                orElse(organization.xNameFr(), organization.name()),
                organization.description(),
                orElse(organization.xDescriptionFr(), organization.description()),
                organization.email(),
                organization.website(),
                null);
    }

    /** Only physical locations are kept: a referral needs a place where people are received. */
    static boolean kept(HsdsDataSet.Location location) {
        return location.locationType() == null || "physical".equals(location.locationType());
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
                        HsdsIds.directoryId(HsdsIds.LOCATION, location.id(), location.xId()),
                        location.name() == null ? address.address1() : location.name(),
                        address.address1(),
                        address.postalCode(),
                        address.city(),
                        degrees(location.latitude()),
                        degrees(location.longitude())),
                List.of());
    }

    static Read<SupportService> service(
            HsdsDataSet.Service service, HsdsDataSet.Organization organization, DirectoryIds ids) {
        List<Violation> rejections = new ArrayList<>();
        SupportService.Capacity capacity = "temporarily closed".equals(service.status())
                ? new SupportService.Capacity(SupportService.Capacity.Status.PAUSED, null)
                : SupportService.Capacity.OPEN;
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
        Set<TargetGroup> groups = EnumSet.noneOf(TargetGroup.class);
        for (String group : service.xTargetGroups()) {
            try {
                groups.add(TargetGroup.valueOf(group.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException | NullPointerException unreadable) {
                rejections.add(Violation.of("x_target_groups", "hsds.target-group.unknown", group));
            }
        }
        List<PlaceRef> areas = new ArrayList<>();
        for (HsdsDataSet.ServiceArea area : service.serviceAreas()) {
            if (!HsdsDataSet.PLACE_EXTENT.equals(area.extentType())) {
                continue; // another map's kind of area: reported as not kept
            }
            try {
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
        String intakeEmail = Stream.concat(
                        Stream.of(service.email()),
                        Stream.concat(
                                service.contacts().stream().map(HsdsDataSet.Contact::email),
                                Stream.of(organization == null ? null : organization.email())))
                .filter(email -> email != null && !email.isBlank())
                .findFirst()
                .orElse(null);
        SupportService read = new SupportService(
                HsdsIds.directoryId(HsdsIds.SERVICE, service.id(), service.xId()),
                service.organizationId() == null ? null : ids.organisation(service.organizationId()),
                service.name(),
                orElse(service.xNameFr(), service.name()),
                service.description(),
                orElse(service.xDescriptionFr(), service.description()),
                "active".equals(service.status()) || "temporarily closed".equals(service.status()),
                new SupportService.Intake(
                        orElse(service.xIntakeTeam(), service.name()), intakeEmail, service.xIntakeLanguage()),
                capacity,
                new SupportService.Eligibility(service.minimumAge(), service.maximumAge(), List.copyOf(groups)),
                service.attributes().stream()
                        .map(ids::theme)
                        .flatMap(Optional::stream)
                        .toList(),
                service.languages().stream()
                        .map(HsdsDataSet.Language::code)
                        .filter(code -> code != null && !code.isBlank())
                        .map(HsdsMapping::primaryLanguage)
                        .toList(),
                areas,
                service.serviceAtLocations().stream()
                        .map(HsdsDataSet.ServiceAtLocation::locationId)
                        .filter(id -> id != null)
                        .map(ids::location)
                        .toList(),
                service.contacts().stream()
                        .filter(contact -> contact.name() != null)
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

    /** Coordinates as the directory keeps them (six decimals), so that reading one back finds it unchanged. */
    private static BigDecimal degrees(BigDecimal coordinate) {
        return coordinate == null ? null : coordinate.setScale(6, RoundingMode.HALF_UP);
    }

    /** {@code en-GB} is English for the platform, which speaks languages, not regions. */
    private static String primaryLanguage(String code) {
        return code.strip().toLowerCase(Locale.ROOT).split("[-_]")[0];
    }

    // ---- to HSDS

    /**
     * The directory as HSDS.
     *
     * @param lastModified when each service (by id) last changed; null where not known
     */
    public static HsdsDataSet dataSet(
            List<Organisation> organisations,
            Function<String, List<Location>> locationsOf,
            List<SupportService> services,
            List<Theme> themes,
            Function<String, Instant> lastModified) {
        Map<String, Theme> themeByCode = themes.stream().collect(Collectors.toMap(Theme::code, Function.identity()));
        return new HsdsDataSet(
                HsdsDataSet.VERSION,
                organisations.stream()
                        .map(organisation -> organization(organisation, locationsOf.apply(organisation.id())))
                        .toList(),
                services.stream()
                        .map(service -> service(service, themeByCode, lastModified.apply(service.id())))
                        .toList());
    }

    static HsdsDataSet.Organization organization(Organisation organisation, List<Location> locations) {
        String uuid = HsdsIds.of(HsdsIds.ORGANIZATION, organisation.id());
        return new HsdsDataSet.Organization(
                uuid,
                xId(organisation.id()),
                organisation.nameNl(),
                organisation.descriptionNl(),
                organisation.email(),
                organisation.website(),
                organisation.nameFr(),
                organisation.descriptionFr(),
                locations.stream().map(location -> location(location, uuid)).toList(),
                List.of());
    }

    static HsdsDataSet.Location location(Location location, String organizationUuid) {
        String uuid = HsdsIds.of(HsdsIds.LOCATION, location.id());
        return new HsdsDataSet.Location(
                uuid,
                xId(location.id()),
                "physical",
                organizationUuid,
                location.name(),
                location.latitude(),
                location.longitude(),
                List.of(new HsdsDataSet.Address(
                        HsdsIds.part(uuid, "address", "physical"),
                        uuid,
                        location.address(),
                        location.city(),
                        province(location.postcode()),
                        location.postcode(),
                        "BE",
                        "physical")));
    }

    static HsdsDataSet.Service service(SupportService service, Map<String, Theme> themes, Instant lastModified) {
        String uuid = HsdsIds.of(HsdsIds.SERVICE, service.id());
        List<HsdsDataSet.Contact> contacts = new ArrayList<>();
        for (int i = 0; i < service.contacts().size(); i++) {
            SupportService.Contact contact = service.contacts().get(i);
            String contactUuid = HsdsIds.part(uuid, "contact", i);
            contacts.add(new HsdsDataSet.Contact(
                    contactUuid,
                    uuid,
                    contact.name(),
                    contact.email(),
                    contact.phone() == null
                            ? List.of()
                            : List.of(new HsdsDataSet.Phone(
                                    HsdsIds.part(contactUuid, "phone", 0), contactUuid, contact.phone()))));
        }
        return new HsdsDataSet.Service(
                uuid,
                xId(service.id()),
                HsdsIds.of(HsdsIds.ORGANIZATION, service.organisationId()),
                service.nameNl(),
                service.descriptionNl(),
                service.intake().email(),
                service.active() ? "active" : "inactive",
                lastModified == null ? null : lastModified.toString(),
                service.nameFr(),
                service.descriptionFr(),
                service.intake().team(),
                service.intake().language(),
                new HsdsDataSet.Capacity(
                        service.capacity().status().name().toLowerCase(Locale.ROOT),
                        service.capacity().fullUntil() == null
                                ? null
                                : service.capacity().fullUntil().toString()),
                service.eligibility().minimumAge(),
                service.eligibility().maximumAge(),
                service.eligibility().targetGroups().stream().map(Enum::name).toList(),
                service.languages().stream()
                        .map(code -> new HsdsDataSet.Language(
                                HsdsIds.part(uuid, "language", code), uuid, code, languageName(code)))
                        .toList(),
                service.serviceAreas().stream()
                        .map(area -> new HsdsDataSet.ServiceArea(
                                HsdsIds.part(uuid, "service_area", area),
                                uuid,
                                area.toString(),
                                area.toString(),
                                HsdsDataSet.PLACE_EXTENT))
                        .toList(),
                service.themes().stream()
                        .map(code -> {
                            HsdsDataSet.TaxonomyTerm term = term(code, themes.get(code));
                            return new HsdsDataSet.Attribute(
                                    HsdsIds.part(uuid, "attribute", code), uuid, "service", "service", term.id(), term);
                        })
                        .toList(),
                service.locationIds().stream()
                        .map(location -> new HsdsDataSet.ServiceAtLocation(
                                HsdsIds.part(uuid, "service_at_location", location),
                                uuid,
                                HsdsIds.of(HsdsIds.LOCATION, location),
                                null))
                        .toList(),
                contacts,
                service.openingHours().stream()
                        .map(hours -> new HsdsDataSet.Schedule(
                                HsdsIds.part(uuid, "schedule", hours.weekday() + "@" + hours.opensAt()),
                                uuid,
                                "WEEKLY",
                                DAYS.get(hours.weekday() - 1),
                                hours.opensAt().toString(),
                                hours.closesAt().toString()))
                        .toList(),
                null);
    }

    /** A theme as a term of the themes taxonomy; a theme not known (yet) is named by its code. */
    static HsdsDataSet.TaxonomyTerm term(String code, Theme theme) {
        return new HsdsDataSet.TaxonomyTerm(
                HsdsIds.of(HsdsIds.TAXONOMY_TERM, code),
                code,
                theme == null ? code : theme.nameNl(),
                theme == null ? code : theme.nameNl() + " / " + theme.nameFr() + " / " + theme.nameEn(),
                HsdsDataSet.THEMES_TAXONOMY,
                THEMES.id(),
                null);
    }

    /** The platform's own id where the UUID is derived from one; none where the id is the UUID. */
    private static String xId(String id) {
        return HsdsIds.isUuid(id) ? null : id;
    }

    /**
     * HSDS asks for the state or province of an address; in Belgium the postcode tells it (bpost's
     * ranges), Brussels being a region of its own.
     */
    static String province(String postcode) {
        int code = Integer.parseInt(postcode);
        if (code < 1300) {
            return "Brussels Hoofdstedelijk Gewest";
        }
        if (code < 1500) {
            return "Waals-Brabant";
        }
        if (code < 2000 || (code >= 3000 && code < 3500)) {
            return "Vlaams-Brabant";
        }
        if (code < 3000) {
            return "Antwerpen";
        }
        if (code < 4000) {
            return "Limburg";
        }
        if (code < 5000) {
            return "Luik";
        }
        if (code < 6000) {
            return "Namen";
        }
        if (code < 6600 || (code >= 7000 && code < 8000)) {
            return "Henegouwen";
        }
        if (code < 7000) {
            return "Luxemburg";
        }
        return code < 9000 ? "West-Vlaanderen" : "Oost-Vlaanderen";
    }

    private static String languageName(String code) {
        return Locale.of(code).getDisplayLanguage(Locale.of(code));
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
