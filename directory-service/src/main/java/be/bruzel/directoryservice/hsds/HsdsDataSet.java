package be.bruzel.directoryservice.hsds;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/**
 * An Open Referral HSDS 3.0 data set: organizations with their locations, and services with
 * their languages, service areas, theme attributes, locations, contacts and schedules.
 * HSDS has one language per text; the French names and descriptions, the intake team and the
 * capacity travel in {@code x_} extension fields, which other HSDS readers ignore.
 * Field names are HSDS's own (snake_case on the wire).
 */
public record HsdsDataSet(String hsdsVersion, List<Organization> organizations, List<Service> services) {

    public static final String VERSION = "3.0";

    /** The taxonomy whose terms are the platform's themes. */
    public static final String THEMES_TAXONOMY = "bruzel-themes";

    /** The extent type of a service area naming a place of the territory, e.g. {@code MUNICIPALITY:21010}. */
    public static final String PLACE_EXTENT = "bruzel_place";

    public HsdsDataSet {
        organizations = organizations == null ? List.of() : organizations;
        services = services == null ? List.of() : services;
    }

    public record Organization(
            String id,
            String name,
            String description,
            String email,
            String website,
            String xNameFr,
            String xDescriptionFr,
            List<Location> locations) {

        public Organization {
            locations = locations == null ? List.of() : locations;
        }
    }

    public record Location(String id, String name, BigDecimal latitude, BigDecimal longitude, List<Address> addresses) {

        public Location {
            addresses = addresses == null ? List.of() : addresses;
        }
    }

    public record Address(
            @JsonProperty("address_1") String address1,
            String city,
            String postalCode,
            String country,
            String addressType) {}

    /** @param status HSDS: {@code active}, {@code inactive}, {@code defunct} or {@code temporarily closed} */
    public record Service(
            String id,
            String organizationId,
            String name,
            String description,
            String email,
            String status,
            String xNameFr,
            String xDescriptionFr,
            String xIntakeTeam,
            String xIntakeLanguage,
            Capacity xCapacity,
            List<Language> languages,
            List<ServiceArea> serviceAreas,
            List<Attribute> attributes,
            List<ServiceAtLocation> serviceAtLocations,
            List<Contact> contacts,
            List<Schedule> schedules) {

        public Service {
            languages = languages == null ? List.of() : languages;
            serviceAreas = serviceAreas == null ? List.of() : serviceAreas;
            attributes = attributes == null ? List.of() : attributes;
            serviceAtLocations = serviceAtLocations == null ? List.of() : serviceAtLocations;
            contacts = contacts == null ? List.of() : contacts;
            schedules = schedules == null ? List.of() : schedules;
        }
    }

    /** @param status {@code open}, {@code full} or {@code paused} */
    public record Capacity(String status, String fullUntil) {}

    public record Language(String code, String name) {}

    public record ServiceArea(String name, String extent, String extentType) {}

    public record Attribute(TaxonomyTerm taxonomyTerm) {}

    public record TaxonomyTerm(String code, String name, String taxonomy) {}

    public record ServiceAtLocation(String locationId) {}

    public record Contact(String name, String email, List<Phone> phones) {

        public Contact {
            phones = phones == null ? List.of() : phones;
        }
    }

    public record Phone(String number) {}

    /** @param byday iCal weekday: {@code MO} ... {@code SU} */
    public record Schedule(String byday, String opensAt, String closesAt) {}
}
