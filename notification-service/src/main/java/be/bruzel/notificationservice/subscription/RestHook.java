package be.bruzel.notificationservice.subscription;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A referrer's FHIR Subscription: when one of their Tasks changes, a notification goes to their GP software's
 * endpoint. Only on their own Tasks; it names the Task, and the software reads it with the referrer's token.
 *
 * @param headers sent with each notification, e.g. the endpoint's own credentials; never answered or logged
 * @param payload {@value #FHIR_JSON} for the id-only Bundle, none for an empty POST
 * @param error why the last round of attempts failed, while the status is {@link Status#ERROR}
 * @param eventsSinceStart how many notifications it was owed so far: each one's number
 */
record RestHook(
        UUID id,
        String ownerId,
        String reason,
        URI endpoint,
        List<String> headers,
        String payload,
        Status status,
        String error,
        long eventsSinceStart,
        Instant createdAt) {

    static final String FHIR_JSON = "application/fhir+json";

    /** active, error (the last round of deliveries failed; it goes on trying), off (deleted) */
    enum Status {
        ACTIVE,
        ERROR,
        OFF
    }

    RestHook {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ownerId, "ownerId");
        headers = List.copyOf(headers);
    }

    /** The criteria as FHIR writes them: the owner's Tasks. */
    String criteria() {
        return "Task?requester=Practitioner/" + ownerId;
    }

    boolean isOwnedBy(String userId) {
        return ownerId.equals(userId);
    }
}
