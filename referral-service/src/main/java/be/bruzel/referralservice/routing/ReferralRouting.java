package be.bruzel.referralservice.routing;

import be.bruzel.platform.directorycopy.Directory;
import be.bruzel.platform.directorycopy.Residence;
import be.bruzel.platform.routing.PersonFacts;
import be.bruzel.platform.routing.Router;
import be.bruzel.platform.routing.RoutingDecision;
import be.bruzel.platform.routing.RuleLevel;
import be.bruzel.platform.support.problem.RejectedRequestException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Places the person in the territory and routes each theme with the directory's rules: district
 * or municipality, then care zone, then region, then the zone's helpdesk. Works from this
 * service's own copy of the directory, so it does not need directory-service to be up.
 */
@Service
public class ReferralRouting {

    private final Directory directory;

    ReferralRouting(Directory directory) {
        this.directory = directory;
    }

    /**
     * Where the person lives on the day; a postcode shared by two municipalities (1040, 1050)
     * needs the municipality.
     */
    public Residence residence(String postcode, String municipalityNis, LocalDate day) {
        return residence(postcode, municipalityNis, day, "person.");
    }

    /** As {@link #residence(String, String, LocalDate)}, the fields at fault named under {@code path}. */
    public Residence residence(String postcode, String municipalityNis, LocalDate day, String path) {
        List<Residence> candidates = directory.residences(postcode, day);
        if (candidates.isEmpty()) {
            throw new RejectedRequestException(
                    HttpStatus.BAD_REQUEST, "referral.postcode.unknown", path + "postcode", postcode);
        }
        if (municipalityNis != null) {
            return candidates.stream()
                    .filter(residence -> residence.municipalityNis().equals(municipalityNis))
                    .findFirst()
                    .orElseThrow(() -> new RejectedRequestException(
                                    HttpStatus.BAD_REQUEST,
                                    "referral.municipality.outside-postcode",
                                    path + "municipality",
                                    municipalityNis,
                                    postcode)
                            .withProperty("candidates", namesOf(candidates)));
        }
        if (candidates.stream().map(Residence::municipalityNis).distinct().count() > 1) {
            throw new RejectedRequestException(
                            HttpStatus.BAD_REQUEST, "referral.municipality.required", path + "municipality", postcode)
                    .withProperty("candidates", namesOf(candidates));
        }
        return candidates.getFirst();
    }

    /** Refuses an organisation the directory does not know. */
    public void requireKnownOrganisation(String organisationId, String field) {
        if (!directory.knowsOrganisation(organisationId)) {
            throw new RejectedRequestException(
                    HttpStatus.BAD_REQUEST, "referral.organisation.unknown", field, organisationId);
        }
    }

    /** Refuses a theme the directory does not know or no longer takes referrals for. */
    public void requireActive(Collection<String> themeCodes) {
        List<String> active = directory.activeThemes();
        themeCodes.stream().filter(theme -> !active.contains(theme)).findFirst().ifPresent(theme -> {
            throw new RejectedRequestException(HttpStatus.BAD_REQUEST, "referral.theme.unknown", "themes", theme);
        });
    }

    /** Routes one theme; services in {@code excluded} (those that declined) are not considered. */
    public Route route(
            Residence residence,
            String themeCode,
            String language,
            PersonFacts person,
            LocalDate day,
            Collection<String> excluded) {
        return routeOf(
                residence, themeCode, Router.decide(levels(residence, themeCode, excluded), language, person, day));
    }

    /**
     * Routes one theme to the service the referrer chose, if any, when the rules name it and it can take the
     * referral; refuses the choice otherwise.
     */
    public Route route(
            Residence residence,
            String themeCode,
            String language,
            PersonFacts person,
            LocalDate day,
            Optional<String> chosen) {
        RoutingDecision decision = Router.decide(levels(residence, themeCode, List.of()), language, person, day, chosen)
                .orElseThrow(() -> new RejectedRequestException(
                        HttpStatus.BAD_REQUEST,
                        "referral.choice.not-allowed",
                        "choices." + themeCode,
                        chosen.orElseThrow(),
                        themeCode));
        return routeOf(residence, themeCode, decision);
    }

    private List<RuleLevel> levels(Residence residence, String themeCode, Collection<String> excluded) {
        return directory.ruleLevels(residence, themeCode).stream()
                .map(level -> new RuleLevel(
                        level.kind(),
                        level.code(),
                        level.candidates().stream()
                                .filter(candidate -> !excluded.contains(candidate.serviceId()))
                                .toList()))
                .toList();
    }

    private Route routeOf(Residence residence, String themeCode, RoutingDecision decision) {
        Receiver receiver = decision.chosenServiceId()
                .flatMap(serviceId -> directory
                        .organisationOf(serviceId)
                        .map(organisation -> Receiver.service(organisation, serviceId)))
                .orElseGet(() -> Receiver.helpdeskOf(residence.careZoneCode()));
        return new Route(themeCode, receiver, decision);
    }

    private static List<String> namesOf(List<Residence> candidates) {
        return candidates.stream()
                .map(residence -> residence.municipalityNis() + " " + residence.nameNl() + " / " + residence.nameFr())
                .toList();
    }
}
