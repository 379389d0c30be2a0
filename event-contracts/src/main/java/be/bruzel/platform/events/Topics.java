package be.bruzel.platform.events;

/** One topic per producing aggregate, each with a dead-letter topic beside it. */
public final class Topics {

    public static final String REFERRAL_EVENTS = "referral.events";

    /** Compacted: the newest state per service id. */
    public static final String DIRECTORY_SERVICES = "directory.services";

    /** Compacted: the newest receiving services per place and theme. */
    public static final String DIRECTORY_ROUTING_RULES = "directory.routing-rules";

    /** Compacted: areas and care zones, keyed {@code area:<id>} and {@code care-zone:<code>}. */
    public static final String DIRECTORY_TERRITORY = "directory.territory";

    /** Compacted: the newest state per theme code. */
    public static final String DIRECTORY_THEMES = "directory.themes";

    /** Services whose listing is due for a check, keyed by service id: a reminder each, not state. */
    public static final String DIRECTORY_SERVICE_CHECKS = "directory.service-checks";

    private static final String DEAD_LETTER_SUFFIX = ".dlt";

    private Topics() {}

    /** The topic of the aggregate the event belongs to. */
    public static String of(DomainEvent event) {
        return switch (event) {
            case ReferralEvent referralEvent -> REFERRAL_EVENTS;
            case ServiceChanged serviceChanged -> DIRECTORY_SERVICES;
            case RoutingRuleChanged routingRuleChanged -> DIRECTORY_ROUTING_RULES;
            case AreaChanged areaChanged -> DIRECTORY_TERRITORY;
            case CareZoneChanged careZoneChanged -> DIRECTORY_TERRITORY;
            case ThemeChanged themeChanged -> DIRECTORY_THEMES;
            case ServiceCheckDue serviceCheckDue -> DIRECTORY_SERVICE_CHECKS;
            default ->
                throw new IllegalArgumentException(
                        "no topic for " + event.getClass().getSimpleName());
        };
    }

    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
