package be.bruzel.directoryservice.demo;

import static org.assertj.core.api.Assertions.assertThat;

import be.bruzel.directoryservice.hsds.HsdsDataSet;
import be.bruzel.directoryservice.routing.RoutingRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The demo's routing rules as a GP would judge them: each need lands on the kind of service that meets it. */
class DemoRoutingRulesTests {

    /** For each theme, the kinds of service (the part of its id after its organisation's) a GP expects first. */
    private static final Map<String, List<String>> EXPECTED = Map.ofEntries(
            Map.entry("finances", List.of("schuldbemiddeling")),
            Map.entry("food", List.of("sociale-kruidenier")),
            Map.entry("loneliness", List.of("ontmoeting")),
            Map.entry("housing", List.of("onthaal", "woonbegeleiding")),
            Map.entry("rights", List.of("sociale-dienst", "digipunt", "rechten-en-thuiszorg")),
            Map.entry("care-at-home", List.of("thuiszorg", "zorgcoordinatie")),
            Map.entry("movement", List.of("bewegen-op-verwijzing")),
            Map.entry("family", List.of("opvoedingsondersteuning")),
            Map.entry("language", List.of("taalcafe", "taaladvies")),
            Map.entry("work", List.of("trajectbegeleiding")),
            Map.entry("mental", List.of("therapie")),
            Map.entry("addiction", List.of("ambulante-hulp")));

    private final HsdsDataSet demo = DemoSocialMap.generate(DemoSocialMap.DEMO);
    private final Map<String, RoutingRule> rules = DemoDirectory.rulesFor(demo).stream()
            .collect(Collectors.toMap(rule -> rule.place() + "/" + rule.theme(), Function.identity()));
    private final Map<String, String> organisationByUuid = demo.organizations().stream()
            .collect(Collectors.toMap(HsdsDataSet.Organization::id, HsdsDataSet.Organization::xId));
    private final Map<String, String> organisationOf = demo.services().stream()
            .collect(Collectors.toMap(
                    HsdsDataSet.Service::xId, service -> organisationByUuid.get(service.organizationId())));

    @Test
    void everyThemeOfEveryMunicipalityAndDistrictLandsOnTheKindOfServiceThatMeetsIt() {
        List<String> wrong = new ArrayList<>();
        int routed = 0;
        for (DemoSocialMap.Locality locality : DemoSocialMap.LOCALITIES) {
            for (Map.Entry<String, List<String>> theme : EXPECTED.entrySet()) {
                Optional<String> kind =
                        firstServiceFor(locality, theme.getKey()).map(this::kindOf);
                if (kind.isPresent()) {
                    routed++;
                    if (theme.getValue().stream().noneMatch(kind.get()::startsWith)) {
                        wrong.add(locality.nameNl() + " " + theme.getKey() + " → " + kind.get());
                    }
                }
            }
        }

        assertThat(wrong).isEmpty();
        assertThat(routed)
                .as("most needs of most places find a service; the rest go to the zone's helpdesk")
                .isGreaterThan(DemoSocialMap.LOCALITIES.size() * EXPECTED.size() * 3 / 4);
    }

    @Test
    void debtsGoToDebtMediationAndNeverToASocialGrocery() {
        DemoSocialMap.Locality jette = DemoSocialMap.LOCALITIES.stream()
                .filter(locality -> locality.nameNl().equals("Jette"))
                .findFirst()
                .orElseThrow();

        List<String> candidates = rules.get("MUNICIPALITY:21010/finances").serviceIds();

        assertThat(firstServiceFor(jette, "finances")).contains("ocmw-jette-schuldbemiddeling");
        assertThat(candidates.getLast())
                .as("a social grocery helps with money too, but only when the specialists are full")
                .isEqualTo("voedselhulp-jette-sociale-kruidenier");
    }

    /** The first service of the most local rule for the place, as routing would weigh them. */
    private Optional<String> firstServiceFor(DemoSocialMap.Locality locality, String theme) {
        List<String> levels = new ArrayList<>();
        levels.add(locality.place());
        levels.addAll(DemoDirectory.widerPlaces(locality.place()));
        return levels.stream()
                .map(place -> rules.get(place + "/" + theme))
                .filter(rule -> rule != null && !rule.serviceIds().isEmpty())
                .map(rule -> rule.serviceIds().getFirst())
                .findFirst();
    }

    private String kindOf(String serviceId) {
        return serviceId.substring(organisationOf.get(serviceId).length() + 1);
    }
}
