package be.bruzel.notificationservice.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * My notifications about one referral, grouped: what it is about, how many I have not read, and the
 * newest of them.
 *
 * @param reference the first block of the referral's id, as lists and e-mails name it
 * @param themes the referral's theme codes; none for a referral submitted before they were kept
 * @param count all my notifications about it, of which {@code newest} holds up to {@link #NEWEST}
 */
public record ReferralNotifications(
        UUID referralId,
        String reference,
        List<String> themes,
        Instant latestAt,
        long count,
        long unread,
        List<Notification> newest) {

    /** The newest notifications a group shows; the referral's timeline has them all. */
    static final int NEWEST = 10;

    public ReferralNotifications {
        themes = List.copyOf(themes);
        newest = List.copyOf(newest);
    }

    static ReferralNotifications of(UUID referralId, List<String> themes, Instant latestAt, long count, long unread) {
        return new ReferralNotifications(
                referralId, referralId.toString().substring(0, 8), themes, latestAt, count, unread, List.of());
    }

    ReferralNotifications with(List<Notification> newestOfMine) {
        return new ReferralNotifications(referralId, reference, themes, latestAt, count, unread, newestOfMine);
    }
}
