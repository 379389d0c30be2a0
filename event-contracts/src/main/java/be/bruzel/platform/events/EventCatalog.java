package be.bruzel.platform.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every event type the platform knows, by its wire name. */
public final class EventCatalog {

    private static final List<Class<? extends DomainEvent>> EVENTS = List.of(
            ReferralSubmitted.class,
            ReferralReceived.class,
            ReferralAccepted.class,
            ReferralDeclined.class,
            ReferralRerouted.class,
            ContactAttemptLogged.class,
            ReferralCompleted.class,
            ReferralCancelled.class,
            FeedbackPosted.class,
            SatisfactionRated.class,
            ReferralReminderDue.class,
            ReferralEscalated.class,
            ReferralExpired.class,
            ReferralErased.class,
            ReferralLogged.class,
            PersonAnswered.class,
            ServiceChanged.class,
            ServiceCheckDue.class,
            RoutingRuleChanged.class,
            AreaChanged.class,
            CareZoneChanged.class,
            ThemeChanged.class);

    private static final Map<String, Class<? extends DomainEvent>> BY_TYPE =
            EVENTS.stream().collect(Collectors.toUnmodifiableMap(EventCatalog::typeOf, Function.identity()));

    private EventCatalog() {}

    public static String typeOf(Class<? extends DomainEvent> eventClass) {
        EventType type = eventClass.getAnnotation(EventType.class);
        if (type == null) {
            throw new IllegalArgumentException(eventClass.getSimpleName() + " has no @EventType");
        }
        return type.value();
    }

    public static Optional<Class<? extends DomainEvent>> classOf(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    public static List<Class<? extends DomainEvent>> all() {
        return EVENTS;
    }
}
