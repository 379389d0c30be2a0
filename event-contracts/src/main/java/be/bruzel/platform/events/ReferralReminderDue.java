package be.bruzel.platform.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The receiving organisation has not answered within the reminder delay (working days). */
@EventType("referral.reminder-due.v1")
public record ReferralReminderDue(
        UUID eventId,
        Instant occurredAt,
        UUID referralId,
        String organisationId,
        String serviceId,
        int workingDaysWaiting)
        implements ReferralEvent {

    public ReferralReminderDue {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(referralId, "referralId");
    }
}
