package db.migration;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Loads the Brussels territory from {@code reference-data/brussels-territory.csv} once, on first
 * start. From then on it is the administrators' data.
 */
public class V3__Load_brussels_territory extends BaseJavaMigration {

    /** The territory holds from this date; later moves are recorded from their own dates. */
    private static final java.sql.Date SINCE = java.sql.Date.valueOf("2020-01-01");

    @Override
    public void migrate(Context context) throws Exception {
        List<Map<String, String>> rows = read("/reference-data/brussels-territory.csv");
        Connection connection = context.getConnection();
        execute(
                connection,
                "INSERT INTO first_line_zone (code, name_nl, name_fr) VALUES (?, ?, ?)",
                List.of(List.of("bruzel", "BruZEL", "BruZEL")));

        Map<String, List<String>> zones = new LinkedHashMap<>();
        Map<String, List<String>> municipalities = new LinkedHashMap<>();
        List<List<String>> areas = new ArrayList<>();
        List<List<String>> postcodes = new ArrayList<>();
        List<List<String>> areaZones = new ArrayList<>();
        for (Map<String, String> row : rows) {
            String zone = code(row.get("zorgzone_nl"));
            zones.putIfAbsent(zone, List.of(zone, "bruzel", row.get("zorgzone_nl"), row.get("zorgzone_fr")));
            String nis = row.get("nis_code");
            municipalities.putIfAbsent(nis, List.of(nis, "bruzel", row.get("gemeente_nl"), row.get("gemeente_fr")));
            boolean district = !row.get("area_nl").equals(row.get("gemeente_nl"));
            String area = district ? nis + "-" + code(row.get("area_nl")) : nis;
            areas.add(List.of(
                    area, nis, row.get("area_nl"), row.get("area_fr"), String.valueOf(district), row.get("note")));
            postcodes.add(List.of(area, row.get("postcode")));
            areaZones.add(List.of(area, zone));
        }
        execute(
                connection,
                "INSERT INTO care_zone (code, first_line_zone_code, name_nl, name_fr) VALUES (?, ?, ?, ?)",
                List.copyOf(zones.values()));
        execute(
                connection,
                "INSERT INTO municipality (nis_code, first_line_zone_code, name_nl, name_fr) VALUES (?, ?, ?, ?)",
                List.copyOf(municipalities.values()));
        execute(
                connection,
                "INSERT INTO area (id, municipality_nis, name_nl, name_fr, is_district, note) "
                        + "VALUES (?, ?, ?, ?, ?::boolean, NULLIF(?, ''))",
                areas);
        execute(connection, "INSERT INTO area_postcode (area_id, postcode) VALUES (?, ?)", postcodes);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO area_zone (area_id, care_zone_code, valid_from) VALUES (?, ?, ?)")) {
            for (List<String> areaZone : areaZones) {
                insert.setString(1, areaZone.get(0));
                insert.setString(2, areaZone.get(1));
                insert.setDate(3, SINCE);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void execute(Connection connection, String sql, List<List<String>> rows) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (List<String> row : rows) {
                for (int column = 0; column < row.size(); column++) {
                    insert.setString(column + 1, row.get(column));
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** "Centrum-West" becomes "centrum-west", "Neder-Over-Heembeek" "neder-over-heembeek". */
    private static String code(String name) {
        return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-");
    }

    private static List<Map<String, String>> read(String resource) throws IOException {
        try (var reader = new BufferedReader(new InputStreamReader(
                V3__Load_brussels_territory.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            List<String> header = fields(reader.readLine());
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> values = fields(line);
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), i < values.size() ? values.get(i) : "");
                }
                rows.add(row);
            }
            return rows;
        }
    }

    /** One CSV line: comma-separated, double quotes around fields that hold commas. */
    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
