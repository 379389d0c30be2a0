package be.bruzel.platform.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EligibilityTests {

    private static final LocalDate TODAY = LocalDate.parse("2026-03-02");
    private static final Eligibility SENIORS_ONLY = new Eligibility(65, null, Set.of());
    private static final Eligibility FAMILIES = new Eligibility(null, null, Set.of(TargetGroup.FAMILIES));

    @Test
    void aServiceForSeniorsIsSkippedForAPersonBornIn1990AndRoutingMovesOn() {
        RoutingDecision decision = Router.decide(
                List.of(
                        level("MUNICIPALITY", "21010", new Candidate("senioren", true, "OPEN", null, NL, SENIORS_ONLY)),
                        level("CARE_ZONE", "noord", new Candidate("caw-noord", true, "OPEN", null, NL))),
                "nl",
                new PersonFacts(1990, Map.of()),
                TODAY);

        assertThat(decision.chosenServiceId()).contains("caw-noord");
        assertThat(decision.considered())
                .extracting(RoutingDecision.Consideration::verdict)
                .containsExactly(Verdict.SKIPPED_NOT_ELIGIBLE, Verdict.CHOSEN);
    }

    @Test
    void aServiceForSeniorsTakesAPersonOf65AndOneWhoseAgeIsNotKnown() {
        List<RuleLevel> levels = List.of(
                level("MUNICIPALITY", "21010", new Candidate("senioren", true, "OPEN", null, NL, SENIORS_ONLY)));

        assertThat(Router.decide(levels, "nl", new PersonFacts(1961, Map.of()), TODAY)
                        .chosenServiceId())
                .contains("senioren");
        assertThat(Router.decide(levels, "nl", PersonFacts.UNKNOWN, TODAY).chosenServiceId())
                .contains("senioren");
        assertThat(Router.decide(levels, "nl", new PersonFacts(null, Map.of(Fact.AGED_65_PLUS, true)), TODAY)
                        .chosenServiceId())
                .contains("senioren");
    }

    @Test
    void aYearOfBirthLeavesTheBirthdayOpenSoTheBorderlineCaseIsNotSentAway() {
        // Born in 1961: 64 or 65 in March 2026, so possibly 65 and not refused; born in 1962: at most 64.
        assertThat(SENIORS_ONLY.certainlyExcludes(new PersonFacts(1961, Map.of()), TODAY))
                .isFalse();
        assertThat(SENIORS_ONLY.certainlyExcludes(new PersonFacts(1962, Map.of()), TODAY))
                .isTrue();
    }

    @Test
    void sayingThePersonIsUnder65IsEnoughToSkipAServiceForSeniors() {
        assertThat(SENIORS_ONLY.certainlyExcludes(new PersonFacts(null, Map.of(Fact.AGED_65_PLUS, false)), TODAY))
                .isTrue();
        assertThat(new Eligibility(null, null, Set.of(TargetGroup.SENIORS))
                        .certainlyExcludes(new PersonFacts(null, Map.of(Fact.AGED_65_PLUS, false)), TODAY))
                .isTrue();
    }

    @Test
    void anUpperAgeExcludesTheOlder() {
        Eligibility youngAdults = new Eligibility(18, 25, Set.of());

        assertThat(youngAdults.certainlyExcludes(new PersonFacts(1980, Map.of()), TODAY))
                .isTrue();
        assertThat(youngAdults.certainlyExcludes(new PersonFacts(2010, Map.of()), TODAY))
                .isTrue();
        assertThat(youngAdults.certainlyExcludes(new PersonFacts(2004, Map.of()), TODAY))
                .isFalse();
        assertThat(new Eligibility(null, null, Set.of(TargetGroup.YOUNG_PEOPLE))
                        .certainlyExcludes(new PersonFacts(null, Map.of(Fact.AGED_65_PLUS, true)), TODAY))
                .isTrue();
    }

    @Test
    void aServiceForFamiliesIsSkippedOnlyWhenThePersonIsSaidToHaveNoChildren() {
        assertThat(FAMILIES.certainlyExcludes(new PersonFacts(null, Map.of(Fact.HAS_CHILDREN, false)), TODAY))
                .isTrue();
        assertThat(FAMILIES.certainlyExcludes(new PersonFacts(null, Map.of(Fact.HAS_CHILDREN, true)), TODAY))
                .isFalse();
        assertThat(FAMILIES.certainlyExcludes(new PersonFacts(1950, Map.of()), TODAY))
                .isFalse();
    }

    @Test
    void aPersonInOneOfTheGroupsIsEligible() {
        Eligibility aloneOrDisabled = new Eligibility(
                null, null, Set.of(TargetGroup.PEOPLE_LIVING_ALONE, TargetGroup.PEOPLE_WITH_A_DISABILITY));

        assertThat(aloneOrDisabled.certainlyExcludes(
                        new PersonFacts(null, Map.of(Fact.LIVES_ALONE, false, Fact.HAS_DISABILITY, true)), TODAY))
                .isFalse();
        assertThat(aloneOrDisabled.certainlyExcludes(
                        new PersonFacts(null, Map.of(Fact.LIVES_ALONE, false, Fact.HAS_DISABILITY, false)), TODAY))
                .isTrue();
    }

    @Test
    void theReferrerCannotChooseAServiceThePersonIsNotEligibleFor() {
        List<RuleLevel> levels = List.of(level(
                "MUNICIPALITY",
                "21010",
                new Candidate("ocmw-jette", true, "OPEN", null, NL),
                new Candidate("senioren", true, "OPEN", null, NL, SENIORS_ONLY)));

        assertThat(Router.decide(levels, "nl", new PersonFacts(1990, Map.of()), TODAY, Optional.of("senioren")))
                .isEmpty();
        assertThat(Router.decide(levels, "nl", new PersonFacts(1950, Map.of()), TODAY, Optional.of("senioren")))
                .map(RoutingDecision::chosenServiceId)
                .contains(Optional.of("senioren"));
    }

    private static final List<String> NL = List.of("nl");

    private static RuleLevel level(String kind, String code, Candidate... candidates) {
        return new RuleLevel(kind, code, List.of(candidates));
    }
}
