package be.bruzel.referralservice.directory;

import be.bruzel.platform.events.AreaChanged;
import be.bruzel.platform.events.CareZoneChanged;
import be.bruzel.platform.events.CloudEventCodec;
import be.bruzel.platform.events.DirectoryEvent;
import be.bruzel.platform.events.RoutingRuleChanged;
import be.bruzel.platform.events.ServiceChanged;
import be.bruzel.platform.events.ThemeChanged;
import be.bruzel.platform.events.Topics;
import be.bruzel.platform.support.inbox.ProcessedEvents;
import io.cloudevents.CloudEvent;
import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps referral-service's own copy of the directory from the directory's compacted topics, so
 * routing needs nothing but this service's database. Each row keeps the newest state by event
 * time: a late, older event changes nothing, and so does a redelivered one.
 */
@Component
class DirectoryCopy {

    static final String CONSUMER = "referral-service.directory-copy";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final ProcessedEvents processed;

    DirectoryCopy(JdbcClient jdbc, ProcessedEvents processed) {
        this.jdbc = jdbc;
        this.processed = processed;
    }

    @KafkaListener(id = CONSUMER, topics = {Topics.DIRECTORY_THEMES, Topics.DIRECTORY_TERRITORY,
            Topics.DIRECTORY_SERVICES, Topics.DIRECTORY_ROUTING_RULES})
    @Transactional
    public void on(CloudEvent cloudEvent) {
        CloudEventCodec.decode(cloudEvent)
                .filter(DirectoryEvent.class::isInstance)
                .map(DirectoryEvent.class::cast)
                .filter(event -> processed.firstDelivery(CONSUMER, event.eventId()))
                .ifPresent(this::apply);
    }

    private void apply(DirectoryEvent event) {
        Timestamp at = Timestamp.from(event.occurredAt());
        switch (event) {
            case ThemeChanged theme -> jdbc.sql("""
                    INSERT INTO directory_theme (theme_code, name_nl, name_fr, active, changed_at)
                    VALUES (:code, :nl, :fr, :active, :at)
                    ON CONFLICT (theme_code) DO UPDATE SET name_nl = EXCLUDED.name_nl, name_fr = EXCLUDED.name_fr,
                        active = EXCLUDED.active, changed_at = EXCLUDED.changed_at
                    WHERE directory_theme.changed_at <= EXCLUDED.changed_at
                    """)
                    .param("code", theme.themeCode()).param("nl", theme.nameNl()).param("fr", theme.nameFr())
                    .param("active", theme.active()).param("at", at).update();
            case CareZoneChanged zone -> jdbc.sql("""
                    INSERT INTO directory_care_zone (care_zone_code, first_line_zone_code, name_nl, name_fr,
                        helpdesk_email, changed_at)
                    VALUES (:code, :firstLineZone, :nl, :fr, :helpdesk, :at)
                    ON CONFLICT (care_zone_code) DO UPDATE SET first_line_zone_code = EXCLUDED.first_line_zone_code,
                        name_nl = EXCLUDED.name_nl, name_fr = EXCLUDED.name_fr,
                        helpdesk_email = EXCLUDED.helpdesk_email, changed_at = EXCLUDED.changed_at
                    WHERE directory_care_zone.changed_at <= EXCLUDED.changed_at
                    """)
                    .param("code", zone.careZoneCode()).param("firstLineZone", zone.firstLineZoneCode())
                    .param("nl", zone.nameNl()).param("fr", zone.nameFr()).param("helpdesk", zone.helpdeskEmail())
                    .param("at", at).update();
            case AreaChanged area -> jdbc.sql("""
                    INSERT INTO directory_area (area_id, municipality_nis, first_line_zone_code, name_nl, name_fr,
                        municipality_name_nl, municipality_name_fr, postcodes, care_zones, changed_at)
                    VALUES (:id, :nis, :firstLineZone, :nl, :fr, :municipalityNl, :municipalityFr, :postcodes,
                        CAST(:careZones AS jsonb), :at)
                    ON CONFLICT (area_id) DO UPDATE SET municipality_nis = EXCLUDED.municipality_nis,
                        first_line_zone_code = EXCLUDED.first_line_zone_code, name_nl = EXCLUDED.name_nl,
                        name_fr = EXCLUDED.name_fr, municipality_name_nl = EXCLUDED.municipality_name_nl,
                        municipality_name_fr = EXCLUDED.municipality_name_fr, postcodes = EXCLUDED.postcodes,
                        care_zones = EXCLUDED.care_zones, changed_at = EXCLUDED.changed_at
                    WHERE directory_area.changed_at <= EXCLUDED.changed_at
                    """)
                    .param("id", area.areaId()).param("nis", area.municipalityNis())
                    .param("firstLineZone", area.firstLineZoneCode()).param("nl", area.nameNl())
                    .param("fr", area.nameFr()).param("municipalityNl", area.municipalityNameNl())
                    .param("municipalityFr", area.municipalityNameFr()).param("postcodes", area.postcodes().toArray(String[]::new))
                    .param("careZones", JSON.writeValueAsString(area.careZones())).param("at", at).update();
            case ServiceChanged service -> jdbc.sql("""
                    INSERT INTO directory_service (service_id, organisation_id, name_nl, name_fr, active, languages,
                        capacity, full_until, intake_email, changed_at)
                    VALUES (:id, :organisation, :nl, :fr, :active, :languages, :capacity, :fullUntil, :intake, :at)
                    ON CONFLICT (service_id) DO UPDATE SET organisation_id = EXCLUDED.organisation_id,
                        name_nl = EXCLUDED.name_nl, name_fr = EXCLUDED.name_fr, active = EXCLUDED.active,
                        languages = EXCLUDED.languages, capacity = EXCLUDED.capacity,
                        full_until = EXCLUDED.full_until, intake_email = EXCLUDED.intake_email,
                        changed_at = EXCLUDED.changed_at
                    WHERE directory_service.changed_at <= EXCLUDED.changed_at
                    """)
                    .param("id", service.serviceId()).param("organisation", service.organisationId())
                    .param("nl", service.nameNl()).param("fr", service.nameFr()).param("active", service.active())
                    .param("languages", service.languageCodes().toArray(String[]::new))
                    .param("capacity", service.capacity()).param("fullUntil", service.fullUntil())
                    .param("intake", service.intakeEmail()).param("at", at).update();
            case RoutingRuleChanged rule -> jdbc.sql("""
                    INSERT INTO directory_routing_rule (scope_kind, scope_code, theme_code, service_ids, changed_at)
                    VALUES (:kind, :code, :theme, :services, :at)
                    ON CONFLICT (scope_kind, scope_code, theme_code) DO UPDATE SET service_ids = EXCLUDED.service_ids,
                        changed_at = EXCLUDED.changed_at
                    WHERE directory_routing_rule.changed_at <= EXCLUDED.changed_at
                    """)
                    .param("kind", rule.scopeKind()).param("code", rule.scopeCode()).param("theme", rule.themeCode())
                    .param("services", rule.serviceIds().toArray(String[]::new)).param("at", at).update();
        }
    }
}
