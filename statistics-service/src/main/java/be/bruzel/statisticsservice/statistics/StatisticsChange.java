package be.bruzel.statisticsservice.statistics;

import be.bruzel.platform.events.ContactAttemptLogged;
import be.bruzel.platform.events.FeedbackPosted;
import be.bruzel.platform.events.PersonAnswered;
import be.bruzel.platform.events.ReferralAccepted;
import be.bruzel.platform.events.ReferralCancelled;
import be.bruzel.platform.events.ReferralCompleted;
import be.bruzel.platform.events.ReferralDeclined;
import be.bruzel.platform.events.ReferralErased;
import be.bruzel.platform.events.ReferralEscalated;
import be.bruzel.platform.events.ReferralEvent;
import be.bruzel.platform.events.ReferralExpired;
import be.bruzel.platform.events.ReferralLogged;
import be.bruzel.platform.events.ReferralReceived;
import be.bruzel.platform.events.ReferralReminderDue;
import be.bruzel.platform.events.ReferralRerouted;
import be.bruzel.platform.events.ReferralSubmitted;
import be.bruzel.platform.events.SatisfactionRated;
import be.bruzel.statisticsservice.pseudonyms.Pseudonyms;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What one referral event changes in the statistics store: the columns its kind of event sets,
 * all others empty. The store folds changes into a row by rules that do not depend on their
 * order, so a replay and the live projection can run side by side.
 */
record StatisticsChange(
        UUID referralId,
        Instant submittedAt,
        String municipalityNis,
        String areaId,
        String careZoneCode,
        List<String> themeCodes,
        String referrerKey,
        String referrerProfession,
        String organisationId,
        Instant routedAt,
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
        Integer personScore) {

    StatisticsChange {
        themeCodes = themeCodes == null ? List.of() : List.copyOf(themeCodes);
    }

    /** The change an event makes; none for events no figure counts (opened, feedback written, erased). */
    static Optional<StatisticsChange> of(ReferralEvent event, Pseudonyms pseudonyms) {
        Builder change = new Builder(event.referralId());
        switch (event) {
            case ReferralSubmitted submitted -> {
                change.submitted(
                        submitted.occurredAt(),
                        submitted.municipalityNis(),
                        submitted.areaId(),
                        submitted.careZoneCode(),
                        submitted.themeCodes(),
                        pseudonyms.of(submitted.referrerId()),
                        submitted.referrerProfession(),
                        submitted.receivingOrganisationId());
                change.routedAt = submitted.occurredAt();
                change.unmetNeed = submitted.unmetNeed();
            }
            case ReferralRerouted rerouted -> {
                change.organisationId = rerouted.organisationId();
                change.routedAt = rerouted.occurredAt();
                change.unmetNeed = rerouted.unmetNeed();
            }
            case ReferralAccepted accepted -> change.acceptedAt = accepted.occurredAt();
            case ReferralDeclined declined -> {
                if (!declined.rerouted()) {
                    change.declinedAt = declined.occurredAt();
                }
            }
            case ContactAttemptLogged attempt -> {
                change.contactAttempts = 1;
                if (attempt.reached()) {
                    change.contactAttemptsReached = 1;
                    change.firstContactAt = attempt.attemptedAt();
                }
            }
            case ReferralCompleted completed -> {
                change.completedAt = completed.occurredAt();
                change.outcome = completed.outcome();
            }
            case ReferralCancelled cancelled -> change.cancelledAt = cancelled.occurredAt();
            case ReferralExpired expired -> change.expiredAt = expired.occurredAt();
            case SatisfactionRated rated -> {
                if ("REFERRER".equals(rated.raterRole())) {
                    change.referrerScore = rated.score();
                } else {
                    change.organisationScore = rated.score();
                }
            }
            // As the person says it, through the link they were sent: the first answer counts (a link is single-use).
            case PersonAnswered answered -> {
                change.personContacted = answered.contacted();
                change.personScore = answered.score();
            }
            case ReferralLogged logged -> {
                // Counted in the month it was made, where the person lives, as the referrer logged it.
                change.submitted(
                        logged.madeOn().atStartOfDay(ReferralFact.BRUSSELS).toInstant(),
                        logged.municipalityNis(),
                        logged.areaId(),
                        logged.careZoneCode(),
                        logged.themeCodes(),
                        pseudonyms.of(logged.referrerId()),
                        logged.referrerProfession(),
                        logged.receivingOrganisationId());
                change.logged = true;
            }
            case ReferralReminderDue reminder -> change.remindedAt = reminder.occurredAt();
            case ReferralEscalated escalated -> change.escalatedAt = escalated.occurredAt();
            case ReferralReceived received -> {
                return Optional.empty();
            }
            case FeedbackPosted feedback -> {
                return Optional.empty();
            }
            // The statistics hold no personal data: an erasure changes no figure.
            case ReferralErased erased -> {
                return Optional.empty();
            }
        }
        return Optional.of(change.build());
    }

    /** Events set a few columns each; this keeps {@link #of} readable. */
    private static final class Builder {
        private final UUID referralId;
        private Instant submittedAt;
        private String municipalityNis;
        private String areaId;
        private String careZoneCode;
        private List<String> themeCodes;
        private String referrerKey;
        private String referrerProfession;
        private String organisationId;
        private Instant routedAt;
        private boolean unmetNeed;
        private boolean logged;
        private Instant acceptedAt;
        private Instant firstContactAt;
        private int contactAttempts;
        private int contactAttemptsReached;
        private Instant declinedAt;
        private Instant cancelledAt;
        private Instant expiredAt;
        private Instant completedAt;
        private String outcome;
        private Instant remindedAt;
        private Instant escalatedAt;
        private Integer referrerScore;
        private Integer organisationScore;
        private Boolean personContacted;
        private Integer personScore;

        private Builder(UUID referralId) {
            this.referralId = referralId;
        }

        /** When, where, on what, by whom and to whom: what a submission and a logged referral both say. */
        private void submitted(
                Instant at,
                String municipality,
                String area,
                String careZone,
                List<String> themes,
                String referrer,
                String profession,
                String organisation) {
            submittedAt = at;
            municipalityNis = municipality;
            areaId = area;
            careZoneCode = careZone;
            themeCodes = themes;
            referrerKey = referrer;
            referrerProfession = profession;
            organisationId = organisation;
        }

        private StatisticsChange build() {
            return new StatisticsChange(
                    referralId,
                    submittedAt,
                    municipalityNis,
                    areaId,
                    careZoneCode,
                    themeCodes,
                    referrerKey,
                    referrerProfession,
                    organisationId,
                    routedAt,
                    unmetNeed,
                    logged,
                    acceptedAt,
                    firstContactAt,
                    contactAttempts,
                    contactAttemptsReached,
                    declinedAt,
                    cancelledAt,
                    expiredAt,
                    completedAt,
                    outcome,
                    remindedAt,
                    escalatedAt,
                    referrerScore,
                    organisationScore,
                    personContacted,
                    personScore);
        }
    }
}
