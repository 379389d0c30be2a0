package be.bruzel.platform.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A referrer submitted a referral, with the person's consent. */
@EventType("referral.submitted.v1")
public record ReferralSubmitted(
        UUID eventId,
        Instant occurredAt,
        UUID referralId,
        String referrerId,
        List<String> themeCodes,
        String postcode,
        String preferredLanguage) implements ReferralEvent {

    public ReferralSubmitted {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(referralId, "referralId");
        themeCodes = List.copyOf(themeCodes);
    }
}
