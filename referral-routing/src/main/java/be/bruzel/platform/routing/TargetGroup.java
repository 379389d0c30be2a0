package be.bruzel.platform.routing;

/** The people a service is for (HSDS eligibility), told from the person's age and facts. */
public enum TargetGroup {
    /** 65 years or older. */
    SENIORS,
    /** Younger than 26. */
    YOUNG_PEOPLE,
    /** With children in their care. */
    FAMILIES,
    PEOPLE_WITH_A_DISABILITY,
    PEOPLE_LIVING_ALONE;

    static final int SENIOR_AGE = 65;
    static final int YOUNG_UNTIL = 25;
}
