package be.bruzel.notificationservice.notification;

import static org.assertj.core.api.Assertions.assertThat;

import be.bruzel.notificationservice.notification.Notification.Type;
import be.bruzel.notificationservice.notification.Recipients.Told;
import be.bruzel.notificationservice.notification.ReferralParties.ReferralParty;
import be.bruzel.platform.events.ContactAttemptLogged;
import be.bruzel.platform.events.FeedbackPosted;
import be.bruzel.platform.events.ReferralAccepted;
import be.bruzel.platform.events.ReferralCancelled;
import be.bruzel.platform.events.ReferralCompleted;
import be.bruzel.platform.events.ReferralDeclined;
import be.bruzel.platform.events.ReferralErased;
import be.bruzel.platform.events.ReferralEscalated;
import be.bruzel.platform.events.ReferralEvent;
import be.bruzel.platform.events.ReferralExpired;
import be.bruzel.platform.events.ReferralReceived;
import be.bruzel.platform.events.ReferralReminderDue;
import be.bruzel.platform.events.ReferralRerouted;
import be.bruzel.platform.events.ReferralSubmitted;
import be.bruzel.platform.events.SatisfactionRated;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RecipientsTests {

    static final UUID REFERRAL = UUID.randomUUID();
    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    static final Optional<ReferralParty> KNOWN = Optional.of(
            new ReferralParty(REFERRAL, "gp.jette", "ocmw-jette", "ocmw-jette-schuldbemiddeling", "noord", null));
    static final Audience GP = Audience.user("gp.jette");
    static final Audience OCMW = Audience.organisation("ocmw-jette");
    static final Audience HELPDESK = Audience.organisation("helpdesk-noord");

    @Test
    void aNewOrReroutedReferralIsToldToTheReceivingOrganisation() {
        assertThat(told(
                        new ReferralSubmitted(
                                id(),
                                NOW,
                                REFERRAL,
                                "gp.jette",
                                List.of("finances"),
                                "1090",
                                "nl",
                                "ROUTINE",
                                "21010",
                                "21010",
                                "noord",
                                "ocmw-jette",
                                "ocmw-jette-schuldbemiddeling",
                                false,
                                "general-practitioner"),
                        Optional.empty()))
                .containsExactly(new Told(Type.REFERRAL_SUBMITTED, OCMW));
        assertThat(told(new ReferralRerouted(id(), NOW, REFERRAL, "caw-brussel", "caw-brussel-onthaal", false), KNOWN))
                .containsExactly(new Told(Type.REFERRAL_REROUTED, Audience.organisation("caw-brussel")));
    }

    @Test
    void theReferrerHearsBack() {
        assertThat(told(new ReferralAccepted(id(), NOW, REFERRAL, "ocmw-jette", null), KNOWN))
                .containsExactly(new Told(Type.REFERRAL_ACCEPTED, GP));
        assertThat(told(new ReferralDeclined(id(), NOW, REFERRAL, "ocmw-jette", null, "NO_CAPACITY", false), KNOWN))
                .containsExactly(new Told(Type.REFERRAL_DECLINED, GP));
        assertThat(told(new ReferralCompleted(id(), NOW, REFERRAL, "ocmw-jette", "SOLVED"), KNOWN))
                .containsExactly(new Told(Type.REFERRAL_COMPLETED, GP));
        assertThat(Recipients.of(attempt(true), KNOWN, true)).containsExactly(new Told(Type.FIRST_CONTACT_MADE, GP));
    }

    @Test
    void onlyTheFirstContactThatReachedThePersonIsTold() {
        assertThat(Recipients.of(attempt(true), KNOWN, false)).isEmpty();
        assertThat(Recipients.of(attempt(false), KNOWN, false)).isEmpty();
    }

    @Test
    void feedbackGoesToTheOtherSideAndACancellationToTheOrganisation() {
        assertThat(told(
                        new FeedbackPosted(
                                id(), NOW, REFERRAL, id(), "ORGANISATION", "worker.jette", "ocmw-jette", "gp.jette"),
                        KNOWN))
                .containsExactly(new Told(Type.FEEDBACK_POSTED, GP));
        assertThat(told(
                        new FeedbackPosted(id(), NOW, REFERRAL, id(), "REFERRER", "gp.jette", "ocmw-jette", "gp.jette"),
                        KNOWN))
                .containsExactly(new Told(Type.FEEDBACK_POSTED, OCMW));
        assertThat(told(new ReferralCancelled(id(), NOW, REFERRAL, "gp.jette", "ocmw-jette"), KNOWN))
                .containsExactly(new Told(Type.REFERRAL_CANCELLED, OCMW));
    }

    @Test
    void anExpiredReferralIsNewsForBothSidesAndAnErasureForNoOne() {
        assertThat(told(
                        new ReferralExpired(id(), NOW, REFERRAL, "gp.jette", "ocmw-jette", NOW.minusSeconds(86_400)),
                        KNOWN))
                .containsExactly(new Told(Type.REFERRAL_EXPIRED, GP), new Told(Type.REFERRAL_EXPIRED, OCMW));
        assertThat(told(new ReferralErased(id(), NOW, REFERRAL, "PERSON_REQUEST"), KNOWN))
                .isEmpty();
    }

    @Test
    void remindersAndEscalationsReachTheOrganisationAndTheZoneHelpdeskAndEscalationsTheReferrer() {
        assertThat(told(new ReferralReminderDue(id(), NOW, REFERRAL, "ocmw-jette", null, 2), KNOWN))
                .containsExactly(new Told(Type.REMINDER_DUE, OCMW), new Told(Type.REMINDER_DUE, HELPDESK));
        assertThat(told(new ReferralEscalated(id(), NOW, REFERRAL, "ocmw-jette", null, "noord", "gp.jette", 5), KNOWN))
                .containsExactly(
                        new Told(Type.REFERRAL_ESCALATED, OCMW),
                        new Told(Type.REFERRAL_ESCALATED, HELPDESK),
                        new Told(Type.REFERRAL_ESCALATED, GP));
    }

    @Test
    void anUnmetNeedEscalatedIsToldToItsHelpdeskOnce() {
        assertThat(told(
                        new ReferralEscalated(id(), NOW, REFERRAL, "helpdesk-noord", null, "noord", "gp.jette", 5),
                        KNOWN))
                .containsExactly(new Told(Type.REFERRAL_ESCALATED, HELPDESK), new Told(Type.REFERRAL_ESCALATED, GP));
    }

    @Test
    void receiptsAndScoresTellNobody() {
        assertThat(told(new ReferralReceived(id(), NOW, REFERRAL, "ocmw-jette", null), KNOWN))
                .isEmpty();
        assertThat(told(new SatisfactionRated(id(), NOW, REFERRAL, "REFERRER", 5), KNOWN))
                .isEmpty();
    }

    private static List<Told> told(ReferralEvent event, Optional<ReferralParty> party) {
        return Recipients.of(event, party, false);
    }

    private static ContactAttemptLogged attempt(boolean reached) {
        return new ContactAttemptLogged(id(), NOW, REFERRAL, id(), "ocmw-jette", NOW, "PHONE", reached);
    }

    private static UUID id() {
        return UUID.randomUUID();
    }
}
