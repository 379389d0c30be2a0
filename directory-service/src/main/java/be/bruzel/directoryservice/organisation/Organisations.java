package be.bruzel.directoryservice.organisation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Organisations and their locations, in plain SQL. */
@Repository
class Organisations {

    private final JdbcClient jdbc;

    Organisations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A page of the organisations, by name. */
    List<Organisation> page(int page, int size) {
        return jdbc.sql("""
                SELECT id, name_nl, name_fr, description_nl, description_fr, email, website, version
                FROM organisation ORDER BY name_nl, id LIMIT :size OFFSET :offset
                """)
                .param("size", size)
                .param("offset", (long) page * size)
                .query(Organisation.class)
                .list();
    }

    /** The organisations with these ids, in no particular order; unknown ids are left out. */
    List<Organisation> withIds(Collection<String> ids) {
        return jdbc.sql("""
                SELECT id, name_nl, name_fr, description_nl, description_fr, email, website, version
                FROM organisation WHERE id = ANY (CAST(:ids AS text[]))
                """)
                .param("ids", ids.toArray(String[]::new))
                .query(Organisation.class)
                .list();
    }

    Optional<Organisation> find(String id) {
        return jdbc.sql("""
                SELECT id, name_nl, name_fr, description_nl, description_fr, email, website, version
                FROM organisation WHERE id = :id
                """).param("id", id).query(Organisation.class).optional();
    }

    /** @return false when an organisation with this id exists already */
    boolean add(Organisation organisation) {
        return jdbc.sql("""
                INSERT INTO organisation (id, name_nl, name_fr, description_nl, description_fr, email, website)
                VALUES (:id, :nameNl, :nameFr, :descriptionNl, :descriptionFr, :email, :website)
                ON CONFLICT (id) DO NOTHING
                """).paramSource(organisation).update() == 1;
    }

    /** @return false when the organisation changed since the version the caller read */
    boolean update(Organisation organisation) {
        return jdbc.sql("""
                UPDATE organisation SET name_nl = :nameNl, name_fr = :nameFr, description_nl = :descriptionNl,
                       description_fr = :descriptionFr, email = :email, website = :website, version = version + 1
                WHERE id = :id AND version = :version
                """).paramSource(organisation).update() == 1;
    }

    /** The locations of these organisations, by organisation, each list by id: one query for a page of them. */
    Map<String, List<Location>> locationsOf(Collection<String> organisationIds) {
        Map<String, List<Location>> byOrganisation = new HashMap<>();
        jdbc.sql("""
                SELECT organisation_id, id, name, address, postcode, city, latitude, longitude
                FROM location WHERE organisation_id = ANY (CAST(:organisations AS text[])) ORDER BY id
                """)
                .param("organisations", organisationIds.toArray(String[]::new))
                .query((row, n) -> byOrganisation
                        .computeIfAbsent(row.getString("organisation_id"), ignored -> new ArrayList<>())
                        .add(new Location(
                                row.getString("id"),
                                row.getString("name"),
                                row.getString("address"),
                                row.getString("postcode"),
                                row.getString("city"),
                                row.getBigDecimal("latitude"),
                                row.getBigDecimal("longitude"))))
                .list();
        return byOrganisation;
    }

    List<Location> locations(String organisationId) {
        return jdbc.sql("""
                SELECT id, name, address, postcode, city, latitude, longitude
                FROM location WHERE organisation_id = :organisation ORDER BY id
                """)
                .param("organisation", organisationId)
                .query(Location.class)
                .list();
    }

    /** @return the organisation that owns the location, if it exists */
    Optional<String> ownerOf(String locationId) {
        return jdbc.sql("SELECT organisation_id FROM location WHERE id = :id")
                .param("id", locationId)
                .query(String.class)
                .optional();
    }

    void save(String organisationId, Location location) {
        jdbc.sql("""
                INSERT INTO location (id, organisation_id, name, address, postcode, city, latitude, longitude)
                VALUES (:id, :organisation, :name, :address, :postcode, :city, :latitude, :longitude)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, address = excluded.address,
                    postcode = excluded.postcode, city = excluded.city,
                    latitude = excluded.latitude, longitude = excluded.longitude
                """)
                .param("id", location.id())
                .param("organisation", organisationId)
                .param("name", location.name())
                .param("address", location.address())
                .param("postcode", location.postcode())
                .param("city", location.city())
                .param("latitude", location.latitude())
                .param("longitude", location.longitude())
                .update();
    }
}
