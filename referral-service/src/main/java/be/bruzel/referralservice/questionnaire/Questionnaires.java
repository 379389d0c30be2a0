package be.bruzel.referralservice.questionnaire;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The versions of the questionnaires, in plain SQL; the questions of a version are one JSON document. */
@Repository
class Questionnaires {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<Questionnaire.Question>> QUESTIONS = new TypeReference<>() {};

    private final JdbcClient jdbc;

    Questionnaires(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(Questionnaire questionnaire) {
        jdbc.sql("""
                INSERT INTO questionnaire_version (code, version, title_nl, title_fr, municipalities, questions, status,
                    valid_from, changed_at, changed_by)
                VALUES (:code, :version, :titleNl, :titleFr, :municipalities, CAST(:questions AS jsonb), :status,
                    :validFrom, :changedAt, :changedBy)
                """).params(parameters(questionnaire)).update();
    }

    /** Writes a version's new state; a published one changes only its status. */
    void update(Questionnaire questionnaire) {
        jdbc.sql("""
                UPDATE questionnaire_version SET title_nl = :titleNl, title_fr = :titleFr,
                    municipalities = :municipalities, questions = CAST(:questions AS jsonb), status = :status,
                    valid_from = :validFrom, changed_at = :changedAt, changed_by = :changedBy
                WHERE code = :code AND version = :version
                """).params(parameters(questionnaire)).update();
    }

    /** A version, locked for the change about to be made to it. */
    Optional<Questionnaire> lock(String code, int version) {
        return one(code, version, " FOR UPDATE");
    }

    Optional<Questionnaire> find(String code, int version) {
        return one(code, version, "");
    }

    private Optional<Questionnaire> one(String code, int version, String lock) {
        return jdbc.sql("SELECT * FROM questionnaire_version WHERE code = :code AND version = :version" + lock)
                .param("code", code)
                .param("version", version)
                .query(Questionnaires::map)
                .optional();
    }

    int lastVersion(String code) {
        return jdbc.sql("SELECT coalesce(max(version), 0) FROM questionnaire_version WHERE code = :code")
                .param("code", code)
                .query(Integer.class)
                .single();
    }

    /** Holds other instances until this transaction ends, then tells whether the questionnaire has no version. */
    boolean noneYet(String code) {
        jdbc.sql("LOCK TABLE questionnaire_version IN EXCLUSIVE MODE").update();
        return lastVersion(code) == 0;
    }

    boolean hasDraft(String code) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM questionnaire_version WHERE code = :code AND status = 'DRAFT')")
                .param("code", code)
                .query(Boolean.class)
                .single();
    }

    /** Every version, each questionnaire's newest first. */
    List<Questionnaire> all() {
        return jdbc.sql("SELECT * FROM questionnaire_version ORDER BY code, version DESC")
                .query(Questionnaires::map)
                .list();
    }

    /**
     * Per questionnaire (or of the one with this code, unless none is given), the published version asked on the
     * day: the one that took over last.
     */
    List<Questionnaire> inForce(LocalDate day, String code) {
        return jdbc.sql("""
                SELECT DISTINCT ON (code) * FROM questionnaire_version
                WHERE status = 'PUBLISHED' AND valid_from <= :day AND (CAST(:code AS text) IS NULL OR code = :code)
                ORDER BY code, valid_from DESC, version DESC
                """)
                .param("day", Date.valueOf(day))
                .param("code", code)
                .query(Questionnaires::map)
                .list();
    }

    private static Map<String, Object> parameters(Questionnaire questionnaire) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("code", questionnaire.code());
        parameters.put("version", questionnaire.version());
        parameters.put("titleNl", questionnaire.title().nl());
        parameters.put("titleFr", questionnaire.title().fr());
        parameters.put("municipalities", questionnaire.municipalities().toArray(String[]::new));
        parameters.put("questions", JSON.writeValueAsString(questionnaire.questions()));
        parameters.put("status", questionnaire.status().name());
        parameters.put("validFrom", questionnaire.validFrom() == null ? null : Date.valueOf(questionnaire.validFrom()));
        parameters.put("changedAt", Timestamp.from(questionnaire.changedAt()));
        parameters.put("changedBy", questionnaire.changedBy());
        return parameters;
    }

    private static Questionnaire map(ResultSet row, int number) throws SQLException {
        Date validFrom = row.getDate("valid_from");
        return new Questionnaire(
                row.getString("code"),
                row.getInt("version"),
                new Questionnaire.Text(row.getString("title_nl"), row.getString("title_fr")),
                List.of((String[]) row.getArray("municipalities").getArray()),
                JSON.readValue(row.getString("questions"), QUESTIONS),
                Questionnaire.Status.valueOf(row.getString("status")),
                validFrom == null ? null : validFrom.toLocalDate(),
                row.getTimestamp("changed_at").toInstant(),
                row.getString("changed_by"));
    }
}
