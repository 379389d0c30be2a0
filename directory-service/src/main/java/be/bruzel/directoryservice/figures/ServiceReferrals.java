package be.bruzel.directoryservice.figures;

import be.bruzel.platform.events.ReferralAccepted;
import be.bruzel.platform.events.ReferralDeclined;
import be.bruzel.platform.events.ReferralEvent;
import be.bruzel.platform.events.ReferralRerouted;
import be.bruzel.platform.events.ReferralSubmitted;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which service was offered which referral and how it answered, and the figures made of that, in plain SQL. */
@Repository
class ServiceReferrals {

    static final int WINDOW_DAYS = 90;

    private final JdbcClient jdbc;

    ServiceReferrals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Each effect holds however often the event comes: offered once, answered once. */
    void apply(ReferralEvent event) {
        switch (event) {
            case ReferralSubmitted submitted
            when submitted.receivingServiceId() != null -> offered(submitted.receivingServiceId(), event);
            case ReferralRerouted rerouted when rerouted.serviceId() != null -> offered(rerouted.serviceId(), event);
            case ReferralAccepted accepted
            when accepted.serviceId() != null -> answered("accepted_at", accepted.serviceId(), event);
            case ReferralDeclined declined
            when declined.serviceId() != null -> answered("declined_at", declined.serviceId(), event);
            default -> {
                // Nothing else says who was offered a referral or how they answered.
            }
        }
    }

    private void offered(String serviceId, ReferralEvent event) {
        jdbc.sql("""
                INSERT INTO service_referral (service_id, referral_id, offered_at) VALUES (:service, :referral, :at)
                ON CONFLICT DO NOTHING
                """)
                .param("service", serviceId)
                .param("referral", event.referralId())
                .param("at", Timestamp.from(event.occurredAt()))
                .update();
    }

    private void answered(String column, String serviceId, ReferralEvent event) {
        jdbc.sql("""
                UPDATE service_referral SET %1$s = :at
                WHERE service_id = :service AND referral_id = :referral AND %1$s IS NULL
                """.formatted(column))
                .param("service", serviceId)
                .param("referral", event.referralId())
                .param("at", Timestamp.from(event.occurredAt()))
                .update();
    }

    /** The figures of these services over the window that ends now; a service without referrals is hidden. */
    Map<String, LiveFigures> figures(Collection<String> serviceIds, Instant now) {
        Map<String, LiveFigures> figures = new HashMap<>();
        serviceIds.forEach(id -> figures.put(id, LiveFigures.HIDDEN));
        if (serviceIds.isEmpty()) {
            return figures;
        }
        jdbc.sql("""
                SELECT service_id, count(*) AS referrals,
                       count(accepted_at) AS accepted, count(declined_at) AS declined,
                       percentile_cont(0.5) WITHIN GROUP (
                           ORDER BY extract(epoch FROM accepted_at - offered_at) / 3600) AS median_hours
                FROM service_referral
                WHERE service_id IN (:services) AND offered_at >= :since
                GROUP BY service_id
                """)
                .param("services", serviceIds)
                .param("since", Timestamp.from(now.minus(Duration.ofDays(WINDOW_DAYS))))
                .query((row, number) -> Map.entry(
                        row.getString("service_id"),
                        LiveFigures.of(row.getInt("referrals"), row.getInt("accepted"), row.getInt("declined"), (Double)
                                row.getObject("median_hours", Double.class))))
                .list()
                .forEach(entry -> figures.put(entry.getKey(), entry.getValue()));
        return figures;
    }

    /** Rows the window no longer reaches, and the memory of the events that made them; how many rows. */
    int forgetBefore(Instant before) {
        jdbc.sql("DELETE FROM processed_event WHERE processed_at < :before")
                .param("before", Timestamp.from(before))
                .update();
        return jdbc.sql("DELETE FROM service_referral WHERE offered_at < :before")
                .param("before", Timestamp.from(before))
                .update();
    }
}
