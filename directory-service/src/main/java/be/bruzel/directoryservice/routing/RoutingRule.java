package be.bruzel.directoryservice.routing;

import be.bruzel.directoryservice.territory.PlaceRef;
import be.bruzel.platform.events.RoutingRuleChanged;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** For a place and a theme, the services that receive referrals, in order of preference. */
public record RoutingRule(PlaceRef place, String theme, List<String> serviceIds) {

    public RoutingRule {
        serviceIds = List.copyOf(serviceIds);
    }

    RoutingRuleChanged changed(Instant now) {
        return new RoutingRuleChanged(UUID.randomUUID(), now, place.kind().name(), place.code(), theme, serviceIds);
    }
}
