package be.bruzel.directoryservice.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** The directory's audit trail. A change and its entry commit together or not at all. */
@Repository
public class AuditTrail {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    AuditTrail(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Records a change; must run inside the change's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String actorId, String action, String subjectType, String subjectId, Object change) {
        jdbc.sql("""
                INSERT INTO audit_entry (occurred_at, actor_id, action, subject_type, subject_id, details)
                VALUES (:at, :actor, :action, :type, :subject, CAST(:details AS jsonb))
                """)
                .param("at", Timestamp.from(clock.instant()))
                .param("actor", actorId)
                .param("action", action)
                .param("type", subjectType)
                .param("subject", subjectId)
                .param("details", json.writeValueAsString(change))
                .update();
    }

    List<AuditEntry> latest(String subjectType, int page, int size) {
        return jdbc.sql("""
                SELECT * FROM audit_entry WHERE CAST(:type AS text) IS NULL OR subject_type = :type
                ORDER BY occurred_at DESC, id DESC LIMIT :size OFFSET :offset
                """)
                .param("type", subjectType)
                .param("size", size)
                .param("offset", (long) page * size)
                .query((row, n) -> new AuditEntry(
                        row.getLong("id"),
                        row.getTimestamp("occurred_at").toInstant(),
                        row.getString("actor_id"),
                        row.getString("action"),
                        row.getString("subject_type"),
                        row.getString("subject_id"),
                        json.readTree(row.getString("details"))))
                .list();
    }
}
