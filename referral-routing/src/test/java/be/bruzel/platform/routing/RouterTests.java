package be.bruzel.platform.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouterTests {

    private static final LocalDate TODAY = LocalDate.parse("2026-03-02");

    @Test
    void theMostLocalRuleWinsOverTheZoneAndTheRegion() {
        RoutingDecision decision = Router.decide(
                List.of(
                        level("MUNICIPALITY", "21010", open("ocmw-jette", "nl", "fr")),
                        level("CARE_ZONE", "noord", open("caw-noord", "nl")),
                        level("REGION", "bruzel", open("caw-brussel", "nl", "fr"))),
                "fr",
                PersonFacts.UNKNOWN,
                TODAY);

        assertThat(decision.chosenServiceId()).contains("ocmw-jette");
        assertThat(decision.helpdeskFallback()).isFalse();
        assertThat(decision.considered())
                .extracting(RoutingDecision.Consideration::verdict)
                .containsExactly(Verdict.CHOSEN, Verdict.NOT_NEEDED, Verdict.NOT_NEEDED);
    }

    @Test
    void aLevelWithoutARuleFallsThroughToTheZone() {
        RoutingDecision decision = Router.decide(
                List.of(level("MUNICIPALITY", "21010"), level("CARE_ZONE", "noord", open("caw-noord", "nl"))),
                "nl",
                PersonFacts.UNKNOWN,
                TODAY);

        assertThat(decision.chosenServiceId()).contains("caw-noord");
        assertThat(decision.considered().getFirst())
                .isEqualTo(new RoutingDecision.Consideration("MUNICIPALITY", "21010", null, Verdict.NO_RULE));
    }

    @Test
    void fullPausedAndInactiveServicesAreSkippedWithTheReason() {
        RoutingDecision decision = Router.decide(
                List.of(level(
                        "MUNICIPALITY",
                        "21010",
                        new Candidate("full", true, "FULL", TODAY.plusDays(1), List.of("nl")),
                        new Candidate("paused", true, "PAUSED", null, List.of("nl")),
                        new Candidate("closed", false, "OPEN", null, List.of("nl")),
                        open("open", "nl"))),
                "nl",
                PersonFacts.UNKNOWN,
                TODAY);

        assertThat(decision.chosenServiceId()).contains("open");
        assertThat(decision.considered())
                .extracting(RoutingDecision.Consideration::verdict)
                .containsExactly(
                        Verdict.SKIPPED_FULL, Verdict.SKIPPED_PAUSED, Verdict.SKIPPED_INACTIVE, Verdict.CHOSEN);
    }

    @Test
    void aServiceFullUntilTodayTakesReferralsAgainToday() {
        RoutingDecision decision = Router.decide(
                List.of(level("MUNICIPALITY", "21010", new Candidate("reopened", true, "FULL", TODAY, List.of("nl")))),
                "nl",
                PersonFacts.UNKNOWN,
                TODAY);

        assertThat(decision.chosenServiceId()).contains("reopened");
    }

    @Test
    void aServiceThatDoesNotSpeakTheLanguageIsSkippedWhenAWiderOneDoes() {
        RoutingDecision decision = Router.decide(
                List.of(
                        level("MUNICIPALITY", "21010", open("dutch-only", "nl")),
                        level("REGION", "bruzel", open("bilingual", "nl", "fr"))),
                "fr",
                PersonFacts.UNKNOWN,
                TODAY);

        assertThat(decision.chosenServiceId()).contains("bilingual");
        assertThat(decision.considered().getFirst().verdict()).isEqualTo(Verdict.SKIPPED_LANGUAGE);
    }

    @Test
    void whenNobodySpeaksTheLanguageTheFirstAvailableServiceIsChosenAllTheSame() {
        RoutingDecision decision = Router.decide(
                List.of(
                        level("MUNICIPALITY", "21010", open("dutch-only", "nl")),
                        level("REGION", "bruzel", open("french-only", "fr"))),
                "ar",
                PersonFacts.UNKNOWN,
                TODAY);

        assertThat(decision.chosenServiceId()).contains("dutch-only");
        assertThat(decision.considered().getFirst().verdict()).isEqualTo(Verdict.CHOSEN_DESPITE_LANGUAGE);
    }

    @Test
    void withNoAvailableServiceTheHelpdeskReceivesTheReferral() {
        RoutingDecision decision = Router.decide(
                List.of(
                        level("MUNICIPALITY", "21010", new Candidate("paused", true, "PAUSED", null, List.of("nl"))),
                        level("CARE_ZONE", "noord"),
                        level("REGION", "bruzel")),
                "nl",
                PersonFacts.UNKNOWN,
                TODAY);

        assertThat(decision.chosenServiceId()).isEmpty();
        assertThat(decision.helpdeskFallback()).isTrue();
        assertThat(decision.considered())
                .extracting(RoutingDecision.Consideration::verdict)
                .containsExactly(Verdict.SKIPPED_PAUSED, Verdict.NO_RULE, Verdict.NO_RULE);
    }

    @Test
    void aCandidateAfterTheChosenOneThatIsFullSaysSoRatherThanNotNeeded() {
        RoutingDecision decision = Router.decide(
                List.of(level(
                        "MUNICIPALITY",
                        "21010",
                        open("first", "nl"),
                        new Candidate("full", true, "FULL", null, List.of("nl")),
                        open("third", "nl"))),
                "nl",
                PersonFacts.UNKNOWN,
                TODAY);

        assertThat(decision.considered())
                .extracting(RoutingDecision.Consideration::verdict)
                .containsExactly(Verdict.CHOSEN, Verdict.SKIPPED_FULL, Verdict.NOT_NEEDED);
    }

    @Test
    void theReferrerMayChooseAnotherCandidateThatCouldTakeItAndTheDecisionSaysSo() {
        List<RuleLevel> levels = List.of(
                level("MUNICIPALITY", "21010", open("ocmw-jette", "nl", "fr")),
                level("CARE_ZONE", "noord", open("caw-noord", "nl")));

        RoutingDecision decision = Router.decide(levels, "fr", PersonFacts.UNKNOWN, TODAY, Optional.of("caw-noord"))
                .orElseThrow();

        assertThat(decision.chosenServiceId()).contains("caw-noord");
        assertThat(decision.considered())
                .extracting(RoutingDecision.Consideration::verdict)
                .as("chosen though it speaks no French: the referrer may know the person speaks Dutch")
                .containsExactly(Verdict.PASSED_OVER, Verdict.CHOSEN_BY_REFERRER);
        assertThat(Router.decide(levels, "fr", PersonFacts.UNKNOWN, TODAY, Optional.of("ocmw-jette")))
                .as("choosing the rules' own choice changes nothing")
                .contains(Router.decide(levels, "fr", PersonFacts.UNKNOWN, TODAY));
    }

    @Test
    void theReferrerCannotChooseAFullServiceNorOneTheRulesDoNotName() {
        List<RuleLevel> levels = List.of(level(
                "MUNICIPALITY",
                "21010",
                open("ocmw-jette", "nl"),
                new Candidate("full", true, "FULL", null, List.of("nl"))));

        assertThat(Router.decide(levels, "nl", PersonFacts.UNKNOWN, TODAY, Optional.of("full")))
                .isEmpty();
        assertThat(Router.decide(levels, "nl", PersonFacts.UNKNOWN, TODAY, Optional.of("elsewhere")))
                .isEmpty();
    }

    private static RuleLevel level(String kind, String code, Candidate... candidates) {
        return new RuleLevel(kind, code, List.of(candidates));
    }

    private static Candidate open(String serviceId, String... languages) {
        return new Candidate(serviceId, true, "OPEN", null, List.of(languages));
    }
}
