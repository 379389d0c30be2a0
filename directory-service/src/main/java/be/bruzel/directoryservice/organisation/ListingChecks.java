package be.bruzel.directoryservice.organisation;

import be.bruzel.platform.events.ServiceCheckDue;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** When each service's listing was last checked, and which are due, in plain SQL. */
@Repository
class ListingChecks {

    private final JdbcClient jdbc;

    ListingChecks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void checked(String serviceId, LocalDate day) {
        jdbc.sql("UPDATE service SET checked_on = :day WHERE id = :id")
                .param("id", serviceId)
                .param("day", Date.valueOf(day))
                .update();
    }

    Map<String, LocalDate> checkedOn(Collection<String> serviceIds) {
        if (serviceIds.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql("SELECT id, checked_on FROM service WHERE id IN (:ids)")
                .param("ids", serviceIds)
                .query((row, n) ->
                        Map.entry(row.getString("id"), row.getDate("checked_on").toLocalDate()))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** An organisation's services, by name. */
    List<ListingStatus> ofOrganisation(String organisationId, LocalDate dueIfCheckedBefore) {
        return jdbc.sql("""
                SELECT id, organisation_id, name_nl, name_fr, capacity, full_until, checked_on
                FROM service WHERE organisation_id = :organisation ORDER BY name_nl, id
                """)
                .param("organisation", organisationId)
                .query((row, n) -> status(row, dueIfCheckedBefore))
                .list();
    }

    /** Active services not checked since the day, the longest unchecked first. */
    List<ListingStatus> checkedBefore(LocalDate day, int page, int size) {
        return jdbc.sql("""
                SELECT id, organisation_id, name_nl, name_fr, capacity, full_until, checked_on
                FROM service WHERE active AND checked_on < :day
                ORDER BY checked_on, id LIMIT :size OFFSET :offset
                """)
                .param("day", Date.valueOf(day))
                .param("size", size)
                .param("offset", (long) page * size)
                .query((row, n) -> status(row, day))
                .list();
    }

    long countCheckedBefore(LocalDate day) {
        return jdbc.sql("SELECT count(*) FROM service WHERE active AND checked_on < :day")
                .param("day", Date.valueOf(day))
                .query(Long.class)
                .single();
    }

    /**
     * Claims the active services due for a check and not yet reminded of this check, the longest unchecked first:
     * each is marked reminded in the caller's transaction, so that two instances never both remind.
     */
    List<ServiceCheckDue> claimDue(LocalDate dueIfCheckedBefore, int batch, Instant now) {
        return jdbc.sql("""
                UPDATE service s SET check_reminded_for = s.checked_on
                FROM (SELECT id FROM service
                      WHERE active AND checked_on < :due AND check_reminded_for IS DISTINCT FROM checked_on
                      ORDER BY checked_on, id LIMIT :batch FOR UPDATE SKIP LOCKED) AS claimed
                WHERE s.id = claimed.id
                RETURNING s.id, s.organisation_id, s.name_nl, s.name_fr, s.checked_on
                """)
                .param("due", Date.valueOf(dueIfCheckedBefore))
                .param("batch", batch)
                .query((row, n) -> new ServiceCheckDue(
                        UUID.randomUUID(),
                        now,
                        row.getString("id"),
                        row.getString("organisation_id"),
                        row.getString("name_nl"),
                        row.getString("name_fr"),
                        row.getDate("checked_on").toLocalDate()))
                .list();
    }

    private static ListingStatus status(ResultSet row, LocalDate dueIfCheckedBefore) throws SQLException {
        Date fullUntil = row.getDate("full_until");
        LocalDate checkedOn = row.getDate("checked_on").toLocalDate();
        return new ListingStatus(
                row.getString("id"),
                row.getString("organisation_id"),
                row.getString("name_nl"),
                row.getString("name_fr"),
                row.getString("capacity"),
                fullUntil == null ? null : fullUntil.toLocalDate(),
                checkedOn,
                checkedOn.isBefore(dueIfCheckedBefore));
    }
}
