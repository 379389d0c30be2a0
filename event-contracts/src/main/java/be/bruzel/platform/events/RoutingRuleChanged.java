package be.bruzel.platform.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The ordered receiving services for a place and a theme; an empty list means the rule was removed.
 *
 * @param scopeKind {@code AREA}, {@code MUNICIPALITY}, {@code CARE_ZONE} or {@code REGION}
 */
@EventType("directory.routing-rule-changed.v1")
public record RoutingRuleChanged(
        UUID eventId, Instant occurredAt, String scopeKind, String scopeCode, String themeCode, List<String> serviceIds)
        implements DirectoryEvent {

    public RoutingRuleChanged {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        serviceIds = List.copyOf(serviceIds);
    }

    @Override
    public String subject() {
        return scopeKind + ":" + scopeCode + ":" + themeCode;
    }
}
