package be.bruzel.platform.directorycopy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import be.bruzel.platform.events.AreaChanged.ZonePeriod;
import be.bruzel.platform.routing.Candidate;
import be.bruzel.platform.routing.RuleLevel;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoutingViewTests {

    private static final LocalDate MOVED = LocalDate.of(2026, 1, 1);

    /** Elsene/Ixelles and a district of Brussels-City share 1050; the district moved care zone in 2026. */
    private static final RoutingView VIEW = new RoutingView(
            7,
            List.of(
                    new RoutingView.Area(
                            "21004-louise",
                            "21004",
                            "bruzel",
                            "Louiza",
                            "Louise",
                            Set.of("1050"),
                            List.of(
                                    new ZonePeriod("centrum", LocalDate.of(2020, 1, 1), MOVED),
                                    new ZonePeriod("zuid", MOVED, null))),
                    new RoutingView.Area(
                            "21009",
                            "21009",
                            "bruzel",
                            "Elsene",
                            "Ixelles",
                            Set.of("1050"),
                            List.of(new ZonePeriod("zuid", LocalDate.of(2020, 1, 1), null)))),
            List.of("debts", "loneliness"),
            Map.of("debts", Map.of("MUNICIPALITY:21009", List.of("cpas-ixelles"), "REGION:bruzel", List.of("gone"))),
            Map.of(
                    "cpas-ixelles",
                    new RoutingView.Service(
                            "ocmw-elsene", new Candidate("cpas-ixelles", true, "OPEN", null, List.of("fr")))),
            Set.of("centrum", "zuid"));

    @Test
    void aPostcodeGivesEveryAreaWithTheCareZoneOfTheDayByMunicipalityThenArea() {
        assertThat(VIEW.residences("1050", LocalDate.of(2025, 6, 1)))
                .extracting(Residence::areaId, Residence::careZoneCode)
                .containsExactly(tuple("21004-louise", "centrum"), tuple("21009", "zuid"));
        assertThat(VIEW.residences("1050", MOVED))
                .extracting(Residence::careZoneCode)
                .containsExactly("zuid", "zuid");
    }

    @Test
    void aDayBeforeAnyPeriodAndAnUnknownPostcodeGiveNoResidence() {
        assertThat(VIEW.residences("1050", LocalDate.of(2019, 12, 31))).isEmpty();
        assertThat(VIEW.residences("9999", MOVED)).isEmpty();
    }

    @Test
    void ruleLevelsAreMostLocalFirstAndAServiceNotYetCopiedCannotBeChosen() {
        Residence ixelles = VIEW.residences("1050", MOVED).get(1);

        List<RuleLevel> levels = VIEW.ruleLevels(ixelles, "debts");

        assertThat(levels).extracting(RuleLevel::kind).containsExactly("MUNICIPALITY", "CARE_ZONE", "REGION");
        assertThat(levels.getFirst().candidates())
                .extracting(Candidate::serviceId)
                .containsExactly("cpas-ixelles");
        assertThat(levels.get(1).candidates()).isEmpty();
        assertThat(levels.get(2).candidates().getFirst().active()).isFalse();
        assertThat(VIEW.ruleLevels(ixelles, "loneliness"))
                .allSatisfy(level -> assertThat(level.candidates()).isEmpty());
    }

    @Test
    void organisationsAreKnownByTheirServices() {
        assertThat(VIEW.organisationOf("cpas-ixelles")).contains("ocmw-elsene");
        assertThat(VIEW.organisationOf("gone")).isEmpty();
        assertThat(VIEW.knowsOrganisation("ocmw-elsene")).isTrue();
        assertThat(VIEW.knowsOrganisation("ocmw-jette")).isFalse();
    }
}
