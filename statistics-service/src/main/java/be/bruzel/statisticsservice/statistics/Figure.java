package be.bruzel.statisticsservice.statistics;

import be.bruzel.statisticsservice.statistics.ReferralFact.State;
import be.bruzel.statisticsservice.statistics.Signature.Outcome;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * A figure of the statistics, after the evaluation indicators of BruZEL (OD 3.3): the one place that
 * lists them, and says which referrals each count counts (adding one is a constant here, its
 * names in the message bundles, and its test). Counts of
 * referrals are the ones small-count suppression protects; durations and scores are hidden for
 * groups too small; actors are organisations and care providers, not the persons referred.
 */
enum Figure {
    /** Submitted through the platform. */
    SUBMITTED(signature -> signature.state() != State.LOGGED),
    /** Made outside the platform (by phone, on paper) and logged by the referrer: counted apart. */
    LOGGED(signature -> signature.state() == State.LOGGED),
    /** Submitted with no answer from a receiver yet. */
    WAITING(signature -> signature.state() == State.WAITING),
    /** Accepted and not closed, whether or not the person was reached yet. */
    IN_PROGRESS(signature -> signature.state() == State.IN_PROGRESS),
    COMPLETED(signature -> signature.state() == State.COMPLETED),
    SOLVED(signature -> signature.endedAs(Outcome.SOLVED)),
    PARTLY_SOLVED(signature -> signature.endedAs(Outcome.PARTLY_SOLVED)),
    REFERRED_ON(signature -> signature.endedAs(Outcome.REFERRED_ON)),
    PERSON_DECLINED(signature -> signature.endedAs(Outcome.PERSON_DECLINED)),
    UNREACHABLE(signature -> signature.endedAs(Outcome.UNREACHABLE)),
    /** Declined with no candidate left. */
    DECLINED(signature -> signature.state() == State.DECLINED),
    CANCELLED(signature -> signature.state() == State.CANCELLED),
    /** Closed by the platform after the idle period without activity. */
    EXPIRED(signature -> signature.state() == State.EXPIRED),
    /** Ever accepted by an organisation. */
    ACCEPTED(Signature::accepted),
    /** Completed as solved or partly solved (indicator 8). */
    SUCCESSFUL(signature -> signature.endedAs(Outcome.SOLVED, Outcome.PARTLY_SOLVED)),
    /** The person was reached: support began (indicator 11). */
    PERSON_REACHED(Signature::reached),
    /** The person answered the link they were sent, with their consent (indicators 11 and 14). */
    PERSON_ANSWERED(Signature::personAnswered),
    /** ... and says the organisation contacted them: reached as the person says it (indicators 1 and 11). */
    PERSON_SAYS_CONTACTED(Signature::personSaysContacted),
    /** ... and says nobody did: published too, so that it cannot be worked out from the two above. */
    PERSON_SAYS_NOT_CONTACTED(signature -> signature.personAnswered() && !signature.personSaysContacted()),
    /** Routed to the care zone's helpdesk because no service could take it. */
    UNMET_NEEDS(Signature::unmetNeed),
    /** Not answered within the reminder delay. */
    OVERDUE(Signature::overdue),
    /** Escalated to the care zone's helpdesk. */
    ESCALATED(Signature::escalated),
    /** Escalated, and accepted since (indicator 10: the helpdesk's support). */
    ESCALATED_ACCEPTED(signature -> signature.escalated() && signature.accepted()),
    /** Escalated and never accepted: published too, so that it cannot be worked out from the two above. */
    ESCALATED_NOT_ACCEPTED(signature -> signature.escalated() && !signature.accepted()),
    /** Routed to the helpdesk as an unmet need, and accepted by it (indicator 10). */
    UNMET_NEEDS_ACCEPTED(signature -> signature.unmetNeed() && signature.accepted()),
    UNMET_NEEDS_NOT_ACCEPTED(signature -> signature.unmetNeed() && !signature.accepted()),
    /** Counted by attempt, not by referral. */
    CONTACT_ATTEMPTS(signature -> false),
    CONTACT_ATTEMPTS_REACHED(signature -> false),
    HOURS_TO_ACCEPTANCE_MEDIAN(Kind.HOURS),
    HOURS_TO_ACCEPTANCE_P90(Kind.HOURS),
    HOURS_TO_FIRST_CONTACT_MEDIAN(Kind.HOURS),
    HOURS_TO_FIRST_CONTACT_P90(Kind.HOURS),
    /** Average score, 1 to 5, that referrers gave. */
    REFERRER_SATISFACTION(Kind.SCORE),
    ORGANISATION_SATISFACTION(Kind.SCORE),
    /** Average score, 1 to 5, that the persons referred gave themselves (indicator 14). */
    PERSON_SATISFACTION(Kind.SCORE),
    /** Referrers who referred in the period. */
    ACTIVE_REFERRERS(Kind.ACTORS),
    /** Referrers who had referred through the platform by the end of the period. */
    CONNECTED_REFERRERS(Kind.ACTORS),
    /** Organisations that received a referral in the period. */
    ACTIVE_ORGANISATIONS(Kind.ACTORS),
    /** Organisations whose services the directory's routing rules name for the group, as the directory is now. */
    CONNECTED_ORGANISATIONS(Kind.ACTORS);

    enum Kind {
        COUNT,
        HOURS,
        SCORE,
        ACTORS
    }

    static final List<Figure> COUNTS =
            Arrays.stream(values()).filter(figure -> figure.kind == Kind.COUNT).toList();
    private static final List<List<Figure>> BY_SIGNATURE = IntStream.range(0, Signature.CODES)
            .mapToObj(code -> COUNTS.stream()
                    .filter(figure -> figure.counts.test(Signature.of(code)))
                    .toList())
            .toList();

    private final Kind kind;
    /** Which referrals a count counts; none for other kinds. */
    private final Predicate<Signature> counts;

    private final String key;

    /** A count of referrals: those of the signatures it takes. */
    Figure(Predicate<Signature> counts) {
        this(Kind.COUNT, counts);
    }

    Figure(Kind kind) {
        this(kind, signature -> false);
    }

    Figure(Kind kind, Predicate<Signature> counts) {
        this.kind = kind;
        this.counts = counts;
        StringBuilder camel = new StringBuilder();
        for (String word : name().toLowerCase(Locale.ROOT).split("_")) {
            camel.append(camel.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        this.key = camel.toString();
    }

    /** The counts a referral of this signature ({@link Signature#code}) adds one to. */
    static List<Figure> countedBy(int signature) {
        return BY_SIGNATURE.get(signature);
    }

    Kind kind() {
        return kind;
    }

    /** Its name in JSON and in the message keys of the CSV headers, e.g. {@code hoursToAcceptanceMedian}. */
    String key() {
        return key;
    }
}
