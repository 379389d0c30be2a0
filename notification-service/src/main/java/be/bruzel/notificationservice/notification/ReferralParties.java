package be.bruzel.notificationservice.notification;

import be.bruzel.platform.events.ContactAttemptLogged;
import be.bruzel.platform.events.ReferralEvent;
import be.bruzel.platform.events.ReferralRerouted;
import be.bruzel.platform.events.ReferralSubmitted;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who is involved in each referral, kept from the referral events themselves. */
@Repository
class ReferralParties {

    /** The referrer, the current receiver and the care zone of one referral. */
    record ReferralParty(
            UUID referralId,
            String referrerId,
            String organisationId,
            String serviceId,
            String careZoneCode,
            Instant firstContactAt) {}

    private final JdbcClient jdbc;

    ReferralParties(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes over, in event order, who each referral is with: its submission, every re-routing, its
     * first reached contact.
     *
     * @return the ids of the contact attempts that were a referral's first reached contact
     */
    Set<UUID> apply(List<ReferralEvent> events, Instant now) {
        Timestamp at = Timestamp.from(now);
        List<ReferralSubmitted> submitted = only(events, ReferralSubmitted.class);
        jdbc.sql("""
                INSERT INTO referral_party (referral_id, referrer_id, organisation_id, service_id, care_zone_code,
                                            updated_at, theme_codes)
                SELECT referral, referrer, organisation, service, zone, at, CAST(themes AS text[])
                FROM unnest(CAST(:referrals AS uuid[]), CAST(:referrers AS text[]), CAST(:organisations AS text[]),
                            CAST(:services AS text[]), CAST(:zones AS text[]), CAST(:ats AS timestamptz[]),
                            CAST(:themes AS text[]))
                     AS submitted (referral, referrer, organisation, service, zone, at, themes)
                ON CONFLICT (referral_id) DO NOTHING
                """)
                .param(
                        "referrals",
                        submitted.stream()
                                .map(event -> event.referralId().toString())
                                .toArray(String[]::new))
                .param(
                        "referrers",
                        submitted.stream().map(ReferralSubmitted::referrerId).toArray(String[]::new))
                .param(
                        "organisations",
                        submitted.stream()
                                .map(ReferralSubmitted::receivingOrganisationId)
                                .toArray(String[]::new))
                .param(
                        "services",
                        submitted.stream()
                                .map(ReferralSubmitted::receivingServiceId)
                                .toArray(String[]::new))
                .param(
                        "zones",
                        submitted.stream().map(ReferralSubmitted::careZoneCode).toArray(String[]::new))
                .param("ats", submitted.stream().map(event -> now.toString()).toArray(String[]::new))
                // Each referral's codes as one array literal, read back as an array in SQL: codes hold no comma.
                .param(
                        "themes",
                        submitted.stream()
                                .map(event -> "{" + String.join(",", event.themeCodes()) + "}")
                                .toArray(String[]::new))
                .update();
        Set<UUID> firstContacts = new HashSet<>();
        for (ReferralEvent event : events) {
            switch (event) {
                case ReferralRerouted rerouted ->
                    jdbc.sql("""
                        UPDATE referral_party SET organisation_id = :organisation, service_id = :service, updated_at = :at
                        WHERE referral_id = :referral
                        """)
                            .param("referral", rerouted.referralId())
                            .param("organisation", rerouted.organisationId())
                            .param("service", rerouted.serviceId())
                            .param("at", at)
                            .update();
                // Only the first reached contact is news for the referrer, not every call after it.
                case ContactAttemptLogged attempt
                when attempt.reached()
                        && jdbc.sql("""
                        UPDATE referral_party SET first_contact_at = :contactAt, updated_at = :at
                        WHERE referral_id = :referral AND first_contact_at IS NULL
                        """)
                                        .param("referral", attempt.referralId())
                                        .param("contactAt", Timestamp.from(attempt.attemptedAt()))
                                        .param("at", at)
                                        .update()
                                == 1 -> firstContacts.add(attempt.eventId());
                default -> {}
            }
        }
        return firstContacts;
    }

    Map<UUID, ReferralParty> of(Collection<UUID> referralIds) {
        return jdbc
                .sql("SELECT * FROM referral_party WHERE referral_id = ANY (CAST(:referrals AS uuid[]))")
                .param("referrals", referralIds.stream().map(UUID::toString).toArray(String[]::new))
                .query((row, n) -> {
                    Timestamp firstContact = row.getTimestamp("first_contact_at");
                    return new ReferralParty(
                            row.getObject("referral_id", UUID.class),
                            row.getString("referrer_id"),
                            row.getString("organisation_id"),
                            row.getString("service_id"),
                            row.getString("care_zone_code"),
                            firstContact == null ? null : firstContact.toInstant());
                })
                .list()
                .stream()
                .collect(Collectors.toMap(ReferralParty::referralId, Function.identity()));
    }

    private static <T> List<T> only(List<ReferralEvent> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
