package be.bruzel.referralservice.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.bruzel.platform.events.ContactAttemptLogged;
import be.bruzel.platform.events.ReferralAccepted;
import be.bruzel.platform.events.ReferralDeclined;
import be.bruzel.platform.events.ReferralErased;
import be.bruzel.platform.events.ReferralEscalated;
import be.bruzel.platform.events.ReferralRerouted;
import be.bruzel.platform.events.ReferralSubmitted;
import be.bruzel.platform.routing.PersonFacts;
import be.bruzel.referralservice.referral.Referral.Status;
import be.bruzel.referralservice.routing.Receiver;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The closed loop's state machine, without Spring: every transition in every state, allowed or refused. */
class ReferralTests {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final Receiver OCMW = new Receiver("ocmw-jette", Optional.of("ocmw-jette-sociale-dienst"), false);
    private static final Receiver CAW = new Receiver("caw-brussel", Optional.of("caw-noord-onthaal"), false);

    /** Each transition, as it is tried on a referral in every state. */
    private static final Map<String, Function<Referral, Transition>> TRANSITIONS = Map.ofEntries(
            Map.entry("receive", referral -> referral.receive(NOW)),
            Map.entry("accept", referral -> referral.accept(NOW)),
            Map.entry("decline", referral -> referral.decline(Referral.DeclineReason.NO_CAPACITY, null, NOW)),
            Map.entry("log a contact attempt", referral -> referral.contactAttempted(attempt(true), NOW)),
            Map.entry("complete", referral -> referral.complete(Referral.Outcome.SOLVED, NOW)),
            Map.entry("cancel", referral -> referral.cancel(null, NOW)),
            Map.entry("expire", referral -> referral.expire(NOW.minus(Duration.ofDays(400)), NOW)),
            Map.entry("erase", referral -> referral.erase(Referral.ErasureReason.PERSON_REQUEST, NOW)),
            Map.entry("remind", referral -> referral.remind(2, NOW)),
            Map.entry("escalate", referral -> referral.escalate(5, NOW)),
            Map.entry("rate", referral -> referral.rate("REFERRER", 4, NOW)));

    private static final Set<Status> WAITING = EnumSet.of(Status.SUBMITTED, Status.RECEIVED);
    private static final Set<Status> TAKEN = EnumSet.of(Status.ACCEPTED, Status.IN_PROGRESS);
    private static final Set<Status> OPEN =
            EnumSet.complementOf(EnumSet.of(Status.DECLINED, Status.COMPLETED, Status.CANCELLED, Status.EXPIRED));

    /** In which states each transition is allowed; in every other it is refused. */
    private static final Map<String, Set<Status>> ALLOWED = Map.ofEntries(
            Map.entry("receive", EnumSet.of(Status.SUBMITTED)),
            Map.entry("accept", WAITING),
            Map.entry("decline", WAITING),
            Map.entry("log a contact attempt", TAKEN),
            Map.entry("complete", TAKEN),
            Map.entry("cancel", OPEN),
            Map.entry("expire", OPEN),
            Map.entry("erase", EnumSet.complementOf(EnumSet.copyOf(OPEN))),
            Map.entry("remind", WAITING),
            Map.entry("escalate", WAITING),
            Map.entry("rate", EnumSet.of(Status.COMPLETED)));

