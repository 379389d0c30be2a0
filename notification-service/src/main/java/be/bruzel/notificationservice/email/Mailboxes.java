package be.bruzel.notificationservice.email;

import be.bruzel.platform.events.CareZoneChanged;
import be.bruzel.platform.events.ServiceChanged;
import java.sql.Timestamp;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The copy of the directory's mailboxes: each service's intake mailbox and each care zone's
 * helpdesk, by the time of the event they came from (a stale event changes nothing).
 */
@Repository
class Mailboxes {

    /** A mailbox's address and the language it is written to in, or {@code nl,fr}: both, one after the other. */
    record Mailbox(String email, String language) {}

    private final JdbcClient jdbc;

    Mailboxes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * An inactive service's mailbox is kept without its address: nothing is sent there. One that states no
     * language (and any from before the directory held one) is written to in Dutch and French.
     */
    void keep(ServiceChanged service) {
        jdbc.sql("""
                INSERT INTO intake_mailbox (service_id, organisation_id, email, language, name_nl, name_fr, changed_at)
                VALUES (:service, :organisation, :email, :language, :nameNl, :nameFr, :at)
                ON CONFLICT (service_id) DO UPDATE SET organisation_id = EXCLUDED.organisation_id,
                    email = EXCLUDED.email, language = EXCLUDED.language, name_nl = EXCLUDED.name_nl,
                    name_fr = EXCLUDED.name_fr, changed_at = EXCLUDED.changed_at
                WHERE intake_mailbox.changed_at <= EXCLUDED.changed_at
                """)
                .param("service", service.serviceId())
                .param("organisation", service.organisationId())
                .param("email", service.active() ? service.intakeEmail() : null)
                .param(
                        "language",
                        service.intakeLanguage() != null ? service.intakeLanguage() : MailTemplates.DUTCH_AND_FRENCH)
                .param("nameNl", service.nameNl())
                .param("nameFr", service.nameFr())
                .param("at", Timestamp.from(service.occurredAt()))
                .update();
    }

    /** A service's name in the platform's two languages, as the directory last sent it. */
    record ServiceName(String nl, String fr) {}

    Optional<ServiceName> nameOf(String serviceId) {
        return jdbc.sql(
                        "SELECT name_nl, name_fr FROM intake_mailbox WHERE service_id = :service AND name_nl IS NOT NULL")
                .param("service", serviceId)
                .query((row, n) -> new ServiceName(row.getString("name_nl"), row.getString("name_fr")))
                .optional();
    }

    void keep(CareZoneChanged zone) {
        jdbc.sql("""
                INSERT INTO helpdesk_mailbox (care_zone_code, email, changed_at)
                VALUES (:zone, :email, :at)
                ON CONFLICT (care_zone_code) DO UPDATE SET email = EXCLUDED.email,
                    changed_at = EXCLUDED.changed_at
                WHERE helpdesk_mailbox.changed_at <= EXCLUDED.changed_at
                """)
                .param("zone", zone.careZoneCode())
                .param("email", zone.helpdeskEmail())
                .param("at", Timestamp.from(zone.occurredAt()))
                .update();
    }

    /** The intake mailboxes of these services that have an address, by service id. */
    Map<String, Mailbox> intakes(Set<String> serviceIds) {
        return find("""
                SELECT service_id AS id, email, language FROM intake_mailbox
                WHERE service_id = ANY (:ids) AND email IS NOT NULL
                """, serviceIds);
    }

    /** The helpdesk mailboxes of these care zones, by care zone; Brusano's helpdesks read Dutch and French. */
    Map<String, Mailbox> helpdesks(Set<String> careZoneCodes) {
        return find("""
                SELECT care_zone_code AS id, email, '%s' AS language FROM helpdesk_mailbox
                WHERE care_zone_code = ANY (:ids) AND email IS NOT NULL
                """.formatted(MailTemplates.DUTCH_AND_FRENCH), careZoneCodes);
    }

    private Map<String, Mailbox> find(String sql, Set<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql(sql)
                .param("ids", ids.toArray(String[]::new))
                .query((row, n) ->
                        Map.entry(row.getString("id"), new Mailbox(row.getString("email"), row.getString("language"))))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
