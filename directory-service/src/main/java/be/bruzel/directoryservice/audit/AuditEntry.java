package be.bruzel.directoryservice.audit;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** One change to the directory: who, when, what, and the change itself. */
public record AuditEntry(
        long id,
        Instant occurredAt,
        String actorId,
        String action,
        String subjectType,
        String subjectId,
        JsonNode details) {}
