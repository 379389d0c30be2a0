package be.bruzel.referralservice.referral;

import be.bruzel.platform.routing.Fact;
import be.bruzel.platform.routing.PersonFacts;
import be.bruzel.referralservice.routing.Receiver;
import be.bruzel.referralservice.routing.Route;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The referrals and their timelines, in plain SQL. */
@Repository
class Referrals {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<Fact, Boolean>> FACTS = new TypeReference<>() {};

    /** Open, and no step on the timeline and no message in the feedback thread since {@code :before}. */
    private static final String IDLE = """
            r.status IN ('SUBMITTED', 'RECEIVED', 'ACCEPTED', 'IN_PROGRESS') AND r.submitted_at < :before
              AND NOT EXISTS (SELECT 1 FROM referral_step s WHERE s.referral_id = r.id AND s.happened_at >= :before)
              AND NOT EXISTS (SELECT 1 FROM feedback_message m WHERE m.referral_id = r.id AND m.posted_at >= :before)
            """;

    private final JdbcClient jdbc;

    Referrals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(Referral referral, List<Route> routes) {
        jdbc.sql("""
                INSERT INTO referral (id, submission_id, referrer_id, referrer_name, referrer_profession, status,
                    person_name, person_phone, person_email, person_language, person_year_of_birth, person_facts,
                    postcode, municipality_nis, area_id,
                    care_zone_code, theme_codes, question, urgency, contact_channel, contact_moment, consent_method,
                    consent_given_at, consent_ask_afterwards, receiving_organisation_id, receiving_service_id, unmet_need, routing,
                    submitted_at, waiting_since, version)
                VALUES (:id, :submission, :referrer, :referrerName, :profession, :status, :name, :phone, :email,
                    :language, :yearOfBirth, CAST(:facts AS jsonb), :postcode, :municipality, :area, :careZone, :themes, :question, :urgency, :channel,
                    :moment, :consentMethod, :consentGivenAt, :askAfterwards, :organisation, :service, :unmetNeed,
                    CAST(:routing AS jsonb), :submittedAt, :waitingSince, 0)
                """)
                .param("id", referral.id())
                .param("submission", referral.submissionId())
                .param("referrer", referral.referrer().userId())
                .param("referrerName", referral.referrer().name())
                .param("profession", referral.referrer().profession())
                .param("status", referral.status().name())
                .param("name", referral.person().name())
                .param("phone", referral.person().phone())
                .param("email", referral.person().email())
                .param("language", referral.person().preferredLanguage())
                .param("yearOfBirth", referral.person().facts().yearOfBirth())
                .param(
                        "facts",
                        JSON.writeValueAsString(referral.person().facts().facts()))
                .param("postcode", referral.residence().postcode())
                .param("municipality", referral.residence().municipalityNis())
                .param("area", referral.residence().areaId())
                .param("careZone", referral.residence().careZoneCode())
                .param("themes", referral.themeCodes().toArray(String[]::new))
                .param("question", referral.question())
                .param("urgency", referral.urgency().name())
                .param("channel", referral.contactPreference().channel())
                .param("moment", referral.contactPreference().moment())
                .param("consentMethod", referral.consent().method().name())
                .param("consentGivenAt", Timestamp.from(referral.consent().givenAt()))
                .param("askAfterwards", referral.consent().askAfterwards())
                .param("organisation", referral.receiver().organisationId())
                .param("service", referral.receiver().serviceId().orElse(null))
                .param("unmetNeed", referral.receiver().unmetNeed())
                .param("routing", JSON.writeValueAsString(routes))
                .param("submittedAt", Timestamp.from(referral.times().submittedAt()))
                .param("waitingSince", Timestamp.from(referral.times().waitingSince()))
                .update();
    }

