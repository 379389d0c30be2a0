package be.bruzel.directoryservice.hsds;

import be.bruzel.platform.support.csv.SpreadsheetCells;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * The HSDS tabular form ({@code hsds-3.0/schema/tabular.json}): one CSV file per table in a zip,
 * rows linked by ids. Read, the tables are nested into the JSON form again, each cell typed as the
 * tabular schema says, so the same schema check and the same import serve both forms.
 */
final class HsdsTables {

    private static final CsvMapper CSV = new CsvMapper();

    /** The tables written, in the order of the tabular schema, and the kind of object each row is. */
    private static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("organizations", "organizations");
        TABLES.put("locations", "locations");
        TABLES.put("addresses", "addresses");
        TABLES.put("services", "services");
        TABLES.put("languages", "languages");
        TABLES.put("service_areas", "service_areas");
        TABLES.put("taxonomies", "taxonomy_detail");
        TABLES.put("taxonomy_terms", "taxonomy_term");
        TABLES.put("attributes", "attributes");
        TABLES.put("service_at_location", "service_at_locations");
        TABLES.put("contacts", "contacts");
        TABLES.put("phones", "phones");
        TABLES.put("schedules", "schedules");
    }

    /** A table's columns: the fields the platform keeps of its kind of object, but those that nest. */
    private static final Map<String, List<String>> COLUMNS = new LinkedHashMap<>();

    static {
        TABLES.forEach((table, kind) -> COLUMNS.put(
                table,
                KeptFields.of(kind).stream()
                        .flatMap(field -> field.equals("x_capacity")
                                ? Stream.of("x_capacity_status", "x_capacity_full_until")
                                : KeptFields.nests(field) ? Stream.empty() : Stream.of(field))
                        .toList()));
    }

    /** Per table, the type of each column the tabular schema declares (string where it says nothing). */
    private static final Map<String, Map<String, String>> TYPES = new HashMap<>();

    /** Per table, the columns the tabular schema requires: an empty cell there is an empty text, not none. */
    private static final Map<String, Set<String>> REQUIRED = new HashMap<>();

    static {
        readTabularSchema();
    }

    /** Where a service's own rows of a child table are, and under which field they nest. */
    private static final Map<String, String> SERVICE_PARTS = Map.of(
            "languages", "languages",
            "service_areas", "service_areas",
            "service_at_location", "service_at_locations",
            "contacts", "contacts",
            "schedules", "schedules");

    private HsdsTables() {}

    static byte[] zip(HsdsDataSet dataSet) {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        COLUMNS.keySet().forEach(table -> tables.put(table, new ArrayList<>()));
        JsonNode tree = HsdsJson.MAPPER.valueToTree(dataSet);
        for (JsonNode organization : tree.path("organizations")) {
            add(tables, "organizations", organization);
            for (JsonNode location : organization.path("locations")) {
                add(tables, "locations", location);
                location.path("addresses").forEach(address -> add(tables, "addresses", address));
            }
        }
        Map<String, JsonNode> terms = new LinkedHashMap<>();
        for (JsonNode service : tree.path("services")) {
            add(tables, "services", service);
            SERVICE_PARTS.forEach((table, field) -> service.path(field).forEach(part -> add(tables, table, part)));
            service.path("contacts")
                    .forEach(contact -> contact.path("phones").forEach(phone -> add(tables, "phones", phone)));
            for (JsonNode attribute : service.path("attributes")) {
                add(tables, "attributes", attribute);
                terms.putIfAbsent(attribute.path("taxonomy_term_id").asString(), attribute.path("taxonomy_term"));
            }
        }
        terms.values().forEach(term -> add(tables, "taxonomy_terms", term));
        if (!terms.isEmpty()) {
            add(tables, "taxonomies", HsdsJson.MAPPER.valueToTree(HsdsMapping.THEMES));
        }

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, List<Map<String, Object>>> table : tables.entrySet()) {
                zip.putNextEntry(new ZipEntry(table.getKey() + ".csv"));
                CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
                COLUMNS.get(table.getKey()).forEach(schema::addColumn);
                zip.write(CSV.writer(schema.build()).writeValueAsBytes(table.getValue()));
                zip.closeEntry();
            }
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return bytes.toByteArray();
    }

    /**
     * @throws IllegalArgumentException when the bytes are not a zip of HSDS tables
     * @throws ZipLimits.Exceeded when the zip unpacks to more than a social map can be (a zip bomb)
     */
    static HsdsJson.Received read(byte[] zipped, ZipLimits limits) {
        Map<String, List<ObjectNode>> tables = new HashMap<>();
        TreeSet<String> notKept = new TreeSet<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(zipped))) {
            ZipLimits.Reading reading = limits.reading(zipped.length);
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                reading.entry();
                String name = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
                if (!name.endsWith(".csv")) {
                    continue;
                }
                // Some publishers name the table in the plural like the others.
                String table =
                        name.substring(0, name.length() - 4).replace("service_at_locations", "service_at_location");
                byte[] csv = reading.readEntry(zip);
                if (COLUMNS.containsKey(table)) {
                    tables.put(table, rows(table, csv));
                } else {
                    notKept.add(name);
                }
            }
        } catch (ZipLimits.Exceeded tooMuch) {
            throw tooMuch;
        } catch (IOException | RuntimeException unreadable) {
            throw new IllegalArgumentException("not a zip of HSDS CSV tables", unreadable);
        }
        if (!tables.containsKey("organizations") && !tables.containsKey("services")) {
            throw new IllegalArgumentException("no organizations.csv or services.csv");
        }
        Map<String, ObjectNode> terms = tables.getOrDefault("taxonomy_terms", List.of()).stream()
                .collect(Collectors.toMap(row -> row.path("id").asString(), row -> row, (first, second) -> first));
        Map<String, List<ObjectNode>> addresses = byParent(tables, "addresses", "location_id");
        Map<String, List<ObjectNode>> locations = byParent(tables, "locations", "organization_id");
        ArrayNode organizations = HsdsJson.MAPPER.createArrayNode();
        for (ObjectNode organization : tables.getOrDefault("organizations", List.of())) {
            List<ObjectNode> own =
                    locations.getOrDefault(organization.path("id").asString(), List.of());
            own.forEach(location -> nest(
                    location, "addresses", addresses.get(location.path("id").asString())));
            nest(organization, "locations", own);
            organizations.add(organization);
        }
        Map<String, List<ObjectNode>> phones = byParent(tables, "phones", "contact_id");
        Map<String, List<ObjectNode>> attributes = byParent(tables, "attributes", "link_id");
        Map<String, Map<String, List<ObjectNode>>> parts = new HashMap<>();
        SERVICE_PARTS.keySet().forEach(table -> parts.put(table, byParent(tables, table, "service_id")));
        ArrayNode services = HsdsJson.MAPPER.createArrayNode();
        for (ObjectNode service : tables.getOrDefault("services", List.of())) {
            String id = service.path("id").asString();
            JsonNode status = service.remove("x_capacity_status");
            JsonNode fullUntil = service.remove("x_capacity_full_until");
            if (status != null) {
                ObjectNode capacity = service.putObject("x_capacity");
                capacity.set("status", status);
                if (fullUntil != null) {
                    capacity.set("full_until", fullUntil);
                }
            }
            // A list of codes in one cell, comma-separated: the tabular form has no table for it.
            JsonNode groups = service.remove("x_target_groups");
            if (groups != null && !groups.asString().isBlank()) {
                ArrayNode codes = service.putArray("x_target_groups");
                Arrays.stream(groups.asString().split(",")).map(String::strip).forEach(codes::add);
            }
            SERVICE_PARTS.forEach(
                    (table, field) -> nest(service, field, parts.get(table).get(id)));
            service.path("contacts")
                    .forEach(contact -> nest(
                            (ObjectNode) contact,
                            "phones",
                            phones.get(contact.path("id").asString())));
            List<ObjectNode> own = attributes.getOrDefault(id, List.of());
            own.forEach(attribute -> {
                ObjectNode term = terms.get(attribute.path("taxonomy_term_id").asString());
                if (term != null) {
                    attribute.set("taxonomy_term", term);
                }
            });
            nest(service, "attributes", own);
            services.add(service);
        }
        return new HsdsJson.Received(organizations, "/organizations", services, "/services", List.copyOf(notKept));
    }

    /**
     * A row as a JSON object, each cell typed as the tabular schema declares its column; empty cells left
     * out, but for a required text (an organisation's empty description).
     */
    private static List<ObjectNode> rows(String table, byte[] csv) throws IOException {
        Map<String, String> types = TYPES.getOrDefault(table, Map.of());
        Set<String> required = REQUIRED.getOrDefault(table, Set.of());
        try (MappingIterator<Map<String, String>> rows = CSV.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(csv)) {
            List<ObjectNode> all = new ArrayList<>();
            rows.forEachRemaining(row -> {
                ObjectNode object = HsdsJson.MAPPER.createObjectNode();
                row.forEach((column, value) -> {
                    String type = types.getOrDefault(column, "string");
                    if (value != null && !value.isEmpty()) {
                        object.set(column, typed(type, SpreadsheetCells.restored(value)));
                    } else if (required.contains(column) && type.equals("string")) {
                        object.put(column, "");
                    }
                });
                all.add(object);
            });
            return all;
        }
    }

    /** A cell that does not read as its type stays text, for the schema check to name. */
    private static JsonNode typed(String type, String value) {
        try {
            return switch (type) {
                case "number", "integer" -> HsdsJson.MAPPER.getNodeFactory().numberNode(new BigDecimal(value));
                case "boolean" ->
                    value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")
                            ? HsdsJson.MAPPER.getNodeFactory().booleanNode(Boolean.parseBoolean(value))
                            : HsdsJson.MAPPER.getNodeFactory().stringNode(value);
                default -> HsdsJson.MAPPER.getNodeFactory().stringNode(value);
            };
        } catch (NumberFormatException notANumber) {
            return HsdsJson.MAPPER.getNodeFactory().stringNode(value);
        }
    }

    private static Map<String, List<ObjectNode>> byParent(
            Map<String, List<ObjectNode>> tables, String table, String parentColumn) {
        return tables.getOrDefault(table, List.of()).stream()
                .filter(row -> row.has(parentColumn))
                .collect(Collectors.groupingBy(
                        row -> row.path(parentColumn).asString(), LinkedHashMap::new, Collectors.toList()));
    }

    private static void nest(ObjectNode parent, String field, List<ObjectNode> children) {
        if (children != null && !children.isEmpty()) {
            parent.set(field, HsdsJson.MAPPER.valueToTree(children));
        }
    }

    /** A row to write; a text a spreadsheet would run as a formula is written as text. */
    private static void add(Map<String, List<Map<String, Object>>> tables, String table, JsonNode object) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (String column : COLUMNS.get(table)) {
            JsonNode value = column.startsWith("x_capacity_")
                    ? object.path("x_capacity").path(column.substring("x_capacity_".length()))
                    : object.path(column);
            row.put(
                    column,
                    value.isNumber()
                            ? value.decimalValue()
                            : value.isValueNode()
                                    ? SpreadsheetCells.neutralised(value.asString())
                                    : value.isArray() && !value.isEmpty() ? codes(value) : null);
        }
        tables.get(table).add(row);
    }

    private static String codes(JsonNode values) {
        return values.valueStream().map(JsonNode::asString).collect(Collectors.joining(","));
    }

    private static void readTabularSchema() {
        try (InputStream in = new ClassPathResource("hsds-3.0/schema/tabular.json").getInputStream()) {
            HsdsJson.MAPPER.readTree(in).path("properties").forEach(table -> {
                JsonNode items = table.path("items");
                String file = items.path("path").asString();
                String name = file.substring(0, file.length() - 4);
                Map<String, String> columns = new HashMap<>();
                items.path("properties")
                        .properties()
                        .forEach(column -> columns.put(
                                column.getKey(), column.getValue().path("type").asString("string")));
                TYPES.put(name, columns);
                Set<String> required = new HashSet<>();
                items.path("required").forEach(column -> required.add(column.asString()));
                REQUIRED.put(name, required);
            });
        } catch (IOException missing) {
            throw new UncheckedIOException(missing);
        }
    }
}
