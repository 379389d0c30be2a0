package be.bruzel.notificationservice.notification;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Something a user or an organisation's team is told about a referral. It names what happened
 * and which referral, never the person: the referral itself is where the details are, for those
 * allowed to see them.
 *
 * @param readAt when the reader marked it read, for themselves; null while unread
 */
public record Notification(
        UUID id, Audience audience, Type type, UUID referralId, UUID eventId, Instant createdAt, Instant readAt) {

    public Notification {
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(referralId, "referralId");
    }

    /** What happened, named after the event that told it. */
    public enum Type {
        /** Told to the receiving organisation: a new referral. */
        REFERRAL_SUBMITTED,
        /** Told to the new receiving organisation: a referral another one declined. */
        REFERRAL_REROUTED,
        /** Told to the referrer. */
        REFERRAL_ACCEPTED,
        /** Told to the referrer: declined, and either sent on to the next candidate or back to them. */
        REFERRAL_DECLINED,
        /** Told to the referrer: the organisation reached the person. */
        FIRST_CONTACT_MADE,
        /** Told to the referrer, with the outcome. */
        REFERRAL_COMPLETED,
        /** Told to the receiving organisation: the referrer withdrew it. */
        REFERRAL_CANCELLED,
        /** Told to the other side of the feedback thread. */
        FEEDBACK_POSTED,
        /** Told to the receiving organisation and the zone helpdesk: no answer yet. */
        REMINDER_DUE,
        /** Told to the receiving organisation, the zone helpdesk and the referrer. */
        REFERRAL_ESCALATED,
        /** Told to the referrer and the receiving organisation: nobody acted on it for the idle period. */
        REFERRAL_EXPIRED
    }

    static Notification of(Type type, Audience audience, UUID referralId, UUID eventId, Instant now) {
        return new Notification(UUID.randomUUID(), audience, type, referralId, eventId, now, null);
    }

    public boolean isUnread() {
        return readAt == null;
    }
}
