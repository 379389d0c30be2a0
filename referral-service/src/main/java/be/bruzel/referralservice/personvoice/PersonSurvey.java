package be.bruzel.referralservice.personvoice;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/**
 * The question to one person about one referral, and their answer once they gave it.
 *
 * @param organisationId the organisation that had the referral when the person was asked: the one they answer about
 * @param channel {@code EMAIL}, {@code SMS}, or {@code NONE} when neither can reach them; none until it is sent
 */
record PersonSurvey(
        UUID referralId,
        UUID linkId,
        String organisationId,
        String serviceId,
        String channel,
        Instant createdAt,
        Instant expiresAt,
        Instant sentAt,
        int attempts,
        Instant answeredAt) {

    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    /** The last day the person can answer, in Brussels. */
    LocalDate answerBefore() {
        return LocalDate.ofInstant(expiresAt.minusSeconds(1), BRUSSELS);
    }

    SurveyLinks.Link link() {
        return new SurveyLinks.Link(linkId, expiresAt);
    }

    /** Why the link no longer works at this moment, or none while it does. */
    Closed closedAt(Instant now) {
        if (answeredAt != null) {
            return Closed.ANSWERED;
        }
        return now.isBefore(expiresAt) ? null : Closed.EXPIRED;
    }

    enum Closed {
        ANSWERED,
        EXPIRED
    }
}
