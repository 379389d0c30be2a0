package be.bruzel.platform.events;

/** One topic per producing aggregate, each with a dead-letter topic beside it. */
public final class Topics {

    public static final String REFERRAL_EVENTS = "referral.events";

    private static final String DEAD_LETTER_SUFFIX = ".dlt";

    private Topics() {
    }

    /** The topic of the aggregate the event belongs to. */
    public static String of(DomainEvent event) {
        return switch (event) {
            case ReferralEvent referralEvent -> REFERRAL_EVENTS;
            default -> throw new IllegalArgumentException("no topic for " + event.getClass().getSimpleName());
        };
    }

    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
