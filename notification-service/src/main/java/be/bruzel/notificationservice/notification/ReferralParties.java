package be.bruzel.notificationservice.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who is involved in each referral, kept from the referral events themselves. */
@Repository
class ReferralParties {

    /** The referrer, the current receiver and the care zone of one referral. */
    record ReferralParty(UUID referralId, String referrerId, String organisationId, String serviceId,
            String careZoneCode, Instant firstContactAt) {
    }

    private final JdbcClient jdbc;

    ReferralParties(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void submitted(UUID referralId, String referrerId, String organisationId, String serviceId, String careZoneCode,
            Instant at) {
        jdbc.sql("""
                INSERT INTO referral_party (referral_id, referrer_id, organisation_id, service_id, care_zone_code,
                                            updated_at)
                VALUES (:referral, :referrer, :organisation, :service, :zone, :at)
                ON CONFLICT (referral_id) DO NOTHING
                """)
                .param("referral", referralId).param("referrer", referrerId).param("organisation", organisationId)
                .param("service", serviceId).param("zone", careZoneCode).param("at", Timestamp.from(at))
                .update();
    }

    void rerouted(UUID referralId, String organisationId, String serviceId, Instant at) {
        jdbc.sql("""
                UPDATE referral_party SET organisation_id = :organisation, service_id = :service, updated_at = :at
                WHERE referral_id = :referral
                """)
                .param("referral", referralId).param("organisation", organisationId).param("service", serviceId)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** True only the first time: the referrer hears of the first contact, not of every call after it. */
    boolean firstContact(UUID referralId, Instant at) {
        return jdbc.sql("""
                UPDATE referral_party SET first_contact_at = :at, updated_at = :at
                WHERE referral_id = :referral AND first_contact_at IS NULL
                """)
                .param("referral", referralId).param("at", Timestamp.from(at))
                .update() == 1;
    }

    Optional<ReferralParty> of(UUID referralId) {
        return jdbc.sql("SELECT * FROM referral_party WHERE referral_id = :referral")
                .param("referral", referralId)
                .query((row, n) -> {
                    Timestamp firstContact = row.getTimestamp("first_contact_at");
                    return new ReferralParty(referralId, row.getString("referrer_id"),
                            row.getString("organisation_id"), row.getString("service_id"),
                            row.getString("care_zone_code"),
                            firstContact == null ? null : firstContact.toInstant());
                })
                .optional();
    }
}
