package be.bruzel.platform.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The receiving organisation declined the referral. When another candidate can take it a
 * {@link ReferralRerouted} follows in the same transaction; otherwise it returns to the referrer.
 *
 * @param reasonCode {@code NOT_OUR_OFFER}, {@code NO_CAPACITY}, {@code OUTSIDE_AREA}, {@code ALREADY_HELPED} or {@code OTHER}
 */
@EventType("referral.declined.v1")
public record ReferralDeclined(
        UUID eventId,
        Instant occurredAt,
        UUID referralId,
        String organisationId,
        String serviceId,
        String reasonCode,
        boolean rerouted)
        implements ReferralEvent {

    public ReferralDeclined {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(referralId, "referralId");
    }
}
