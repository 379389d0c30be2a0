package be.bruzel.referralservice.referral;

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
 * checks here that it may happen and returns the referral as it is afterwards.
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
        SUBMITTED, RECEIVED, ACCEPTED, DECLINED, IN_PROGRESS, COMPLETED, CANCELLED, EXPIRED;

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

    public enum Urgency { ROUTINE, SOON, URGENT }

    public enum Outcome { SOLVED, PARTLY_SOLVED, REFERRED_ON, PERSON_DECLINED, UNREACHABLE }

    public enum DeclineReason { NOT_OUR_OFFER, NO_CAPACITY, OUTSIDE_AREA, ALREADY_HELPED, OTHER }

    /** @param profession e.g. {@code general-practitioner}, for statistics by profession */
    public record Referrer(String userId, String name, String profession) {
    }

    /**
     * The person referred. Never a user of the platform; their data is special-category. Once erased only the
     * language is left, a code the events carry too.
     */
    public record Person(String name, String phone, String email, String preferredLanguage) {
        public Person {
            if (name != null && phone == null && email == null) {
                throw new IllegalArgumentException("a person is reachable by phone or e-mail");
            }
        }

        static Person erased(String preferredLanguage) {
            return new Person(null, null, null, preferredLanguage);
        }
    }

    /** Where the person lives, as the territory had it on the day of submission. */
    public record Residence(String postcode, String municipalityNis, String areaId, String careZoneCode) {
    }

    /**
     * @param channel {@code PHONE} or {@code EMAIL}; none: either
     * @param moment when the person prefers to be contacted, in the referrer's words
     */
    public record ContactPreference(String channel, String moment) {
    }

    /** How and when the person agreed to be referred. */
    public record Consent(Method method, Instant givenAt) {
        public enum Method { ORAL, WRITTEN, DIGITAL }
    }

    /**
     * @param waitingSince since when the current receiver has had it without answering
     */
    public record Times(Instant submittedAt, Instant waitingSince, Instant acceptedAt, Instant firstContactAt,
            Instant closedAt, Instant remindedAt, Instant escalatedAt) {

        static Times submittedAt(Instant now) {
            return new Times(now, now, null, null, null, null, null);
        }
    }

    /** Why the person's data was erased; {@code RETENTION} is the platform's own, after the retention period. */
    public enum ErasureReason { RETENTION, PERSON_REQUEST, CONSENT_WITHDRAWN, ENTERED_IN_ERROR }

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

    public static Referral submit(UUID submissionId, Referrer referrer, Person person, Residence residence,
            List<String> themeCodes, String question, Urgency urgency, ContactPreference contactPreference,
            Consent consent, Receiver receiver, Instant now) {
        return new Referral(UUID.randomUUID(), submissionId, referrer, Status.SUBMITTED, person, residence, themeCodes,
                question, urgency, contactPreference, consent, receiver, List.of(), null, Times.submittedAt(now), null,
                0);
    }

    public boolean isReferredBy(String userId) {
        return referrer.userId().equals(userId);
    }

    public boolean isReceivedBy(String organisationId) {
        return receiver.organisationId().equals(organisationId);
    }

    /** The receiving organisation opened it for the first time. */
    Referral receive() {
        require("receive", status == Status.SUBMITTED);
        return with(Status.RECEIVED, receiver, declinedBy, outcome, times);
    }

    Referral accept(Instant now) {
        require("accept", status.isWaiting());
        return with(Status.ACCEPTED, receiver, declinedBy, outcome, new Times(times.submittedAt(), null, now,
                times.firstContactAt(), null, times.remindedAt(), times.escalatedAt()));
    }

    /** Declined by its receiver: waits at the next receiver, or, when there is none, goes back to the referrer. */
    Referral decline(Receiver next, Instant now) {
        require("decline", status.isWaiting());
        List<String> declined = new ArrayList<>(declinedBy);
        receiver.serviceId().ifPresent(declined::add);
        if (next == null) {
            return with(Status.DECLINED, receiver, declined, outcome, new Times(times.submittedAt(), null, null,
                    null, now, times.remindedAt(), times.escalatedAt()));
        }
        return with(Status.SUBMITTED, next, declined, outcome,
                new Times(times.submittedAt(), now, null, null, null, null, null));
    }

    /** A contact attempt; the first that reaches the person puts the referral in progress. */
    Referral contactAttempted(boolean reached, Instant attemptedAt) {
        require("log a contact attempt", Status.TAKEN.contains(status));
        if (!reached || status == Status.IN_PROGRESS) {
            return this;
        }
        return with(Status.IN_PROGRESS, receiver, declinedBy, outcome, new Times(times.submittedAt(), null,
                times.acceptedAt(), attemptedAt, null, times.remindedAt(), times.escalatedAt()));
    }

    Referral complete(Outcome reached, Instant now) {
        require("complete", Status.TAKEN.contains(status));
        return with(Status.COMPLETED, receiver, declinedBy, reached, new Times(times.submittedAt(), null,
                times.acceptedAt(), times.firstContactAt(), now, times.remindedAt(), times.escalatedAt()));
    }

    Referral cancel(Instant now) {
        require("cancel", !status.isFinal());
        return with(Status.CANCELLED, receiver, declinedBy, outcome, new Times(times.submittedAt(), null,
                times.acceptedAt(), times.firstContactAt(), now, times.remindedAt(), times.escalatedAt()));
    }

    /** Nobody did anything with it for the idle period: the platform closes it. */
    Referral expire(Instant now) {
        require("expire", !status.isFinal());
        return with(Status.EXPIRED, receiver, declinedBy, outcome, new Times(times.submittedAt(), null,
                times.acceptedAt(), times.firstContactAt(), now, times.remindedAt(), times.escalatedAt()));
    }

    /** Erases what describes the person; only once it is closed, so that no one works with a nameless referral. */
    Referral erase(ErasureReason reason, Instant now) {
        require("erase", status.isFinal());
        if (isErased()) {
            return this;
        }
        return new Referral(id, submissionId, referrer, status, Person.erased(person.preferredLanguage()), residence,
                themeCodes, null, urgency,
                new ContactPreference(contactPreference.channel(), null), consent, receiver, declinedBy, outcome, times,
                new Erasure(now, reason), version);
    }

    public boolean isErased() {
        return erasure != null;
    }

    /** Its receiver has been reminded to answer. */
    Referral remind(Instant now) {
        require("remind", status.isWaiting());
        return with(status, receiver, declinedBy, outcome, new Times(times.submittedAt(), times.waitingSince(), null,
                null, null, now, null));
    }

    /** Still no answer: the care zone's helpdesk steps in. Escalated once per receiver. */
    Referral escalate(Instant now) {
        require("escalate", status.isWaiting() && times.escalatedAt() == null);
        Instant reminded = times.remindedAt() == null ? now : times.remindedAt();
        return with(status, receiver, declinedBy, outcome, new Times(times.submittedAt(), times.waitingSince(), null,
                null, null, reminded, now));
    }

    /** Satisfaction is asked once the work is done. */
    void requireCompleted() {
        require("rate", status == Status.COMPLETED);
    }

    /** As stored once a change is saved: one version further. */
    Referral nextVersion() {
        return new Referral(id, submissionId, referrer, status, person, residence, themeCodes, question, urgency,
                contactPreference, consent, receiver, declinedBy, outcome, times, erasure, version + 1);
    }

    private void require(String action, boolean allowed) {
        if (!allowed) {
            throw new IllegalTransitionException(action, status);
        }
    }

    private Referral with(Status next, Receiver nextReceiver, List<String> declined, Outcome nextOutcome,
            Times nextTimes) {
        return new Referral(id, submissionId, referrer, next, person, residence, themeCodes, question, urgency,
                contactPreference, consent, nextReceiver, declined, nextOutcome, nextTimes, erasure, version);
    }
}
