package be.bruzel.referralservice.referral;

/** The steps of a referral's timeline, as both sides see them (stored by name in {@code referral_step}). */
public enum TimelineStep {
    SUBMITTED,
    /** Given to a receiver by the routing rules: at submission, or after the receiver before it declined. */
    ROUTED(true),
    /** No service could take it: the care zone's helpdesk has it, an unmet need. */
    ROUTED_TO_HELPDESK(true),
    RECEIVED,
    ACCEPTED,
    DECLINED,
    CONTACT_ATTEMPTED,
    CONTACT_MADE,
    COMPLETED,
    CANCELLED,
    RATED,
    /** The link for the person to answer themselves was sent (detail: EMAIL or SMS). */
    PERSON_ASKED(true),
    /** The person says the organisation contacted them (detail: their score, 1 to 5; remark: their comment). */
    PERSON_SAYS_CONTACTED,
    /** The person says nobody contacted them. */
    PERSON_SAYS_NOT_CONTACTED,
    REMINDER_DUE(true),
    ESCALATED(true),
    EXPIRED(true),
    PERSONAL_DATA_ERASED;

    private final boolean byPlatform;

    TimelineStep() {
        this(false);
    }

    TimelineStep(boolean byPlatform) {
        this.byPlatform = byPlatform;
    }

    /** Taken by the platform itself, whoever's action led to it. */
    boolean byPlatform() {
        return byPlatform;
    }
}
