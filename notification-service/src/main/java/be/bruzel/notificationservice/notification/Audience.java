package be.bruzel.notificationservice.notification;

import java.util.Objects;
import java.util.Optional;

/** Who a notification is for: one user, or everyone who acts for an organisation (its team). */
public record Audience(Kind kind, String id) {

    private static final String HELPDESK_PREFIX = "helpdesk-";

    public enum Kind {
        USER,
        ORGANISATION
    }

    public Audience {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    static Audience user(String userId) {
        return new Audience(Kind.USER, userId);
    }

    static Audience organisation(String organisationId) {
        return new Audience(Kind.ORGANISATION, organisationId);
    }

    /** The care zone's helpdesk takes unmet needs and escalations; on the platform it is an organisation. */
    static Audience helpdeskOf(String careZoneCode) {
        return organisation(HELPDESK_PREFIX + careZoneCode);
    }

    /** The care zone whose helpdesk this is, if it is one. */
    Optional<String> helpdeskZone() {
        return kind == Kind.ORGANISATION && id.startsWith(HELPDESK_PREFIX)
                ? Optional.of(id.substring(HELPDESK_PREFIX.length()))
                : Optional.empty();
    }
}
