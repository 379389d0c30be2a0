package be.bruzel.referralservice.referral;

import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A referrer's referrals and an organisation's inbox, a page at a time; overdue and new come first. */
@Repository
class ReferralLists {

    /** What an inbox or a referrer's list can be narrowed to. */
    enum Filter {
        ALL("true"),
        NEW("status IN ('SUBMITTED', 'RECEIVED')"),
        ACCEPTED("status = 'ACCEPTED'"),
        IN_PROGRESS("status = 'IN_PROGRESS'"),
        OVERDUE("status IN ('SUBMITTED', 'RECEIVED') AND reminded_at IS NOT NULL"),
        CLOSED("status IN ('DECLINED', 'COMPLETED', 'CANCELLED', 'EXPIRED')");

        private final String condition;

        Filter(String condition) {
            this.condition = condition;
        }

        static Filter of(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    private final JdbcClient jdbc;

    ReferralLists(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    ReferralPage submittedBy(String referrerId, Filter filter, int page, int size) {
        return page("referrer_id = :owner", referrerId, filter, page, size);
    }

    ReferralPage inboxOf(String organisationId, Filter filter, int page, int size) {
        return page("receiving_organisation_id = :owner", organisationId, filter, page, size);
    }

    private ReferralPage page(String ownerCondition, String owner, Filter filter, int page, int size) {
        List<ReferralSummary> items = jdbc.sql("""
                SELECT id, status, urgency, theme_codes, municipality_nis, care_zone_code, receiving_organisation_id,
                       receiving_service_id, unmet_need, submitted_at, waiting_since, outcome,
                       (status IN ('SUBMITTED', 'RECEIVED') AND reminded_at IS NOT NULL) AS overdue
                FROM referral
                WHERE %s AND %s
                ORDER BY list_rank, submitted_at DESC, id
                LIMIT :size OFFSET :offset
                """.formatted(ownerCondition, filter.condition))
                .param("owner", owner)
                .param("size", size)
                .param("offset", (long) page * size)
                .query((row, n) -> {
                    Timestamp waiting = row.getTimestamp("waiting_since");
                    String outcome = row.getString("outcome");
                    return new ReferralSummary(
                            row.getObject("id", UUID.class),
                            code(row.getString("status")),
                            code(row.getString("urgency")),
                            List.of((String[]) row.getArray("theme_codes").getArray()),
                            row.getString("municipality_nis"),
                            row.getString("care_zone_code"),
                            row.getString("receiving_organisation_id"),
                            row.getString("receiving_service_id"),
                            row.getBoolean("unmet_need"),
                            row.getTimestamp("submitted_at").toInstant(),
                            waiting == null ? null : waiting.toInstant(),
                            row.getBoolean("overdue"),
                            outcome == null ? null : code(outcome));
                })
                .list();
        // Counted apart: a count over the page's rows would make every page read them all.
        long total = items.size() < size && (page == 0 || !items.isEmpty())
                ? (long) page * size + items.size()
                : jdbc.sql("SELECT count(*) FROM referral WHERE %s AND %s".formatted(ownerCondition, filter.condition))
                        .param("owner", owner)
                        .query(Long.class)
                        .single();
        return new ReferralPage(items, page, size, total);
    }

    private static String code(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
