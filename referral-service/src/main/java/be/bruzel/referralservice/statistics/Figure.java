package be.bruzel.referralservice.statistics;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A figure of the statistics, after the evaluation indicators of BruZEL (OD 3.3). Counts of
 * referrals are the ones small-count suppression protects; durations and scores are hidden for
 * groups too small; actors are organisations and care providers, not the persons referred.
 */
enum Figure {
    SUBMITTED(Kind.COUNT),
    /** Submitted with no answer from a receiver yet. */
    WAITING(Kind.COUNT),
    /** Accepted and not closed, whether or not the person was reached yet. */
    IN_PROGRESS(Kind.COUNT),
    COMPLETED(Kind.COUNT),
    SOLVED(Kind.COUNT),
    PARTLY_SOLVED(Kind.COUNT),
    REFERRED_ON(Kind.COUNT),
    PERSON_DECLINED(Kind.COUNT),
    UNREACHABLE(Kind.COUNT),
    /** Declined with no candidate left. */
    DECLINED(Kind.COUNT),
    CANCELLED(Kind.COUNT),
    /** Closed by the platform after the idle period without activity. */
    EXPIRED(Kind.COUNT),
    /** Ever accepted by an organisation. */
    ACCEPTED(Kind.COUNT),
    /** Completed as solved or partly solved (indicator 8). */
    SUCCESSFUL(Kind.COUNT),
    /** The person was reached: support began (indicator 11). */
    PERSON_REACHED(Kind.COUNT),
    /** Routed to the care zone's helpdesk because no service could take it. */
    UNMET_NEEDS(Kind.COUNT),
    /** Not answered within the reminder delay. */
    OVERDUE(Kind.COUNT),
    /** Escalated to the care zone's helpdesk. */
    ESCALATED(Kind.COUNT),
    CONTACT_ATTEMPTS(Kind.COUNT),
    CONTACT_ATTEMPTS_REACHED(Kind.COUNT),
    HOURS_TO_ACCEPTANCE_MEDIAN(Kind.HOURS),
    HOURS_TO_ACCEPTANCE_P90(Kind.HOURS),
    HOURS_TO_FIRST_CONTACT_MEDIAN(Kind.HOURS),
    HOURS_TO_FIRST_CONTACT_P90(Kind.HOURS),
    /** Average score, 1 to 5, that referrers gave. */
    REFERRER_SATISFACTION(Kind.SCORE),
    ORGANISATION_SATISFACTION(Kind.SCORE),
    /** Referrers who referred in the period. */
    ACTIVE_REFERRERS(Kind.ACTORS),
    /** Referrers who had referred through the platform by the end of the period. */
    CONNECTED_REFERRERS(Kind.ACTORS),
    /** Organisations that received a referral in the period. */
    ACTIVE_ORGANISATIONS(Kind.ACTORS),
    /** Organisations whose services the directory's routing rules name for the group, as the directory is now. */
    CONNECTED_ORGANISATIONS(Kind.ACTORS);

    enum Kind { COUNT, HOURS, SCORE, ACTORS }

    static final List<Figure> COUNTS = Arrays.stream(values()).filter(figure -> figure.kind == Kind.COUNT).toList();

    private final Kind kind;
    private final String key;

    Figure(Kind kind) {
        this.kind = kind;
        StringBuilder camel = new StringBuilder();
        for (String word : name().toLowerCase(Locale.ROOT).split("_")) {
            camel.append(camel.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        this.key = camel.toString();
    }

    Kind kind() {
        return kind;
    }

    /** Its name in JSON and in the message keys of the CSV headers, e.g. {@code hoursToAcceptanceMedian}. */
    String key() {
        return key;
    }
}