    /**
     * Stores a transition, only if nobody changed the referral since it was read.
     *
     * @param routes the new explanation when the referral was routed again, else none
     * @throws OptimisticLockingFailureException when someone else was faster
     */
    Referral update(Referral changed, Optional<List<Route>> routes) {
        Referral.Times times = changed.times();
        int updated = jdbc.sql("""
                UPDATE referral SET status = :status, receiving_organisation_id = :organisation,
                    receiving_service_id = :service, unmet_need = :unmetNeed, declined_by = :declinedBy,
                    routing = COALESCE(CAST(:routing AS jsonb), routing), outcome = :outcome,
                    waiting_since = :waitingSince, accepted_at = :acceptedAt, first_contact_at = :firstContactAt,
                    closed_at = :closedAt, reminded_at = :remindedAt, escalated_at = :escalatedAt,
                    version = version + 1
                WHERE id = :id AND version = :version
                """)
                .param("status", changed.status().name())
                .param("organisation", changed.receiver().organisationId())
                .param("service", changed.receiver().serviceId().orElse(null))
                .param("unmetNeed", changed.receiver().unmetNeed())
                .param("declinedBy", changed.declinedBy().toArray(String[]::new))
                .param("routing", routes.map(JSON::writeValueAsString).orElse(null))
                .param(
                        "outcome",
                        changed.outcome() == null ? null : changed.outcome().name())
                .param("waitingSince", timestamp(times.waitingSince()))
                .param("acceptedAt", timestamp(times.acceptedAt()))
                .param("firstContactAt", timestamp(times.firstContactAt()))
                .param("closedAt", timestamp(times.closedAt()))
                .param("remindedAt", timestamp(times.remindedAt()))
                .param("escalatedAt", timestamp(times.escalatedAt()))
                .param("id", changed.id())
                .param("version", changed.version())
                .update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("referral " + changed.id() + " changed meanwhile");
        }
        return changed.nextVersion();
    }

    /** The submission that claimed an Idempotency-Key first, with the hash of its request. */
    record Claim(String requestHash, UUID submissionId) {}

    /**
     * Claims the referrer's key for this submission; empty if it did, else the submission that has it.
     * A concurrent twin waits on the key's row and then finds it taken.
     */
    Optional<Claim> claimIdempotencyKey(
            String referrerId, String key, String requestHash, UUID submissionId, Instant now) {
        int claimed = jdbc.sql("""
                INSERT INTO submission (referrer_id, idempotency_key, request_hash, submission_id, submitted_at)
                VALUES (:referrer, :key, :hash, :submission, :now) ON CONFLICT DO NOTHING
                """)
                .param("referrer", referrerId)
                .param("key", key)
                .param("hash", requestHash)
                .param("submission", submissionId)
                .param("now", Timestamp.from(now))
                .update();
        if (claimed == 1) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT request_hash, submission_id FROM submission WHERE referrer_id = :referrer AND idempotency_key = :key
                """)
                .param("referrer", referrerId)
                .param("key", key)
                .query((row, n) -> new Claim(row.getString("request_hash"), row.getObject("submission_id", UUID.class)))
                .optional();
    }

    Optional<Referral> find(UUID id) {
        return jdbc.sql("SELECT * FROM referral WHERE id = :id")
                .param("id", id)
                .query(Referrals::map)
                .optional();
    }

    List<Referral> ofSubmission(UUID submissionId) {
        return jdbc.sql("SELECT * FROM referral WHERE submission_id = :submission ORDER BY submitted_at, id")
                .param("submission", submissionId)
                .query(Referrals::map)
                .list();
    }

    /** The routing explanation as stored: one entry per theme. */
    String routingOf(UUID id) {
        return jdbc.sql("SELECT routing::text FROM referral WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    List<Referral> findAll(Collection<UUID> ids) {
        return jdbc.sql("SELECT * FROM referral WHERE id = ANY (CAST(:ids AS uuid[])) ORDER BY id")
                .param("ids", ids.stream().map(UUID::toString).toArray(String[]::new))
                .query(Referrals::map)
                .list();
    }

    void addStep(UUID referralId, ReferralStep step) {
        jdbc.sql("""
                INSERT INTO referral_step (referral_id, position, happened_at, step, actor_id, actor_role, detail,
                                           remark)
                VALUES (:id, (SELECT COALESCE(max(position), 0) + 1 FROM referral_step WHERE referral_id = :id),
                        :at, :step, :actorId, :actorRole, :detail, :remark)
                """)
                .param("id", referralId)
                .param("at", Timestamp.from(step.at()))
                .param("step", step.step())
                .param("actorId", step.actorId())
                .param("actorRole", step.actorRole())
                .param("detail", step.detail())
                .param("remark", step.remark())
                .update();
    }

    List<ReferralStep> steps(UUID referralId) {
        return jdbc.sql("""
                SELECT happened_at, step, actor_id, actor_role, detail, remark FROM referral_step
                WHERE referral_id = :id ORDER BY position
                """)
                .param("id", referralId)
                .query((row, n) -> new ReferralStep(
                        row.getTimestamp("happened_at").toInstant(),
                        row.getString("step"),
                        row.getString("actor_id"),
                        row.getString("actor_role"),
                        row.getString("detail"),
                        row.getString("remark")))
                .list();
    }

    /** @param organisationId the organisation that tried: only it and the referrer read the attempt */
    void addContactAttempt(UUID referralId, String organisationId, ContactAttempt attempt, Instant loggedAt) {
        jdbc.sql("""
                INSERT INTO contact_attempt (id, referral_id, attempted_at, channel, reached, logged_by, logged_at, note,
                                             organisation_id)
                VALUES (:id, :referral, :attemptedAt, :channel, :reached, :by, :loggedAt, :note, :organisation)
                """)
                .param("id", attempt.id())
                .param("referral", referralId)
                .param("note", attempt.note())
                .param("organisation", organisationId)
                .param("attemptedAt", Timestamp.from(attempt.attemptedAt()))
                .param("channel", attempt.channel().name())
                .param("reached", attempt.reached())
                .param("by", attempt.loggedBy())
                .param("loggedAt", Timestamp.from(loggedAt))
                .update();
    }

    /** @param organisationId only the attempts of that organisation; all of them when none */
    List<ContactAttempt> contactAttempts(UUID referralId, Optional<String> organisationId) {
        return jdbc.sql("""
                SELECT id, attempted_at, channel, reached, logged_by, note FROM contact_attempt
                WHERE referral_id = :id AND (CAST(:organisation AS text) IS NULL OR organisation_id = :organisation)
                ORDER BY attempted_at, logged_at
                """)
                .param("id", referralId)
                .param("organisation", organisationId.orElse(null))
                .query((row, n) -> new ContactAttempt(
                        row.getObject("id", UUID.class),
                        row.getTimestamp("attempted_at").toInstant(),
                        ContactAttempt.Channel.valueOf(row.getString("channel")),
                        row.getBoolean("reached"),
                        row.getString("logged_by"),
                        row.getString("note")))
                .list();
    }

    /** @return false when this side has scored the referral already */
    boolean addSatisfaction(UUID referralId, Satisfaction satisfaction, String raterId) {
        return jdbc.sql("""
                INSERT INTO satisfaction (referral_id, rater_role, rater_id, score, rated_at)
                VALUES (:id, :role, :rater, :score, :at) ON CONFLICT DO NOTHING
                """)
                        .param("id", referralId)
                        .param("role", satisfaction.raterRole())
                        .param("rater", raterId)
                        .param("score", satisfaction.score())
                        .param("at", Timestamp.from(satisfaction.ratedAt()))
                        .update()
                == 1;
    }

    List<Satisfaction> satisfaction(UUID referralId) {
        return jdbc.sql(
                        "SELECT rater_role, score, rated_at FROM satisfaction WHERE referral_id = :id ORDER BY rated_at")
                .param("id", referralId)
                .query((row, n) -> new Satisfaction(
                        row.getString("rater_role"),
                        row.getInt("score"),
                        row.getTimestamp("rated_at").toInstant()))
                .list();
    }

    /** Referrals still waiting for their receiver's answer since before the given time. */
    List<Referral> waitingSince(Instant before) {
        return jdbc.sql("""
                SELECT * FROM referral WHERE status IN ('SUBMITTED', 'RECEIVED') AND waiting_since < :before
                  AND escalated_at IS NULL
                ORDER BY waiting_since
                """)
                .param("before", Timestamp.from(before))
                .query(Referrals::map)
                .list();
    }

    /**
     * Stores the erasure of referrals whose person's data {@link Referral#erase erase} removed: the person, the
     * question, the contact moment, every note and remark, and the idempotency row of their submission (its hash
     * was made from the person's data). The step says who erased it and why.
     *
     * @throws OptimisticLockingFailureException when one of them changed since it was read
     */
    void erase(List<Referral> erased, ReferralStep step) {
        if (erased.isEmpty()) {
            return;
        }
        String[] ids = erased.stream().map(referral -> referral.id().toString()).toArray(String[]::new);
        Referral.Erasure erasure = erased.getFirst().erasure();
        int updated = jdbc.sql("""
                UPDATE referral r SET person_name = NULL, person_phone = NULL, person_email = NULL,
                    person_year_of_birth = NULL, person_facts = '{}', question = NULL,
                    contact_moment = NULL, personal_data_erased_at = :at, personal_data_erasure_reason = :reason,
                    version = r.version + 1
                FROM unnest(CAST(:ids AS uuid[]), CAST(:versions AS integer[])) AS e(id, version)
                WHERE r.id = e.id AND r.version = e.version AND r.personal_data_erased_at IS NULL
                """)
                .param("ids", ids)
                .param(
                        "versions",
                        erased.stream()
                                .map(referral -> String.valueOf(referral.version()))
                                .toArray(String[]::new))
                .param("at", Timestamp.from(erasure.erasedAt()))
                .param("reason", erasure.reason().name())
                .update();
        if (updated != erased.size()) {
            throw new OptimisticLockingFailureException(erased.size() - updated + " referral(s) changed meanwhile");
        }
        jdbc.sql(
                        "UPDATE referral_step SET remark = NULL WHERE referral_id = ANY (CAST(:ids AS uuid[])) AND remark IS NOT NULL")
                .param("ids", ids)
                .update();
        jdbc.sql(
                        "UPDATE contact_attempt SET note = NULL WHERE referral_id = ANY (CAST(:ids AS uuid[])) AND note IS NOT NULL")
                .param("ids", ids)
                .update();
        jdbc.sql("""
                DELETE FROM submission WHERE submission_id IN (
                    SELECT submission_id FROM referral WHERE id = ANY (CAST(:ids AS uuid[])))
                """).param("ids", ids).update();
        jdbc.sql("""
                INSERT INTO referral_step (referral_id, position, happened_at, step, actor_id, actor_role, detail)
                SELECT e.id, (SELECT COALESCE(max(s.position), 0) + 1 FROM referral_step s WHERE s.referral_id = e.id),
                       :at, :step, :actorId, :actorRole, :detail
                FROM unnest(CAST(:ids AS uuid[])) AS e(id)
                """)
                .param("ids", ids)
                .param("at", Timestamp.from(step.at()))
                .param("step", step.step())
                .param("actorId", step.actorId())
                .param("actorRole", step.actorRole())
                .param("detail", step.detail())
                .update();
    }

    /** Closed referrals that still hold the person's data and closed before the given time, oldest first. */
    List<UUID> closedBefore(Instant before, int limit) {
        return jdbc.sql("""
                SELECT id FROM referral WHERE personal_data_erased_at IS NULL AND closed_at < :before
                ORDER BY closed_at, id LIMIT :limit
                """)
                .param("before", Timestamp.from(before))
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    long countClosedBefore(Instant before) {
        return jdbc.sql("SELECT count(*) FROM referral WHERE personal_data_erased_at IS NULL AND closed_at < :before")
                .param("before", Timestamp.from(before))
                .query(Long.class)
                .single();
    }

    /**
     * Open referrals on which nobody did anything since before the given time: no step on the timeline and no
     * message in the feedback thread, oldest first.
     */
    List<UUID> idleSince(Instant before, int limit) {
        return jdbc.sql("SELECT r.id FROM referral r WHERE " + IDLE + " ORDER BY r.submitted_at, r.id LIMIT :limit")
                .param("before", Timestamp.from(before))
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    long countIdleSince(Instant before) {
        return jdbc.sql("SELECT count(*) FROM referral r WHERE " + IDLE)
                .param("before", Timestamp.from(before))
                .query(Long.class)
                .single();
    }

    /** When anyone last did something with the referral: its newest step or message. */
    Instant lastActivity(UUID id) {
        return jdbc.sql("""
                SELECT GREATEST((SELECT max(happened_at) FROM referral_step WHERE referral_id = :id),
                                (SELECT max(posted_at) FROM feedback_message WHERE referral_id = :id))
                """).param("id", id).query(Timestamp.class).single().toInstant();
    }

    /** Idempotency keys are for retries: after the window a key's row, and the hash of its request, goes. */
    int forgetSubmissionsBefore(Instant before) {
        return jdbc.sql("DELETE FROM submission WHERE submitted_at < :before")
                .param("before", Timestamp.from(before))
                .update();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    static Referral map(ResultSet row, int rowNumber) throws SQLException {
        String outcome = row.getString("outcome");
        String service = row.getString("receiving_service_id");
        Instant erasedAt = instant(row, "personal_data_erased_at");
        Referral.Erasure erasure = erasedAt == null
                ? null
                : new Referral.Erasure(
                        erasedAt, Referral.ErasureReason.valueOf(row.getString("personal_data_erasure_reason")));
        return new Referral(
                row.getObject("id", UUID.class),
                row.getObject("submission_id", UUID.class),
                new Referral.Referrer(
                        row.getString("referrer_id"),
                        row.getString("referrer_name"),
                        row.getString("referrer_profession")),
                Referral.Status.valueOf(row.getString("status")),
                new Referral.Person(
                        row.getString("person_name"),
                        row.getString("person_phone"),
                        row.getString("person_email"),
                        row.getString("person_language"),
                        new PersonFacts(
                                row.getObject("person_year_of_birth", Integer.class),
                                JSON.readValue(row.getString("person_facts"), FACTS))),
                new Referral.Residence(
                        row.getString("postcode"),
                        row.getString("municipality_nis"),
                        row.getString("area_id"),
                        row.getString("care_zone_code")),
                List.of((String[]) row.getArray("theme_codes").getArray()),
                row.getString("question"),
                Referral.Urgency.valueOf(row.getString("urgency")),
                new Referral.ContactPreference(row.getString("contact_channel"), row.getString("contact_moment")),
                new Referral.Consent(
                        Referral.Consent.Method.valueOf(row.getString("consent_method")),
                        row.getTimestamp("consent_given_at").toInstant(),
                        row.getBoolean("consent_ask_afterwards")),
                new Receiver(
                        row.getString("receiving_organisation_id"),
                        Optional.ofNullable(service),
                        row.getBoolean("unmet_need")),
                List.of((String[]) row.getArray("declined_by").getArray()),
                outcome == null ? null : Referral.Outcome.valueOf(outcome),
                new Referral.Times(
                        instant(row, "submitted_at"),
                        instant(row, "waiting_since"),
                        instant(row, "accepted_at"),
                        instant(row, "first_contact_at"),
                        instant(row, "closed_at"),
                        instant(row, "reminded_at"),
                        instant(row, "escalated_at")),
                erasure,
                row.getInt("version"));
    }
}
