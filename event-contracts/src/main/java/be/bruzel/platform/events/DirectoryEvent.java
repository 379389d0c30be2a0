package be.bruzel.platform.events;

/**
 * Changes to the social map, each carrying the full current state of what changed, so that a
 * consumer's copy needs only the newest event per subject. Published on compacted topics:
 * {@link Topics#DIRECTORY_SERVICES}, {@link Topics#DIRECTORY_ROUTING_RULES},
 * {@link Topics#DIRECTORY_TERRITORY} and {@link Topics#DIRECTORY_THEMES}.
 */
public sealed interface DirectoryEvent extends DomainEvent
        permits ServiceChanged, RoutingRuleChanged, AreaChanged, CareZoneChanged, ThemeChanged {}
