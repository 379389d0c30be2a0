package be.bruzel.referralservice.referral;

import be.bruzel.platform.events.ContactAttemptLogged;
import be.bruzel.platform.events.PersonAnswered;
import be.bruzel.platform.events.ReferralAccepted;
import be.bruzel.platform.events.ReferralCancelled;
import be.bruzel.platform.events.ReferralCompleted;
import be.bruzel.platform.events.ReferralDeclined;
import be.bruzel.platform.events.ReferralErased;
import be.bruzel.platform.events.ReferralEscalated;
import be.bruzel.platform.events.ReferralExpired;
import be.bruzel.platform.events.ReferralReceived;
import be.bruzel.platform.events.ReferralReminderDue;
import be.bruzel.platform.events.ReferralRerouted;
import be.bruzel.platform.events.ReferralSubmitted;
import be.bruzel.platform.events.SatisfactionRated;
import be.bruzel.platform.routing.PersonFacts;
import be.bruzel.referralservice.routing.Receiver;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * One request for help for one person, sent by a referrer with the person's consent, to one
 * receiver. Its states follow the FHIR Task pattern for closed-loop referral; every transition
 * checks here that it may happen and returns what happened ({@link Transition}): the referral as it
 * is afterwards, the steps of its timeline and the events that tell the other services.
 *
 * @param submissionId the submission it came from: themes routed to different receivers make one referral each
 * @param declinedBy the services that declined it; it is never routed to them again
 * @param person who is referred; once erased, only the language they speak
 * @param question in the referrer's words; none once erased
 * @param erasure when and why the person's data was erased; none while it is held
 * @param version for optimistic locking: two people acting at once cannot both win
 */
