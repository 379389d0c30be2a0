package be.bruzel.directoryservice.routing;

import be.bruzel.directoryservice.figures.LiveFigures;
import be.bruzel.directoryservice.figures.ServiceFigures;
import be.bruzel.directoryservice.organisation.Location;
import be.bruzel.directoryservice.organisation.OrganisationAdministration;
import be.bruzel.directoryservice.organisation.SupportService;
import be.bruzel.directoryservice.territory.Place;
import be.bruzel.directoryservice.territory.PlaceRef;
import be.bruzel.directoryservice.territory.Places;
import be.bruzel.directoryservice.theme.ThemeAdministration;
import be.bruzel.platform.routing.PersonFacts;
import be.bruzel.platform.routing.Router;
import be.bruzel.platform.routing.RoutingDecision;
import be.bruzel.platform.routing.RuleLevel;
import be.bruzel.platform.support.problem.RejectedRequestException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies the routing rules to a place, a theme, a language and what is known of the person, and says why it chose
 * as it did.
 */
@Service
class RoutingExplainer {

    private final RoutingRules rules;
    private final OrganisationAdministration organisations;
    private final ThemeAdministration themes;
    private final Places places;
    private final ServiceFigures figures;

    RoutingExplainer(
            RoutingRules rules,
            OrganisationAdministration organisations,
            ThemeAdministration themes,
            Places places,
            ServiceFigures figures) {
        this.rules = rules;
        this.organisations = organisations;
        this.themes = themes;
        this.places = places;
        this.figures = figures;
    }

    @Transactional(readOnly = true)
    RoutingExplanation explain(
            String postcode, String municipality, String theme, String language, PersonFacts person, LocalDate date) {
        Place place = placeOf(postcode, municipality, date);
        if (!themes.notActive(List.of(theme)).isEmpty()) {
            throw new RejectedRequestException(HttpStatus.BAD_REQUEST, "theme.not-found", "theme", theme);
        }
        List<PlaceRef> levels = place.enclosingPlaces();
        Map<PlaceRef, List<String>> ruleOf = levels.stream()
                .collect(Collectors.toMap(Function.identity(), level -> rules.servicesFor(level, theme)));
        Map<String, SupportService> services =
                organisations
                        .services(ruleOf.values().stream()
                                .flatMap(List::stream)
                                .distinct()
                                .toList())
                        .stream()
                        .collect(Collectors.toMap(SupportService::id, Function.identity()));
        List<RuleLevel> ruleLevels = levels.stream()
                .map(level -> new RuleLevel(
                        level.kind().name(),
                        level.code(),
                        ruleOf.get(level).stream()
                                .map(services::get)
                                .filter(Objects::nonNull)
                                .map(SupportService::asCandidate)
                                .toList()))
                .toList();
        RoutingDecision decision = Router.decide(ruleLevels, language, person, date);

        List<RoutingExplanation.Step> steps = new ArrayList<>();
        // Candidates of one organisation share its locations: read them once.
        Map<String, List<Location>> locations = new HashMap<>();
        Map<String, LiveFigures> figuresOf = figures.of(services.keySet());
        Map<String, LocalDate> checkedOn = organisations.checkedOn(services.keySet());
        for (RoutingDecision.Consideration considered : decision.considered()) {
            SupportService service = considered.serviceId() == null ? null : services.get(considered.serviceId());
            steps.add(new RoutingExplanation.Step(
                    considered.levelKind(),
                    considered.levelCode(),
                    considered.serviceId(),
                    service == null ? null : service.nameNl(),
                    service == null ? null : service.nameFr(),
                    considered.verdict(),
                    considered.verdict().choosable(),
                    service == null
                            ? null
                            : detailsOf(
                                    service,
                                    locations.computeIfAbsent(service.organisationId(), organisations::locations),
                                    checkedOn.get(service.id())),
                    service == null ? null : service.capacity().status().name(),
                    service == null ? null : figuresOf.get(service.id()),
                    service == null ? null : service.eligibility()));
        }
        RoutingExplanation.Receiver receiver = decision.chosenServiceId()
                .map(services::get)
                .map(service -> new RoutingExplanation.Receiver(
                        service.id(),
                        service.organisationId(),
                        service.nameNl(),
                        service.nameFr(),
                        service.intake().team(),
                        service.intake().email()))
                .orElse(null);
        return new RoutingExplanation(
                place,
                theme,
                language,
                date,
                receiver,
                decision.helpdeskFallback(),
                places.careZone(place.careZoneCode()),
                steps);
    }

    /** The one place the person lives; a postcode that two municipalities share needs the municipality too. */
    private Place placeOf(String postcode, String municipality, LocalDate date) {
        List<Place> candidates = places.matching(postcode, municipality, null, date);
        if (candidates.isEmpty()) {
            boolean postcodeKnown = postcode == null
                    || !places.matching(postcode, null, null, date).isEmpty();
            throw postcodeKnown
                    ? new RejectedRequestException(
                            HttpStatus.BAD_REQUEST,
                            "routing.municipality.not-at-postcode",
                            "municipality",
                            municipality,
                            postcode)
                    : new RejectedRequestException(
                            HttpStatus.BAD_REQUEST, "territory.postcode.unknown", "postcode", postcode);
        }
        if (candidates.size() > 1) {
            throw new RejectedRequestException(
                    HttpStatus.BAD_REQUEST,
                    "routing.place.ambiguous",
                    "municipality",
                    candidates.stream().map(Place::municipalityNis).distinct().collect(Collectors.joining(", ")));
        }
        return candidates.getFirst();
    }

    private static RoutingExplanation.Details detailsOf(
            SupportService service, List<Location> itsOrganisations, LocalDate checkedOn) {
        Location location = itsOrganisations.stream()
                .filter(place -> service.locationIds().contains(place.id()))
                .findFirst()
                .orElse(null);
        return new RoutingExplanation.Details(
                service.descriptionNl(),
                service.descriptionFr(),
                service.languages(),
                service.contacts().stream()
                        .map(SupportService.Contact::phone)
                        .filter(Objects::nonNull)
                        .findFirst()
                        .orElse(null),
                location,
                service.openingHours(),
                checkedOn);
    }
}
