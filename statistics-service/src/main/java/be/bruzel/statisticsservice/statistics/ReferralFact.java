package be.bruzel.statisticsservice.statistics;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * One referral as the statistics know it: codes and times, nothing about the person. Its state
 * follows from what happened to it, whatever order the events arrived in.
 *
 * @param position its slot in the in-memory figures
 * @param areaId the district where a municipality is split over care zones, else the municipality
 * @param careZoneCode the care zone of the area on the day of submission: history is kept after a zone change
 * @param referrerKey the referrer's pseudonym
 * @param organisationId the organisation that has it, or had it last
 * @param logged made outside the platform and logged by its referrer: it only counts, as logged
 * @param declinedAt declined with no candidate left
 * @param personContacted whether the person, answering the link they were sent, says they were contacted; none
 *        while they have not answered
 * @param personScore how satisfied the person said they are, 1 to 5; none if they did not say
 * @param recordKey 0 to 255, fixed for the referral and unknown outside the service: the last byte of its random id.
 *        The cell keys of the published counts are made of these (see {@link be.bruzel.statisticsservice.disclosure.CellKeyPerturbation})
 */
record ReferralFact(
        int position,
        Instant submittedAt,
        String municipalityNis,
        String areaId,
        String careZoneCode,
        List<String> themeCodes,
        String referrerKey,
        String referrerProfession,
        String organisationId,
        boolean unmetNeed,
        boolean logged,
        Instant acceptedAt,
        Instant firstContactAt,
        int contactAttempts,
        int contactAttemptsReached,
        Instant declinedAt,
        Instant cancelledAt,
        Instant expiredAt,
        Instant completedAt,
        String outcome,
        Instant remindedAt,
        Instant escalatedAt,
        Integer referrerScore,
        Integer organisationScore,
        Boolean personContacted,
        Integer personScore,
        long revision,
        int recordKey) {

    /** Referrals count in the month they were submitted, Brussels time. */
    static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    ReferralFact {
        themeCodes = List.copyOf(themeCodes);
    }

    /** Where a referral stands: the first six partition the referrals submitted through the platform. */
    enum State {
        /** No answer from a receiver yet. */
        WAITING,
        /** Accepted, with or without the person reached, not closed. */
        IN_PROGRESS,
        COMPLETED,
        /** Declined with no candidate left. */
        DECLINED,
        CANCELLED,
        /** Closed by the platform: nobody did anything with it for the idle period. */
        EXPIRED,
        /** Made outside the platform and logged: counted apart, never in the states above. */
        LOGGED
    }

    /** Known once its submission has been projected; until then it counts nowhere. */
    Optional<YearMonth> submittedIn() {
        return Optional.ofNullable(submittedAt).map(at -> YearMonth.from(at.atZone(BRUSSELS)));
    }

    State state() {
        if (logged) {
            return State.LOGGED;
        }
        if (completedAt != null) {
            return State.COMPLETED;
        }
        if (cancelledAt != null) {
            return State.CANCELLED;
        }
        if (declinedAt != null) {
            return State.DECLINED;
        }
        if (expiredAt != null) {
            return State.EXPIRED;
        }
        return acceptedAt != null || firstContactAt != null ? State.IN_PROGRESS : State.WAITING;
    }

    Optional<Duration> timeToAcceptance() {
        return since(acceptedAt);
    }

    Optional<Duration> timeToFirstContact() {
        return since(firstContactAt);
    }

    private Optional<Duration> since(Instant later) {
        if (submittedAt == null || later == null) {
            return Optional.empty();
        }
        Duration duration = Duration.between(submittedAt, later);
        return Optional.of(duration.isNegative() ? Duration.ZERO : duration);
    }
}