    static Stream<Arguments> everyTransitionInEveryState() {
        return TRANSITIONS.keySet().stream()
                .sorted()
                .flatMap(transition -> Arrays.stream(Status.values()).map(status -> Arguments.of(transition, status)));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("everyTransitionInEveryState")
    void aTransitionIsMadeInTheStatesThatAllowItAndRefusedInAllOthers(String transition, Status status) {
        Referral referral = in(status);
        if (ALLOWED.get(transition).contains(status)) {
            Transition made = TRANSITIONS.get(transition).apply(referral);
            assertThat(made.happened()).isNotEmpty();
            assertThat(made.events())
                    .isNotEmpty()
                    .allSatisfy(event -> assertThat(event.referralId()).isEqualTo(referral.id()));
        } else {
            assertThatThrownBy(() -> TRANSITIONS.get(transition).apply(referral))
                    .isInstanceOf(Referral.IllegalTransitionException.class)
                    .satisfies(refused -> assertThat(((Referral.IllegalTransitionException) refused).status())
                            .isEqualTo(status));
        }
    }

    @Test
    void everyTransitionIsInTheTableAndEveryStateCanBeReached() {
        assertThat(ALLOWED.keySet()).isEqualTo(TRANSITIONS.keySet());
        assertThat(Arrays.stream(Status.values()).map(status -> in(status).status()))
                .containsExactly(Status.values());
    }

    @Test
    void aSubmissionIsRoutedAtOnceAndToldInOneEvent() {
        Transition submitted = submit(OCMW);

        assertThat(submitted.referral().status()).isEqualTo(Status.SUBMITTED);
        assertThat(submitted.happened())
                .extracting(Transition.Happened::step)
                .containsExactly(TimelineStep.SUBMITTED, TimelineStep.ROUTED);
        assertThat(submitted.events()).singleElement().isInstanceOfSatisfying(ReferralSubmitted.class, event -> {
            assertThat(event.receivingOrganisationId()).isEqualTo("ocmw-jette");
            assertThat(event.unmetNeed()).isFalse();
        });
        assertThat(submit(Receiver.helpdeskOf("noord")).happened())
                .extracting(Transition.Happened::step)
                .containsExactly(TimelineStep.SUBMITTED, TimelineStep.ROUTED_TO_HELPDESK);
    }

    @Test
    void acceptingStopsTheWaitAndTellsWhoAccepted() {
        Transition accepted = in(Status.RECEIVED).accept(NOW);

        assertThat(accepted.referral().status()).isEqualTo(Status.ACCEPTED);
        assertThat(accepted.referral().times().acceptedAt()).isEqualTo(NOW);
        assertThat(accepted.referral().times().waitingSince()).isNull();
        assertThat(accepted.events())
                .singleElement()
                .isInstanceOfSatisfying(
                        ReferralAccepted.class,
                        event -> assertThat(event.organisationId()).isEqualTo("ocmw-jette"));
    }

    @Test
    void aDeclineWithAnotherCandidatePassesItOnToWaitThereAfresh() {
        Referral reminded = in(Status.SUBMITTED).remind(2, NOW).referral();

        Transition declined = reminded.decline(Referral.DeclineReason.NO_CAPACITY, CAW, NOW.plusSeconds(60));

        assertThat(declined.referral().status()).isEqualTo(Status.SUBMITTED);
        assertThat(declined.referral().receiver()).isEqualTo(CAW);
        assertThat(declined.referral().declinedBy()).containsExactly("ocmw-jette-sociale-dienst");
        assertThat(declined.referral().times().waitingSince()).isEqualTo(NOW.plusSeconds(60));
        assertThat(declined.referral().times().remindedAt())
                .as("the next receiver is reminded in its own time")
                .isNull();
        assertThat(declined.happened())
                .extracting(Transition.Happened::step)
                .containsExactly(TimelineStep.DECLINED, TimelineStep.ROUTED);
        assertThat(declined.events()).hasSize(2);
        assertThat(declined.events().getFirst())
                .isInstanceOfSatisfying(
                        ReferralDeclined.class,
                        event -> assertThat(event.rerouted()).isTrue());
        assertThat(declined.events().getLast())
                .isInstanceOfSatisfying(
                        ReferralRerouted.class,
                        event -> assertThat(event.organisationId()).isEqualTo("caw-brussel"));
    }

    @Test
    void aDeclineWithNoCandidateLeftGoesBackToTheReferrer() {
        Transition declined = in(Status.RECEIVED).decline(Referral.DeclineReason.NOT_OUR_OFFER, null, NOW);

        assertThat(declined.referral().status()).isEqualTo(Status.DECLINED);
        assertThat(declined.referral().times().closedAt()).isEqualTo(NOW);
        assertThat(declined.happened()).extracting(Transition.Happened::step).containsExactly(TimelineStep.DECLINED);
        assertThat(declined.events())
                .singleElement()
                .isInstanceOfSatisfying(
                        ReferralDeclined.class,
                        event -> assertThat(event.rerouted()).isFalse());
    }

    @Test
    void onlyAContactThatReachesThePersonPutsItInProgressAndOnlyTheFirst() {
        Referral accepted = in(Status.ACCEPTED);

        Transition missed = accepted.contactAttempted(attempt(false), NOW);
        Transition reached = accepted.contactAttempted(attempt(true), NOW);
        Transition again = reached.referral().contactAttempted(attempt(true), NOW.plusSeconds(3600));

        assertThat(missed.referral()).as("unchanged").isEqualTo(accepted);
        assertThat(missed.happened().getFirst().step()).isEqualTo(TimelineStep.CONTACT_ATTEMPTED);
        assertThat(missed.events()).singleElement().isInstanceOf(ContactAttemptLogged.class);
        assertThat(reached.referral().status()).isEqualTo(Status.IN_PROGRESS);
        assertThat(reached.happened().getFirst().step()).isEqualTo(TimelineStep.CONTACT_MADE);
        assertThat(again.referral().times().firstContactAt())
                .as("the first contact stays the first")
                .isEqualTo(reached.referral().times().firstContactAt());
    }

    @Test
    void anEscalationRemindsTooAndComesOncePerReceiver() {
        Transition escalated = in(Status.SUBMITTED).escalate(5, NOW);

        assertThat(escalated.referral().times().remindedAt()).isEqualTo(NOW);
        assertThat(escalated.referral().times().escalatedAt()).isEqualTo(NOW);
        assertThat(escalated.happened().getFirst().detail()).isEqualTo("helpdesk-noord");
        assertThat(escalated.events()).singleElement().isInstanceOf(ReferralEscalated.class);
        assertThatThrownBy(() -> escalated.referral().escalate(6, NOW))
                .isInstanceOf(Referral.IllegalTransitionException.class);
        assertThatThrownBy(() -> escalated.referral().remind(6, NOW))
                .as("reminded already")
                .isInstanceOf(Referral.IllegalTransitionException.class);
    }

    @Test
    void erasingLeavesNothingOfThePersonButTheirLanguageAndOnlyOnce() {
        Transition erased = in(Status.COMPLETED).erase(Referral.ErasureReason.PERSON_REQUEST, NOW);

        Referral referral = erased.referral();
        assertThat(referral.person()).isEqualTo(new Referral.Person(null, null, null, "nl", PersonFacts.UNKNOWN));
        assertThat(referral.question()).isNull();
        assertThat(referral.contactPreference().moment()).isNull();
        assertThat(referral.outcome()).as("the codes stay").isEqualTo(Referral.Outcome.SOLVED);
        assertThat(erased.events()).singleElement().isInstanceOf(ReferralErased.class);
        assertThatThrownBy(() -> referral.erase(Referral.ErasureReason.RETENTION, NOW))
                .isInstanceOf(Referral.IllegalTransitionException.class);
    }

    /** A referral brought into the state the way the closed loop brings it there. */
    private static Referral in(Status status) {
        Referral submitted = submit(OCMW).referral();
        Referral received = submitted.receive(NOW).referral();
        Referral accepted = received.accept(NOW).referral();
        Referral inProgress = accepted.contactAttempted(attempt(true), NOW).referral();
        return switch (status) {
            case SUBMITTED -> submitted;
            case RECEIVED -> received;
            case ACCEPTED -> accepted;
            case IN_PROGRESS -> inProgress;
            case COMPLETED -> inProgress.complete(Referral.Outcome.SOLVED, NOW).referral();
            case DECLINED ->
                received.decline(Referral.DeclineReason.NOT_OUR_OFFER, null, NOW)
                        .referral();
            case CANCELLED -> accepted.cancel(null, NOW).referral();
            case EXPIRED ->
                submitted.expire(NOW.minus(Duration.ofDays(400)), NOW).referral();
        };
    }

    private static Transition submit(Receiver receiver) {
        return Referral.submit(
                UUID.randomUUID(),
                new Referral.Referrer("gp.jette", "Dr. An Janssens", "general-practitioner"),
                new Referral.Person("Jan Claes", "0470 00 00 00", null, "nl", PersonFacts.UNKNOWN),
                new Referral.Residence("1090", "21010", "21010", "noord"),
                List.of("finances"),
                "Hulp gevraagd.",
                Referral.Urgency.ROUTINE,
                new Referral.ContactPreference("PHONE", "na 17 uur"),
                new Referral.Consent(Referral.Consent.Method.ORAL, NOW),
                receiver,
                null,
                NOW);
    }

    private static ContactAttempt attempt(boolean reached) {
        return new ContactAttempt(UUID.randomUUID(), NOW, ContactAttempt.Channel.PHONE, reached, "worker.ocmw", null);
    }
}