public record Referral(
        UUID id,
        UUID submissionId,
        Referrer referrer,
        Status status,
        Person person,
        Residence residence,
        List<String> themeCodes,
        String question,
        Urgency urgency,
        ContactPreference contactPreference,
        Consent consent,
        Receiver receiver,
        List<String> declinedBy,
        Outcome outcome,
        Times times,
        Erasure erasure,
        int version) {

    public Referral {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(referrer, "referrer");
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(consent, "consent");
        if (erasure == null) {
            Objects.requireNonNull(person.name(), "person.name");
            Objects.requireNonNull(question, "question");
        }
        Objects.requireNonNull(receiver, "receiver");
        themeCodes = List.copyOf(themeCodes);
        declinedBy = List.copyOf(declinedBy);
        if (themeCodes.isEmpty()) {
            throw new IllegalArgumentException("a referral is about at least one theme");
        }
    }

    /**
     * States of the closed loop, with the FHIR Task status each stands for: requested, received,
     * accepted, rejected, in-progress, completed, cancelled; expired (no activity for the idle
     * period, closed by the platform) is a FHIR Task that failed.
     */
    public enum Status {
        SUBMITTED,
        RECEIVED,
        ACCEPTED,
        DECLINED,
        IN_PROGRESS,
        COMPLETED,
        CANCELLED,
        EXPIRED;

        private static final Set<Status> WAITING = EnumSet.of(SUBMITTED, RECEIVED);
        private static final Set<Status> TAKEN = EnumSet.of(ACCEPTED, IN_PROGRESS);

        public boolean isFinal() {
            return this == DECLINED || this == COMPLETED || this == CANCELLED || this == EXPIRED;
        }

        /** The receiver has not answered yet: reminders and escalation count from here. */
        public boolean isWaiting() {
            return WAITING.contains(this);
        }
    }

    public enum Urgency {
        ROUTINE,
        SOON,
        URGENT
    }

    public enum Outcome {
        SOLVED,
        PARTLY_SOLVED,
        REFERRED_ON,
        PERSON_DECLINED,
        UNREACHABLE
    }

    public enum DeclineReason {
        NOT_OUR_OFFER,
        NO_CAPACITY,
        OUTSIDE_AREA,
        ALREADY_HELPED,
        OTHER
    }

    /** @param profession e.g. {@code general-practitioner}, for statistics by profession */
    public record Referrer(String userId, String name, String profession) {}

    /**
     * The person referred. Never a user of the platform; their data is special-category. Once erased only the
     * language is left, a code the events carry too.
     */
    public record Person(String name, String phone, String email, String preferredLanguage, PersonFacts facts) {
        public Person {
            if (name != null && phone == null && email == null) {
                throw new IllegalArgumentException("a person is reachable by phone or e-mail");
            }
            facts = facts == null ? PersonFacts.UNKNOWN : facts;
        }

        static Person erased(String preferredLanguage) {
            return new Person(null, null, null, preferredLanguage, PersonFacts.UNKNOWN);
        }
    }

    /** Where the person lives, as the territory had it on the day of submission. */
    public record Residence(String postcode, String municipalityNis, String areaId, String careZoneCode) {}

    /**
     * @param channel {@code PHONE} or {@code EMAIL}; none: either
     * @param moment when the person prefers to be contacted, in the referrer's words
     */
    public record ContactPreference(String channel, String moment) {}

    /**
     * How and when the person agreed to be referred.
     *
     * @param askAfterwards the person agreed too, apart, that the platform asks them afterwards, by e-mail or SMS,
     *     whether they were contacted and how satisfied they are
     */
    public record Consent(Method method, Instant givenAt, boolean askAfterwards) {
        public Consent(Method method, Instant givenAt) {
            this(method, givenAt, false);
        }

        public enum Method {
            ORAL,
            WRITTEN,
            DIGITAL
        }
    }

    /**
     * @param waitingSince since when the current receiver has had it without answering
     */
    public record Times(
            Instant submittedAt,
            Instant waitingSince,
            Instant acceptedAt,
            Instant firstContactAt,
            Instant closedAt,
            Instant remindedAt,
            Instant escalatedAt) {

        static Times submittedAt(Instant now) {
            return new Times(now, now, null, null, null, null, null);
        }

        /** Accepted: no longer waiting. */
        Times accepted(Instant at) {
            return new Times(submittedAt, null, at, firstContactAt, closedAt, remindedAt, escalatedAt);
        }

        Times reached(Instant at) {
            return new Times(submittedAt, waitingSince, acceptedAt, at, closedAt, remindedAt, escalatedAt);
        }

        Times closed(Instant at) {
            return new Times(submittedAt, null, acceptedAt, firstContactAt, at, remindedAt, escalatedAt);
        }

        /** Passed on to the next receiver: a wait of its own, with reminders and escalation counted afresh. */
        Times waitingAgain(Instant since) {
            return new Times(submittedAt, since, null, null, null, null, null);
        }

        Times reminded(Instant at) {
            return new Times(submittedAt, waitingSince, acceptedAt, firstContactAt, closedAt, at, escalatedAt);
        }

        /** Escalated, and reminded then if not before. */
        Times escalated(Instant at) {
            return new Times(
                    submittedAt,
                    waitingSince,
                    acceptedAt,
                    firstContactAt,
                    closedAt,
                    remindedAt == null ? at : remindedAt,
                    at);
        }
    }

    /** Why the person's data was erased; {@code RETENTION} is the platform's own, after the retention period. */
    public enum ErasureReason {
        RETENTION,
        PERSON_REQUEST,
        CONSENT_WITHDRAWN,
        ENTERED_IN_ERROR
    }

    /** The person's data is gone; the referral's codes, steps and times stay. */
    public record Erasure(Instant erasedAt, ErasureReason reason) {
        public Erasure {
            Objects.requireNonNull(erasedAt, "erasedAt");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The move a referral cannot make in its state: a 409 for whoever tried. */
    public static final class IllegalTransitionException extends RuntimeException {

        private final Status status;

        IllegalTransitionException(String action, Status status) {
            super(action + " is not possible in " + status);
            this.status = status;
        }

        public Status status() {
            return status;
        }
    }

    /**
     * Submitted and routed at once: to a service, or to the care zone's helpdesk as an unmet need.
     *
     * @param answers the zone's questionnaire in codes, for the event; none when it was not gone through
     */
    public static Transition submit(
            UUID submissionId,
            Referrer referrer,
            Person person,
            Residence residence,
            List<String> themeCodes,
            String question,
            Urgency urgency,
            ContactPreference contactPreference,
            Consent consent,
            Receiver receiver,
            ReferralSubmitted.Answers answers,
            Instant now) {
        Referral submitted = new Referral(
                UUID.randomUUID(),
                submissionId,
                referrer,
                Status.SUBMITTED,
                person,
                residence,
                themeCodes,
                question,
                urgency,
                contactPreference,
                consent,
                receiver,
                List.of(),
                null,
                Times.submittedAt(now),
                null,
                0);
        return new Transition(
                submitted,
                List.of(
                        new Transition.Happened(
                                TimelineStep.SUBMITTED,
                                null,
                                new ReferralSubmitted(
                                        UUID.randomUUID(),
                                        now,
                                        submitted.id,
                                        referrer.userId(),
                                        themeCodes,
                                        residence.postcode(),
                                        person.preferredLanguage(),
                                        urgency.name(),
                                        residence.municipalityNis(),
                                        residence.areaId(),
                                        residence.careZoneCode(),
                                        receiver.organisationId(),
                                        receiver.serviceId().orElse(null),
                                        receiver.unmetNeed(),
                                        referrer.profession(),
                                        submissionId,
                                        answers)),
                        new Transition.Happened(
                                receiver.unmetNeed() ? TimelineStep.ROUTED_TO_HELPDESK : TimelineStep.ROUTED,
                                receiver.organisationId(),
                                null)));
    }

    public boolean isReferredBy(String userId) {
        return referrer.userId().equals(userId);
    }

    public boolean isReceivedBy(String organisationId) {
        return receiver.organisationId().equals(organisationId);
    }

    /** The receiving organisation opened it for the first time. */
    Transition receive(Instant now) {
        require("receive", status == Status.SUBMITTED);
        return Transition.of(
                with(Status.RECEIVED, times),
                TimelineStep.RECEIVED,
                null,
                new ReferralReceived(UUID.randomUUID(), now, id, receiver.organisationId(), serviceId()));
    }

    Transition accept(Instant now) {
        require("accept", status.isWaiting());
        return Transition.of(
                with(Status.ACCEPTED, times.accepted(now)),
                TimelineStep.ACCEPTED,
                null,
                new ReferralAccepted(UUID.randomUUID(), now, id, receiver.organisationId(), serviceId()));
    }

    /**
     * Declined by its receiver: waits at the next receiver, routed to it by the platform, or, when
     * there is none, goes back to the referrer.
     */
    Transition decline(DeclineReason reason, Receiver next, Instant now) {
        require("decline", status.isWaiting());
        List<String> declined = new ArrayList<>(declinedBy);
        receiver.serviceId().ifPresent(declined::add);
        Transition.Happened declining = new Transition.Happened(
                TimelineStep.DECLINED,
                reason.name(),
                new ReferralDeclined(
                        UUID.randomUUID(),
                        now,
                        id,
                        receiver.organisationId(),
                        serviceId(),
                        reason.name(),
                        next != null));
        if (next == null) {
            return new Transition(
                    new Referral(
                            id,
                            submissionId,
                            referrer,
                            Status.DECLINED,
                            person,
                            residence,
                            themeCodes,
                            question,
                            urgency,
                            contactPreference,
                            consent,
                            receiver,
                            declined,
                            outcome,
                            times.closed(now),
                            erasure,
                            version),
                    List.of(declining));
        }
        return new Transition(
                new Referral(
                        id,
                        submissionId,
                        referrer,
                        Status.SUBMITTED,
                        person,
                        residence,
                        themeCodes,
                        question,
                        urgency,
                        contactPreference,
                        consent,
                        next,
                        declined,
                        outcome,
                        times.waitingAgain(now),
                        erasure,
                        version),
                List.of(
                        declining,
                        new Transition.Happened(
                                TimelineStep.ROUTED,
                                next.organisationId(),
                                new ReferralRerouted(
                                        UUID.randomUUID(),
                                        now,
                                        id,
                                        next.organisationId(),
                                        next.serviceId().orElse(null),
                                        next.unmetNeed()))));
    }

    /** A contact attempt; the first that reaches the person puts the referral in progress. */
    Transition contactAttempted(ContactAttempt attempt, Instant now) {
        require("log a contact attempt", Status.TAKEN.contains(status));
        Referral after = !attempt.reached() || status == Status.IN_PROGRESS
                ? this
                : with(Status.IN_PROGRESS, times.reached(attempt.attemptedAt()));
        return Transition.of(
                after,
                attempt.reached() ? TimelineStep.CONTACT_MADE : TimelineStep.CONTACT_ATTEMPTED,
                attempt.channel().name(),
                new ContactAttemptLogged(
                        UUID.randomUUID(),
                        now,
                        id,
                        attempt.id(),
                        receiver.organisationId(),
                        attempt.attemptedAt(),
                        attempt.channel().name(),
                        attempt.reached()));
    }

    Transition complete(Outcome reached, Instant now) {
        require("complete", Status.TAKEN.contains(status));
        Referral completed = new Referral(
                id,
                submissionId,
                referrer,
                Status.COMPLETED,
                person,
                residence,
                themeCodes,
                question,
                urgency,
                contactPreference,
                consent,
                receiver,
                declinedBy,
                reached,
                times.closed(now),
                erasure,
                version);
        return Transition.of(
                completed,
                TimelineStep.COMPLETED,
                reached.name(),
                new ReferralCompleted(UUID.randomUUID(), now, id, receiver.organisationId(), reached.name()));
    }

    /** Withdrawn by its referrer, or for them ({@code detail}: why, when an erasure withdraws it). */
    Transition cancel(String detail, Instant now) {
        require("cancel", !status.isFinal());
        return Transition.of(
                with(Status.CANCELLED, times.closed(now)),
                TimelineStep.CANCELLED,
                detail,
                new ReferralCancelled(UUID.randomUUID(), now, id, referrer.userId(), receiver.organisationId()));
    }

    /** Nobody did anything with it for the idle period: the platform closes it. */
    Transition expire(Instant lastActivity, Instant now) {
        require("expire", !status.isFinal());
        return Transition.of(
                with(Status.EXPIRED, times.closed(now)),
                TimelineStep.EXPIRED,
                null,
                new ReferralExpired(
                        UUID.randomUUID(), now, id, referrer.userId(), receiver.organisationId(), lastActivity));
    }

    /** Erases what describes the person; only once it is closed, so that no one works with a nameless referral. */
    Transition erase(ErasureReason reason, Instant now) {
        require("erase", status.isFinal() && !isErased());
        Referral erased = new Referral(
                id,
                submissionId,
                referrer,
                status,
                Person.erased(person.preferredLanguage()),
                residence,
                themeCodes,
                null,
                urgency,
                new ContactPreference(contactPreference.channel(), null),
                consent,
                receiver,
                declinedBy,
                outcome,
                times,
                new Erasure(now, reason),
                version);
        return Transition.of(
                erased,
                TimelineStep.PERSONAL_DATA_ERASED,
                reason.name(),
                new ReferralErased(UUID.randomUUID(), now, id, reason.name()));
    }

    public boolean isErased() {
        return erasure != null;
    }

    /** Its receiver is reminded to answer, after {@code workingDays} without one. */
    Transition remind(int workingDays, Instant now) {
        require("remind", status.isWaiting() && times.remindedAt() == null);
        return Transition.of(
                with(status, times.reminded(now)),
                TimelineStep.REMINDER_DUE,
                String.valueOf(workingDays),
                new ReferralReminderDue(
                        UUID.randomUUID(), now, id, receiver.organisationId(), serviceId(), workingDays));
    }

    /** Still no answer: the care zone's helpdesk steps in. Escalated once per receiver. */
    Transition escalate(int workingDays, Instant now) {
        require("escalate", status.isWaiting() && times.escalatedAt() == null);
        return Transition.of(
                with(status, times.escalated(now)),
                TimelineStep.ESCALATED,
                Receiver.helpdeskOf(residence.careZoneCode()).organisationId(),
                new ReferralEscalated(
                        UUID.randomUUID(),
                        now,
                        id,
                        receiver.organisationId(),
                        serviceId(),
                        residence.careZoneCode(),
                        referrer.userId(),
                        workingDays));
    }

    /** Once the work is done, each side scores it once ({@code side}: {@code REFERRER} or {@code ORGANISATION}). */
    Transition rate(String side, int score, Instant now) {
        require("rate", status == Status.COMPLETED);
        return Transition.of(
                this,
                TimelineStep.RATED,
                String.valueOf(score),
                new SatisfactionRated(UUID.randomUUID(), now, id, side, score));
    }

    /** The platform sent the person the link to answer themselves ({@code channel}: {@code EMAIL} or {@code SMS}). */
    Transition personAsked(String channel) {
        require("ask the person", erasure == null && consent.askAfterwards());
        return Transition.of(this, TimelineStep.PERSON_ASKED, channel, null);
    }

    /**
     * The person answered through that link: their word, beside the organisation's, which it does not change. The
     * state stays; the organisation's contact attempts say what happened on their side.
     */
    Transition personAnswered(boolean contacted, Integer score, Instant now) {
        require("record the person's answer", erasure == null && consent.askAfterwards());
        return Transition.of(
                this,
                contacted ? TimelineStep.PERSON_SAYS_CONTACTED : TimelineStep.PERSON_SAYS_NOT_CONTACTED,
                score == null ? null : String.valueOf(score),
                new PersonAnswered(UUID.randomUUID(), now, id, receiver.organisationId(), contacted, score));
    }

    /** As stored once a change is saved: one version further. */
    Referral nextVersion() {
        return new Referral(
                id,
                submissionId,
                referrer,
                status,
                person,
                residence,
                themeCodes,
                question,
                urgency,
                contactPreference,
                consent,
                receiver,
                declinedBy,
                outcome,
                times,
                erasure,
                version + 1);
    }

    private void require(String action, boolean allowed) {
        if (!allowed) {
            throw new IllegalTransitionException(action, status);
        }
    }

    private Referral with(Status next, Times nextTimes) {
        return new Referral(
                id,
                submissionId,
                referrer,
                next,
                person,
                residence,
                themeCodes,
                question,
                urgency,
                contactPreference,
                consent,
                receiver,
                declinedBy,
                outcome,
                nextTimes,
                erasure,
                version);
    }

    private String serviceId() {
        return receiver.serviceId().orElse(null);
    }
}
