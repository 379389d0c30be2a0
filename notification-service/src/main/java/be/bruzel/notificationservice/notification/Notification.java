package be.bruzel.notificationservice.notification;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Something a user is told about a referral. It names what happened and which referral, never
 * the person: the referral itself is where the details are, for those allowed to see them.
 */
public record Notification(UUID id, String recipientId, Type type, UUID referralId, UUID eventId,
        Instant createdAt, Instant readAt) {

    public Notification {
        Objects.requireNonNull(recipientId, "recipientId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(referralId, "referralId");
    }

    public enum Type {
        /** Told to the referrer: the referral is on its way. */
        REFERRAL_SUBMITTED
    }

    static Notification of(Type type, String recipientId, UUID referralId, UUID eventId, Instant now) {
        return new Notification(UUID.randomUUID(), recipientId, type, referralId, eventId, now, null);
    }

    public boolean isUnread() {
        return readAt == null;
    }
}
