package be.bruzel.platform.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The personal data of the person in a referral was erased: its codes, steps and times stay. A
 * service that keeps anything about the referral drops what describes the person.
 *
 * @param reasonCode {@code RETENTION}, {@code PERSON_REQUEST}, {@code CONSENT_WITHDRAWN} or {@code ENTERED_IN_ERROR}
 */
@EventType("referral.erased.v1")
public record ReferralErased(UUID eventId, Instant occurredAt, UUID referralId, String reasonCode)
        implements ReferralEvent {

    public ReferralErased {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(reasonCode, "reasonCode");
    }
}
