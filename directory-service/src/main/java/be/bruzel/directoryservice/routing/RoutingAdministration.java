package be.bruzel.directoryservice.routing;

import be.bruzel.directoryservice.audit.AuditTrail;
import be.bruzel.directoryservice.organisation.OrganisationAdministration;
import be.bruzel.directoryservice.organisation.SupportService;
import be.bruzel.directoryservice.publication.CurrentState;
import be.bruzel.directoryservice.territory.Places;
import be.bruzel.directoryservice.theme.ThemeAdministration;
import be.bruzel.platform.events.RoutingRuleChanged;
import be.bruzel.platform.support.problem.RejectedRequestException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Administrators set who receives referrals where; each change is audited and published. */
@Service
public class RoutingAdministration implements CurrentState {

    private final RoutingRules rules;
    private final OrganisationAdministration organisations;
    private final ThemeAdministration themes;
    private final Places places;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RoutingAdministration(
            RoutingRules rules,
            OrganisationAdministration organisations,
            ThemeAdministration themes,
            Places places,
            AuditTrail audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.rules = rules;
        this.organisations = organisations;
        this.themes = themes;
        this.places = places;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Replaces the rule for the place and theme; an empty list removes it. */
    @Transactional
    public void replace(String actorId, RoutingRule rule) {
        if (!places.exists(rule.place())) {
            throw RejectedRequestException.notFound("routing.place.unknown", rule.place());
        }
        if (!themes.notActive(List.of(rule.theme())).isEmpty()) {
            throw RejectedRequestException.notFound("theme.not-found", rule.theme());
        }
        if (rule.serviceIds().stream().distinct().count() != rule.serviceIds().size()) {
            throw new RejectedRequestException(HttpStatus.BAD_REQUEST, "routing.service.twice", "serviceIds");
        }
        Map<String, SupportService> services = organisations.services(rule.serviceIds()).stream()
                .collect(Collectors.toMap(SupportService::id, Function.identity()));
        for (String serviceId : rule.serviceIds()) {
            SupportService service = services.get(serviceId);
            if (service == null) {
                throw new RejectedRequestException(
                        HttpStatus.BAD_REQUEST, "service.not-found", "serviceIds", serviceId);
            }
            if (!service.themes().contains(rule.theme())) {
                throw new RejectedRequestException(
                        HttpStatus.BAD_REQUEST, "routing.service.without-theme", "serviceIds", serviceId, rule.theme());
            }
        }
        rules.replace(rule);
        audit.record(actorId, "routing-rule.replaced", "routing-rule", rule.place() + "/" + rule.theme(), rule);
        events.publishEvent(rule.changed(clock.instant()));
    }

    @Override
    public List<RoutingRuleChanged> currentState(Instant now) {
        return rules.matching(null, null, null).stream()
                .map(rule -> rule.changed(now))
                .toList();
    }
}
