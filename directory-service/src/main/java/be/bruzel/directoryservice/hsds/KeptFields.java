package be.bruzel.directoryservice.hsds;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The HSDS fields the platform keeps, per kind of object; whatever else a publisher sends (cost
 * options, programs, metadata...) is reported by the import rather than dropped without a word.
 */
final class KeptFields {

    private static final List<String> ORGANIZATION = List.of(
            "id",
            "x_id",
            "name",
            "description",
            "email",
            "website",
            "x_name_fr",
            "x_description_fr",
            "locations",
            "services");
    private static final List<String> LOCATION =
            List.of("id", "x_id", "location_type", "organization_id", "name", "latitude", "longitude", "addresses");
    private static final List<String> SERVICE = List.of(
            "id",
            "x_id",
            "organization_id",
            "name",
            "description",
            "email",
            "status",
            "last_modified",
            "x_name_fr",
            "x_description_fr",
            "x_intake_team",
            "x_intake_language",
            "x_capacity",
            "minimum_age",
            "maximum_age",
            "x_target_groups",
            "languages",
            "service_areas",
            "attributes",
            "service_at_locations",
            "contacts",
            "schedules",
            "organization");

    /** By the field an object lies in; the top-level kinds by their list's name. */
    private static final Map<String, List<String>> KEPT = Map.ofEntries(
            Map.entry("organizations", ORGANIZATION),
            Map.entry("organization", ORGANIZATION),
            Map.entry("services", SERVICE),
            Map.entry("locations", LOCATION),
            Map.entry("location", LOCATION),
            Map.entry(
                    "addresses",
                    List.of(
                            "id",
                            "location_id",
                            "address_1",
                            "city",
                            "state_province",
                            "postal_code",
                            "country",
                            "address_type")),
            Map.entry("x_capacity", List.of("status", "full_until")),
            Map.entry("languages", List.of("id", "service_id", "code", "name")),
            Map.entry("service_areas", List.of("id", "service_id", "name", "extent", "extent_type")),
            Map.entry(
                    "attributes",
                    List.of("id", "link_id", "link_type", "link_entity", "taxonomy_term_id", "taxonomy_term")),
            Map.entry(
                    "taxonomy_term",
                    List.of("id", "code", "name", "description", "taxonomy", "taxonomy_id", "taxonomy_detail")),
            Map.entry("taxonomy_detail", List.of("id", "name", "description", "uri", "version")),
            Map.entry("service_at_locations", List.of("id", "service_id", "location_id", "location")),
            Map.entry("contacts", List.of("id", "service_id", "name", "email", "phones")),
            Map.entry("phones", List.of("id", "contact_id", "number")),
            Map.entry("schedules", List.of("id", "service_id", "freq", "wkst", "byday", "opens_at", "closes_at")));

    private KeptFields() {}

    /** The fields kept of an object of this kind (the field or list it lies in), in HSDS's order. */
    static List<String> of(String kind) {
        return KEPT.get(kind);
    }

    /** Whether a field holds objects of their own (nested), rather than a value. */
    static boolean nests(String field) {
        return KEPT.containsKey(field);
    }

    /**
     * The fields of an object that the platform does not keep, as paths without indexes, e.g.
     * {@code services[].contacts[].title}; a field that is null or empty counts as not sent.
     *
     * @param list the list the object lies in: {@code organizations} or {@code services}
     */
    static List<String> notKept(String list, JsonNode object) {
        List<String> paths = new ArrayList<>();
        walk(list, object, list + "[]", paths);
        return paths;
    }

    private static boolean notSent(JsonNode value) {
        return value.isNull()
                || value.isContainer() && value.isEmpty()
                || value.isString() && value.asString().isEmpty();
    }

    private static void walk(String kind, JsonNode object, String path, List<String> paths) {
        List<String> kept = KEPT.get(kind);
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            JsonNode value = field.getValue();
            if (notSent(value)) {
                continue;
            }
            String name = field.getKey();
            if (!kept.contains(name)) {
                paths.add(path + "." + name);
            } else if (KEPT.containsKey(name) && value.isObject()) {
                walk(name, value, path + "." + name, paths);
            } else if (KEPT.containsKey(name) && value.isArray()) {
                for (JsonNode element : value) {
                    if (element.isObject()) {
                        walk(name, element, path + "." + name + "[]", paths);
                    }
                }
            }
        }
    }
}
