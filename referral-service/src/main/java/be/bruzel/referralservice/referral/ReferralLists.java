package be.bruzel.referralservice.referral;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A referrer's referrals and an organisation's inbox, a page at a time; overdue and new come first. */
@Repository
class ReferralLists {

    /** What an inbox or a referrer's list can be narrowed to by its status. */
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

    /**
     * What a list is narrowed to.
     *
     * @param search words of the person's name (any case, with or without accents) or the start of the reference
     */
    record Criteria(
            Filter status, Optional<String> theme, Optional<Referral.Urgency> urgency, Optional<String> search) {}

    /** A short reference is the id's first characters: hexadecimal digits and dashes. */
    private static final Pattern REFERENCE = Pattern.compile("[0-9a-f-]{4,36}");

    /**
     * Accented letters of the names people in Brussels carry, compared as their plain letter; in
     * both cases, since the database's lower() may know only ASCII.
     */
    private static final String FOLD =
            "translate(lower(%s), 'àáâäãåçèéêëìíîïñòóôöõøùúûüýÿÀÁÂÄÃÅÇÈÉÊËÌÍÎÏÑÒÓÔÖÕØÙÚÛÜÝ', 'aaaaaaceeeeiiiinoooooouuuuyyaaaaaaceeeeiiiinoooooouuuuy')";

    private final JdbcClient jdbc;

    ReferralLists(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    ReferralPage submittedBy(String referrerId, Criteria criteria, int page, int size) {
        return page("referrer_id = :owner", referrerId, criteria, page, size);
    }

    ReferralPage inboxOf(String organisationId, Criteria criteria, int page, int size) {
        return page("receiving_organisation_id = :owner", organisationId, criteria, page, size);
    }

    private ReferralPage page(String ownerCondition, String owner, Criteria criteria, int page, int size) {
        // Only the conditions asked for, so an unnarrowed page is read from the list index as it is.
        List<String> conditions = new ArrayList<>(List.of(ownerCondition, criteria.status().condition));
        Map<String, Object> params = new HashMap<>(Map.of("owner", owner));
        criteria.theme().ifPresent(theme -> {
            conditions.add(":theme = ANY (theme_codes)");
            params.put("theme", theme);
        });
        criteria.urgency().ifPresent(urgency -> {
            conditions.add("urgency = :urgency");
            params.put("urgency", urgency.name());
        });
        criteria.search().ifPresent(search -> {
            String lower = search.strip().toLowerCase(Locale.ROOT);
            String byName =
                    FOLD.formatted("person_name") + " LIKE '%' || " + FOLD.formatted(":words") + " || '%' ESCAPE '\\'";
            params.put("words", lower.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"));
            if (REFERENCE.matcher(lower).matches()) {
                conditions.add("(" + byName + " OR CAST(id AS text) LIKE :reference)");
                params.put("reference", lower + "%");
            } else {
                conditions.add(byName);
            }
        });
        String where = String.join(" AND ", conditions);
        List<ReferralSummary> items = jdbc.sql("""
                SELECT id, status, urgency, theme_codes, municipality_nis, care_zone_code, receiving_organisation_id,
                       receiving_service_id, unmet_need, submitted_at, waiting_since, outcome, person_name,
                       (status IN ('SUBMITTED', 'RECEIVED') AND reminded_at IS NOT NULL) AS overdue
                FROM referral
                WHERE %s
                ORDER BY list_rank, submitted_at DESC, id
                LIMIT :size OFFSET :offset
                """.formatted(where))
                .params(params)
                .param("size", size)
                .param("offset", (long) page * size)
                .query((row, n) -> {
                    Timestamp waiting = row.getTimestamp("waiting_since");
                    String outcome = row.getString("outcome");
                    UUID id = row.getObject("id", UUID.class);
                    return new ReferralSummary(
                            id,
                            ReferralSummary.referenceOf(id),
                            row.getString("person_name"),
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
                : jdbc.sql("SELECT count(*) FROM referral WHERE " + where)
                        .params(params)
                        .query(Long.class)
                        .single();
        return new ReferralPage(items, page, size, total);
    }

    /** The follow-ups of a referrer's referrals, or of an organisation's inbox: the last updated first. */
    FollowUp.Page followUps(boolean asReferrer, String owner, FollowUp.Query query) {
        List<String> conditions = new ArrayList<>(
                List.of(asReferrer ? "r.referrer_id = :owner" : "r.receiving_organisation_id = :owner"));
        Map<String, Object> params = new HashMap<>(Map.of("owner", owner));
        if (!query.statuses().isEmpty()) {
            conditions.add("r.status = ANY (:statuses)");
            params.put("statuses", query.statuses().stream().map(Enum::name).toArray(String[]::new));
        }
        query.updatedFrom().ifPresent(from -> {
            conditions.add("u.last_updated >= :from");
            params.put("from", Timestamp.from(from));
        });
        query.updatedUntil().ifPresent(until -> {
            conditions.add("u.last_updated <= :until");
            params.put("until", Timestamp.from(until));
        });
        String where = String.join(" AND ", conditions);
        List<FollowUp> items = jdbc.sql(
                        FOLLOW_UP.formatted(where) + " ORDER BY u.last_updated DESC, r.id LIMIT :count OFFSET :offset")
                .params(params)
                .param("count", query.count())
                .param("offset", query.offset())
                .query(ReferralLists::followUp)
                .list();
        long total =
                jdbc.sql("""
                SELECT count(*) FROM referral r
                CROSS JOIN LATERAL (SELECT max(happened_at) AS last_updated FROM referral_step s
                                    WHERE s.referral_id = r.id) u
                WHERE %s
                """.formatted(where)).params(params).query(Long.class).single();
        return new FollowUp.Page(items, total);
    }

    Optional<FollowUp> followUp(UUID id) {
        return jdbc.sql(FOLLOW_UP.formatted("r.id = :id"))
                .param("id", id)
                .query(ReferralLists::followUp)
                .optional();
    }

    /** The last update is the newest timeline step; a decline's reason is the detail of its step. */
    private static final String FOLLOW_UP = """
            SELECT r.*, u.last_updated, d.decline_reason FROM referral r
            CROSS JOIN LATERAL (SELECT max(happened_at) AS last_updated FROM referral_step s
                                WHERE s.referral_id = r.id) u
            LEFT JOIN LATERAL (SELECT detail AS decline_reason FROM referral_step s
                               WHERE s.referral_id = r.id AND s.step = 'DECLINED'
                               ORDER BY position DESC LIMIT 1) d ON true
            WHERE %s
            """;

    private static FollowUp followUp(ResultSet row, int rowNumber) throws SQLException {
        return new FollowUp(
                Referrals.map(row, rowNumber),
                row.getTimestamp("last_updated").toInstant(),
                Optional.ofNullable(row.getString("decline_reason")));
    }

    private static String code(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
