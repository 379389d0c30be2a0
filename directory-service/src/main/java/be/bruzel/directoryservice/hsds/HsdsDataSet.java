package be.bruzel.directoryservice.hsds;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/**
 * An Open Referral HSDS 3.0 data set: organizations with their locations, and services with
 * their languages, service areas, theme attributes, locations, contacts and schedules. Every object
 * has its UUID {@code id} ({@link HsdsIds}); field names are HSDS's own (snake_case on the wire).
 *
 * <p>The platform's profile of HSDS ({@code docs/hsds-profile.md}): HSDS has one language per text,
 * so the French names and descriptions travel in {@code x_name_fr} and {@code x_description_fr};
 * the intake team, its mailbox language and the capacity in {@code x_intake_team},
 * {@code x_intake_language} and {@code x_capacity}, the groups a service is for in {@code x_target_groups}; {@code x_id} is the platform's own id that the
 * UUID is derived from. Other HSDS readers ignore {@code x_} fields.
 *
 * <p>A data set read from another publisher may nest instead: services inside their organization,
 * the organization inside its service, a location inside its service_at_location.
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
            String xId,
            String name,
            @JsonInclude(JsonInclude.Include.NON_NULL) String description,
            String email,
            String website,
            String xNameFr,
            String xDescriptionFr,
            List<Location> locations,
            List<Service> services) {

        public Organization {
            locations = locations == null ? List.of() : locations;
            services = services == null ? List.of() : services;
        }
    }

    /** @param locationType HSDS: {@code physical}, {@code postal} or {@code virtual} */
    public record Location(
            String id,
            String xId,
            String locationType,
            String organizationId,
            String name,
            BigDecimal latitude,
            BigDecimal longitude,
            List<Address> addresses) {

        public Location {
            addresses = addresses == null ? List.of() : addresses;
        }
    }

    public record Address(
            String id,
            String locationId,
            @JsonProperty("address_1") String address1,
            String city,
            String stateProvince,
            String postalCode,
            String country,
            String addressType) {}

    /**
     * @param status HSDS: {@code active}, {@code inactive}, {@code defunct} or {@code temporarily closed}
     * @param lastModified when the service last changed, ISO 8601
     */
    public record Service(
            String id,
            String xId,
            String organizationId,
            String name,
            @JsonInclude(JsonInclude.Include.NON_NULL) String description,
            String email,
            String status,
            String lastModified,
            String xNameFr,
            String xDescriptionFr,
            String xIntakeTeam,
            String xIntakeLanguage,
            Capacity xCapacity,
            Integer minimumAge,
            Integer maximumAge,
            List<String> xTargetGroups,
            List<Language> languages,
            List<ServiceArea> serviceAreas,
            List<Attribute> attributes,
            List<ServiceAtLocation> serviceAtLocations,
            List<Contact> contacts,
            List<Schedule> schedules,
            Organization organization) {

        public Service {
            xTargetGroups = xTargetGroups == null ? List.of() : xTargetGroups;
            languages = languages == null ? List.of() : languages;
            serviceAreas = serviceAreas == null ? List.of() : serviceAreas;
            attributes = attributes == null ? List.of() : attributes;
            serviceAtLocations = serviceAtLocations == null ? List.of() : serviceAtLocations;
            contacts = contacts == null ? List.of() : contacts;
            schedules = schedules == null ? List.of() : schedules;
        }

        /** The same service with its attributes in this order (HSDS keeps their order; the first may matter). */
        public Service withAttributes(List<Attribute> ordered) {
            return copy(organizationId, ordered, organization);
        }

        /** The same service of this organization, nested or not (the HSDS API nests it in a full service). */
        Service with(String organizationId, Organization nested) {
            return copy(organizationId, attributes, nested);
        }

        private Service copy(String organizationId, List<Attribute> attributes, Organization organization) {
            return new Service(
                    id,
                    xId,
                    organizationId,
                    name,
                    description,
                    email,
                    status,
                    lastModified,
                    xNameFr,
                    xDescriptionFr,
                    xIntakeTeam,
                    xIntakeLanguage,
                    xCapacity,
                    minimumAge,
                    maximumAge,
                    xTargetGroups,
                    languages,
                    serviceAreas,
                    attributes,
                    serviceAtLocations,
                    contacts,
                    schedules,
                    organization);
        }
    }

    /** @param status {@code open}, {@code full} or {@code paused} */
    public record Capacity(String status, String fullUntil) {}

    public record Language(String id, String serviceId, String code, String name) {}

    public record ServiceArea(String id, String serviceId, String name, String extent, String extentType) {}

    public record Attribute(
            String id,
            String linkId,
            String linkType,
            String linkEntity,
            String taxonomyTermId,
            TaxonomyTerm taxonomyTerm) {}

    public record TaxonomyTerm(
            String id,
            String code,
            String name,
            String description,
            String taxonomy,
            String taxonomyId,
            Taxonomy taxonomyDetail) {}

    public record Taxonomy(String id, String name, String description, String version) {}

    public record ServiceAtLocation(String id, String serviceId, String locationId, Location location) {}

    public record Contact(String id, String serviceId, String name, String email, List<Phone> phones) {

        public Contact {
            phones = phones == null ? List.of() : phones;
        }
    }

    public record Phone(String id, String contactId, String number) {}

    /** @param byday iCal weekdays: {@code MO,TU} ... */
    public record Schedule(String id, String serviceId, String freq, String byday, String opensAt, String closesAt) {}
}
