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
    /** The person is not among those the service is for (an age range, a target group). */
    SKIPPED_NOT_ELIGIBLE,
    /** Available, but another candidate speaks the person's language. */
    SKIPPED_LANGUAGE,
    /** Available, but a candidate before it was chosen. */
    NOT_NEEDED,
    /** Available, and chosen by the referrer in place of the one the rules chose. */
    CHOSEN_BY_REFERRER,
    /** The one the rules chose, passed over for another available candidate the referrer chose. */
    PASSED_OVER;

    /** The candidate could take the referral: a referrer may choose it. */
    public boolean choosable() {
        return switch (this) {
            case CHOSEN, CHOSEN_DESPITE_LANGUAGE, SKIPPED_LANGUAGE, NOT_NEEDED, CHOSEN_BY_REFERRER, PASSED_OVER -> true;
            default -> false;
        };
    }
}
