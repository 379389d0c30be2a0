package be.bruzel.platformtests;

import be.bruzel.directoryservice.demo.DemoSocialMap;
import be.bruzel.directoryservice.hsds.HsdsDataSet;
import be.bruzel.directoryservice.territory.PlaceRef;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Types;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A social map of many services for the benchmarks, made by {@link DemoSocialMap} and written straight
 * into the directory's tables in batches (the services it has already, the demo's, are left as they
 * are). Benchmark data goes to no topic.
 */
final class GeneratedSocialMap {

    private static final List<String> DAYS = List.of("MO", "TU", "WE", "TH", "FR", "SA", "SU");

    private GeneratedSocialMap() {}

    /** @return how many services were added */
    static int store(Connection connection, int services) throws SQLException {
        HsdsDataSet dataSet = DemoSocialMap.generate(services);
        connection.setAutoCommit(false);
        int added = 0;
        // The platform's own ids (x_id), as the demo's import stores them.
        Map<String, String> organisationIds = new HashMap<>();
        Map<String, String> locationIds = new HashMap<>();
        try (PreparedStatement organisation = connection.prepareStatement("""
                        INSERT INTO organisation (id, name_nl, name_fr, description_nl, description_fr, email)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""");
                PreparedStatement location = connection.prepareStatement("""
                        INSERT INTO location (id, organisation_id, name, address, postcode, city, latitude, longitude)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""");
                PreparedStatement service = connection.prepareStatement("""
                        INSERT INTO service (id, organisation_id, name_nl, name_fr, description_nl, description_fr,
                                             intake_team, intake_email, capacity)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""");
                PreparedStatement theme =
                        connection.prepareStatement("INSERT INTO service_theme VALUES (?, ?) ON CONFLICT DO NOTHING");
                PreparedStatement language = connection.prepareStatement(
                        "INSERT INTO service_language VALUES (?, ?) ON CONFLICT DO NOTHING");
                PreparedStatement area = connection.prepareStatement(
                        "INSERT INTO service_area VALUES (?, ?, ?) ON CONFLICT DO NOTHING");
                PreparedStatement at = connection.prepareStatement(
                        "INSERT INTO service_at_location VALUES (?, ?) ON CONFLICT DO NOTHING");
                PreparedStatement contact = connection.prepareStatement(
                        "INSERT INTO service_contact VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");
                PreparedStatement schedule = connection.prepareStatement(
                        "INSERT INTO service_schedule VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (HsdsDataSet.Organization o : dataSet.organizations()) {
                organisationIds.put(o.id(), o.xId());
                set(organisation, o.xId(), o.name(), o.xNameFr(), o.description(), o.xDescriptionFr(), o.email());
                organisation.addBatch();
                for (HsdsDataSet.Location l : o.locations()) {
                    locationIds.put(l.id(), l.xId());
                    HsdsDataSet.Address address = l.addresses().getFirst();
                    set(location, l.xId(), o.xId(), l.name(), address.address1(), address.postalCode(), address.city());
                    decimal(location, 7, l.latitude());
                    decimal(location, 8, l.longitude());
                    location.addBatch();
                }
            }
            organisation.executeBatch();
            location.executeBatch();
            for (HsdsDataSet.Service s : dataSet.services()) {
                set(
                        service,
                        s.xId(),
                        organisationIds.get(s.organizationId()),
                        s.name(),
                        s.xNameFr(),
                        s.description(),
                        s.xDescriptionFr(),
                        s.xIntakeTeam(),
                        s.email(),
                        s.xCapacity().status().toUpperCase(Locale.ROOT));
                service.addBatch();
                for (HsdsDataSet.Attribute attribute : s.attributes()) {
                    set(theme, s.xId(), attribute.taxonomyTerm().code());
                    theme.addBatch();
                }
                for (HsdsDataSet.Language spoken : s.languages()) {
                    set(language, s.xId(), spoken.code());
                    language.addBatch();
                }
                for (HsdsDataSet.ServiceArea served : s.serviceAreas()) {
                    PlaceRef place = PlaceRef.parse(served.extent());
                    set(area, s.xId(), place.kind().name(), place.code());
                    area.addBatch();
                }
                for (HsdsDataSet.ServiceAtLocation located : s.serviceAtLocations()) {
                    set(at, s.xId(), locationIds.get(located.locationId()));
                    at.addBatch();
                }
                for (int position = 0; position < s.contacts().size(); position++) {
                    HsdsDataSet.Contact team = s.contacts().get(position);
                    contact.setString(1, s.xId());
                    contact.setShort(2, (short) position);
                    contact.setString(3, team.name());
                    contact.setString(4, team.email());
                    contact.setString(
                            5,
                            team.phones().isEmpty()
                                    ? null
                                    : team.phones().getFirst().number());
                    contact.addBatch();
                }
                for (HsdsDataSet.Schedule hours : s.schedules()) {
                    schedule.setString(1, s.xId());
                    schedule.setShort(2, (short) (DAYS.indexOf(hours.byday()) + 1));
                    schedule.setTime(3, Time.valueOf(LocalTime.parse(hours.opensAt())));
                    schedule.setTime(4, Time.valueOf(LocalTime.parse(hours.closesAt())));
                    schedule.addBatch();
                }
                if (++added % 5_000 == 0) {
                    executeAll(service, theme, language, area, at, contact, schedule);
                }
            }
            executeAll(service, theme, language, area, at, contact, schedule);
        }
        connection.commit();
        connection.setAutoCommit(true);
        return added;
    }

    private static void executeAll(PreparedStatement... batches) throws SQLException {
        for (PreparedStatement batch : batches) {
            batch.executeBatch();
        }
    }

    private static void set(PreparedStatement statement, String... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setString(i + 1, values[i]);
        }
    }

    private static void decimal(PreparedStatement statement, int index, BigDecimal value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NUMERIC);
        } else {
            statement.setBigDecimal(index, value);
        }
    }
}
