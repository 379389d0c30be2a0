package be.bruzel.platform.directorycopy;

import be.bruzel.platform.events.AreaChanged.ZonePeriod;
import be.bruzel.platform.routing.Candidate;
import be.bruzel.platform.routing.RuleLevel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What routing (and the count of referrals by care zone) asks of the copy, held in memory as the copy stood at one revision: a few hundred rows that
 * change a few times a day, read for every referral. The answers are those of the queries they replace.
 *
 * @param revision the copy's revision these rows were read at (see {@code directory_copy_revision})
 * @param areas every area with its postcodes and the history of its care zones
 * @param activeThemes the codes of the themes that take referrals, in order
 * @param rules by theme: the services each scope ({@code KIND:code}) names, scopes naming none left out
 * @param services by service id
 * @param careZones the codes of the care zones
 */
record RoutingView(
        long revision,
        List<Area> areas,
        List<String> activeThemes,
        Map<String, Map<String, List<String>>> rules,
        Map<String, Service> services,
        Set<String> careZones) {

    record Area(
            String areaId,
            String municipalityNis,
            String firstLineZoneCode,
            String nameNl,
            String nameFr,
            Set<String> postcodes,
            List<ZonePeriod> careZones) {

        /** The area with the care zone it was in on the day: none when the day falls in none of its periods. */
        Stream<Residence> on(LocalDate day) {
            return careZones.stream()
                    .filter(zone -> zone.validFrom() != null
                            && !zone.validFrom().isAfter(day)
                            && (zone.validTo() == null || zone.validTo().isAfter(day)))
                    .map(zone -> new Residence(
                            areaId, municipalityNis, zone.careZoneCode(), firstLineZoneCode, nameNl, nameFr));
        }
    }

    record Service(String organisationId, Candidate candidate) {}

    private static final Comparator<Residence> BY_MUNICIPALITY_THEN_AREA =
            Comparator.comparing(Residence::municipalityNis).thenComparing(Residence::areaId);

    RoutingView {
        areas = List.copyOf(areas);
        activeThemes = List.copyOf(activeThemes);
        rules = Map.copyOf(rules);
        services = Map.copyOf(services);
        careZones = Set.copyOf(careZones);
    }

    List<Residence> residences(String postcode, LocalDate day) {
        return areas.stream()
                .filter(area -> area.postcodes().contains(postcode))
                .flatMap(area -> area.on(day))
                .sorted(BY_MUNICIPALITY_THEN_AREA)
                .toList();
    }

    List<RuleLevel> ruleLevels(Residence residence, String themeCode) {
        List<String[]> scopes = new ArrayList<>();
        if (residence.isDistrict()) {
            scopes.add(new String[] {"AREA", residence.areaId()});
        }
        scopes.add(new String[] {"MUNICIPALITY", residence.municipalityNis()});
        scopes.add(new String[] {"CARE_ZONE", residence.careZoneCode()});
        scopes.add(new String[] {"REGION", residence.firstLineZoneCode()});
        Map<String, List<String>> named = rules.getOrDefault(themeCode, Map.of());
        return scopes.stream()
                .map(scope -> new RuleLevel(
                        scope[0],
                        scope[1],
                        named.getOrDefault(scope[0] + ":" + scope[1], List.of()).stream()
                                .map(this::candidate)
                                .toList()))
                .toList();
    }

    Optional<String> organisationOf(String serviceId) {
        return Optional.ofNullable(services.get(serviceId)).map(Service::organisationId);
    }

    boolean knowsOrganisation(String organisationId) {
        return services.values().stream()
                .anyMatch(service -> service.organisationId().equals(organisationId));
    }

    /** A rule may name a service whose state has not reached this copy yet: it cannot be chosen. */
    private Candidate candidate(String serviceId) {
        Service service = services.get(serviceId);
        return service != null ? service.candidate() : new Candidate(serviceId, false, "PAUSED", null, List.of());
    }
}
