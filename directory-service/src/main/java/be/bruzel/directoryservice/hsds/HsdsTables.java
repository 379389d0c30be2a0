package be.bruzel.directoryservice.hsds;

import be.bruzel.platform.support.csv.SpreadsheetCells;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * The HSDS tabular form: one CSV file per table in a zip, rows linked by ids. Rows of child
 * tables get ids derived from their parent's on export; on import they serve only to link rows.
 */
final class HsdsTables {

    private static final CsvMapper CSV = new CsvMapper();

    private static final Map<String, List<String>> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put(
                "organizations",
                List.of("id", "name", "description", "email", "website", "x_name_fr", "x_description_fr"));
        COLUMNS.put("locations", List.of("id", "organization_id", "name", "latitude", "longitude"));
        COLUMNS.put(
                "addresses",
                List.of("id", "location_id", "address_1", "city", "postal_code", "country", "address_type"));
        COLUMNS.put(
                "services",
                List.of(
                        "id",
                        "organization_id",
                        "name",
                        "description",
                        "email",
                        "status",
                        "x_name_fr",
                        "x_description_fr",
                        "x_intake_team",
                        "x_intake_language",
                        "x_capacity_status",
                        "x_capacity_full_until"));
        COLUMNS.put("languages", List.of("id", "service_id", "code", "name"));
        COLUMNS.put("service_areas", List.of("id", "service_id", "name", "extent", "extent_type"));
        COLUMNS.put("taxonomy_terms", List.of("id", "code", "name", "taxonomy"));
        COLUMNS.put("attributes", List.of("id", "link_id", "link_type", "link_entity", "taxonomy_term_id"));
        COLUMNS.put("service_at_locations", List.of("id", "service_id", "location_id"));
        COLUMNS.put("contacts", List.of("id", "service_id", "name", "email"));
        COLUMNS.put("phones", List.of("id", "contact_id", "number"));
        COLUMNS.put("schedules", List.of("id", "service_id", "byday", "opens_at", "closes_at", "freq"));
    }

    private HsdsTables() {}

    static byte[] zip(HsdsDataSet dataSet) {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        COLUMNS.keySet().forEach(table -> tables.put(table, new ArrayList<>()));
        Map<String, HsdsDataSet.TaxonomyTerm> terms = new LinkedHashMap<>();
        for (HsdsDataSet.Organization organization : dataSet.organizations()) {
            tables.get("organizations")
                    .add(row(
                            "id",
                            organization.id(),
                            "name",
                            organization.name(),
                            "description",
                            organization.description(),
                            "email",
                            organization.email(),
                            "website",
                            organization.website(),
                            "x_name_fr",
                            organization.xNameFr(),
                            "x_description_fr",
                            organization.xDescriptionFr()));
            for (HsdsDataSet.Location location : organization.locations()) {
                tables.get("locations")
                        .add(row(
                                "id",
                                location.id(),
                                "organization_id",
                                organization.id(),
                                "name",
                                location.name(),
                                "latitude",
                                location.latitude(),
                                "longitude",
                                location.longitude()));
                int n = 0;
                for (HsdsDataSet.Address address : location.addresses()) {
                    tables.get("addresses")
                            .add(row(
                                    "id",
                                    location.id() + "-address-" + ++n,
                                    "location_id",
                                    location.id(),
                                    "address_1",
                                    address.address1(),
                                    "city",
                                    address.city(),
                                    "postal_code",
                                    address.postalCode(),
                                    "country",
                                    address.country(),
                                    "address_type",
                                    address.addressType()));
                }
            }
        }
        for (HsdsDataSet.Service service : dataSet.services()) {
            String id = service.id();
            HsdsDataSet.Capacity capacity = service.xCapacity();
            tables.get("services")
                    .add(row(
                            "id",
                            id,
                            "organization_id",
                            service.organizationId(),
                            "name",
                            service.name(),
                            "description",
                            service.description(),
                            "email",
                            service.email(),
                            "status",
                            service.status(),
                            "x_name_fr",
                            service.xNameFr(),
                            "x_description_fr",
                            service.xDescriptionFr(),
                            "x_intake_team",
                            service.xIntakeTeam(),
                            "x_intake_language",
                            service.xIntakeLanguage(),
                            "x_capacity_status",
                            capacity == null ? null : capacity.status(),
                            "x_capacity_full_until",
                            capacity == null ? null : capacity.fullUntil()));
            int n = 0;
            for (HsdsDataSet.Language language : service.languages()) {
                tables.get("languages")
                        .add(row(
                                "id",
                                id + "-language-" + ++n,
                                "service_id",
                                id,
                                "code",
                                language.code(),
                                "name",
                                language.name()));
            }
            for (HsdsDataSet.ServiceArea area : service.serviceAreas()) {
                tables.get("service_areas")
                        .add(row(
                                "id",
                                id + "-area-" + ++n,
                                "service_id",
                                id,
                                "name",
                                area.name(),
                                "extent",
                                area.extent(),
                                "extent_type",
                                area.extentType()));
            }
            for (HsdsDataSet.Attribute attribute : service.attributes()) {
                HsdsDataSet.TaxonomyTerm term = attribute.taxonomyTerm();
                String termId = term.taxonomy() + "-" + term.code();
                terms.putIfAbsent(termId, term);
                tables.get("attributes")
                        .add(row(
                                "id",
                                id + "-attribute-" + ++n,
                                "link_id",
                                id,
                                "link_type",
                                "service",
                                "link_entity",
                                "service",
                                "taxonomy_term_id",
                                termId));
            }
            for (HsdsDataSet.ServiceAtLocation at : service.serviceAtLocations()) {
                tables.get("service_at_locations")
                        .add(row(
                                "id", id + "-at-" + at.locationId(), "service_id", id, "location_id", at.locationId()));
            }
            for (HsdsDataSet.Contact contact : service.contacts()) {
                String contactId = id + "-contact-" + ++n;
                tables.get("contacts")
                        .add(row("id", contactId, "service_id", id, "name", contact.name(), "email", contact.email()));
                for (HsdsDataSet.Phone phone : contact.phones()) {
                    tables.get("phones")
                            .add(row(
                                    "id",
                                    contactId + "-phone-" + ++n,
                                    "contact_id",
                                    contactId,
                                    "number",
                                    phone.number()));
                }
            }
            for (HsdsDataSet.Schedule schedule : service.schedules()) {
                tables.get("schedules")
                        .add(row(
                                "id",
                                id + "-schedule-" + ++n,
                                "service_id",
                                id,
                                "byday",
                                schedule.byday(),
                                "opens_at",
                                schedule.opensAt(),
                                "closes_at",
                                schedule.closesAt(),
                                "freq",
                                "WEEKLY"));
            }
        }
        terms.forEach((termId, term) -> tables.get("taxonomy_terms")
                .add(row("id", termId, "code", term.code(), "name", term.name(), "taxonomy", term.taxonomy())));

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
    static HsdsDataSet read(byte[] zipped, ZipLimits limits) {
        Map<String, List<Map<String, String>>> tables = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(zipped))) {
            ZipLimits.Reading reading = limits.reading(zipped.length);
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                reading.entry();
                String name = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
                if (name.endsWith(".csv") && COLUMNS.containsKey(name.substring(0, name.length() - 4))) {
                    tables.put(name.substring(0, name.length() - 4), rows(reading.readEntry(zip)));
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
        Map<String, HsdsDataSet.TaxonomyTerm> terms = table(tables, "taxonomy_terms").stream()
                .collect(Collectors.toMap(
                        row -> row.get("id"),
                        row -> new HsdsDataSet.TaxonomyTerm(row.get("code"), row.get("name"), row.get("taxonomy")),
                        (first, second) -> first));
        Map<String, List<Map<String, String>>> phones = byParent(tables, "phones", "contact_id");
        Map<String, List<Map<String, String>>> addresses = byParent(tables, "addresses", "location_id");
        Map<String, List<Map<String, String>>> locations = byParent(tables, "locations", "organization_id");
        List<HsdsDataSet.Organization> organizations = table(tables, "organizations").stream()
                .map(row -> new HsdsDataSet.Organization(
                        row.get("id"),
                        row.get("name"),
                        row.get("description"),
                        row.get("email"),
                        row.get("website"),
                        row.get("x_name_fr"),
                        row.get("x_description_fr"),
                        locations.getOrDefault(row.get("id"), List.of()).stream()
                                .map(location -> new HsdsDataSet.Location(
                                        location.get("id"),
                                        location.get("name"),
                                        decimal(location.get("latitude")),
                                        decimal(location.get("longitude")),
                                        addresses.getOrDefault(location.get("id"), List.of()).stream()
                                                .map(address -> new HsdsDataSet.Address(
                                                        address.get("address_1"),
                                                        address.get("city"),
                                                        address.get("postal_code"),
                                                        address.get("country"),
                                                        address.get("address_type")))
                                                .toList()))
                                .toList()))
                .toList();
        Map<String, List<Map<String, String>>> languages = byParent(tables, "languages", "service_id");
        Map<String, List<Map<String, String>>> areas = byParent(tables, "service_areas", "service_id");
        Map<String, List<Map<String, String>>> attributes = byParent(tables, "attributes", "link_id");
        Map<String, List<Map<String, String>>> at = byParent(tables, "service_at_locations", "service_id");
        Map<String, List<Map<String, String>>> contacts = byParent(tables, "contacts", "service_id");
        Map<String, List<Map<String, String>>> schedules = byParent(tables, "schedules", "service_id");
        List<HsdsDataSet.Service> services = table(tables, "services").stream()
                .map(row -> {
                    String id = row.get("id");
                    return new HsdsDataSet.Service(
                            id,
                            row.get("organization_id"),
                            row.get("name"),
                            row.get("description"),
                            row.get("email"),
                            row.get("status"),
                            row.get("x_name_fr"),
                            row.get("x_description_fr"),
                            row.get("x_intake_team"),
                            row.get("x_intake_language"),
                            row.get("x_capacity_status") == null
                                    ? null
                                    : new HsdsDataSet.Capacity(
                                            row.get("x_capacity_status"), row.get("x_capacity_full_until")),
                            children(
                                    languages,
                                    id,
                                    language -> new HsdsDataSet.Language(language.get("code"), language.get("name"))),
                            children(
                                    areas,
                                    id,
                                    area -> new HsdsDataSet.ServiceArea(
                                            area.get("name"), area.get("extent"), area.get("extent_type"))),
                            children(
                                    attributes,
                                    id,
                                    attribute ->
                                            new HsdsDataSet.Attribute(terms.get(attribute.get("taxonomy_term_id")))),
                            children(at, id, link -> new HsdsDataSet.ServiceAtLocation(link.get("location_id"))),
                            children(
                                    contacts,
                                    id,
                                    contact -> new HsdsDataSet.Contact(
                                            contact.get("name"),
                                            contact.get("email"),
                                            children(
                                                    phones,
                                                    contact.get("id"),
                                                    phone -> new HsdsDataSet.Phone(phone.get("number"))))),
                            children(
                                    schedules,
                                    id,
                                    schedule -> new HsdsDataSet.Schedule(
                                            schedule.get("byday"),
                                            schedule.get("opens_at"),
                                            schedule.get("closes_at"))));
                })
                .toList();
        return new HsdsDataSet(HsdsDataSet.VERSION, organizations, services);
    }

    private static List<Map<String, String>> rows(byte[] csv) throws IOException {
        try (MappingIterator<Map<String, String>> rows = CSV.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(csv)) {
            List<Map<String, String>> all = new ArrayList<>();
            rows.forEachRemaining(row -> {
                Map<String, String> cleaned = new HashMap<>();
                row.forEach((column, value) -> cleaned.put(
                        column, value == null || value.isEmpty() ? null : SpreadsheetCells.restored(value)));
                all.add(cleaned);
            });
            return all;
        }
    }

    private static List<Map<String, String>> table(Map<String, List<Map<String, String>>> tables, String name) {
        return tables.getOrDefault(name, List.of());
    }

    private static Map<String, List<Map<String, String>>> byParent(
            Map<String, List<Map<String, String>>> tables, String table, String parentColumn) {
        return table(tables, table).stream()
                .filter(row -> row.get(parentColumn) != null)
                .collect(Collectors.groupingBy(row -> row.get(parentColumn), LinkedHashMap::new, Collectors.toList()));
    }

    private static <T> List<T> children(
            Map<String, List<Map<String, String>>> byParent, String parentId, Function<Map<String, String>, T> read) {
        return byParent.getOrDefault(parentId, List.of()).stream().map(read).toList();
    }

    /** A row to write; a text a spreadsheet would run as a formula is written as text. */
    private static Map<String, Object> row(Object... columnsAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            Object value = columnsAndValues[i + 1];
            row.put(
                    (String) columnsAndValues[i],
                    value instanceof String text ? SpreadsheetCells.neutralised(text) : value);
        }
        return row;
    }

    private static BigDecimal decimal(String value) {
        return value == null ? null : new BigDecimal(value);
    }
}
