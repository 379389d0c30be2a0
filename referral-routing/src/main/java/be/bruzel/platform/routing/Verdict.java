package be.bruzel.platform.routing;

/** What routing made of one level of rules or one candidate service. */
public enum Verdict {
    /** No rule at this level for the theme: the next, wider level is tried. */
    NO_RULE,
    CHOSEN,
    /** Chosen although it does not speak the person's language, because no candidate that does is available. */
    CHOSEN_DESPITE_LANGUAGE,
    SKIPPED_FULL,
    SKIPPED_PAUSED,
    SKIPPED_INACTIVE,
    /** Available, but another candidate speaks the person's language. */
    SKIPPED_LANGUAGE,
    /** Not weighed: a later candidate, once one was chosen. */
    NOT_NEEDED
}
