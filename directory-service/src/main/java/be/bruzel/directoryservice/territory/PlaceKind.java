package be.bruzel.directoryservice.territory;

/**
 * The levels of the territory, from the most local to the widest. Services say where they take
 * referrals at one of these levels, and routing rules are set at one of them.
 */
public enum PlaceKind {
    /** A district of a municipality that is split over care zones (Brussel's Laken, Haren, ...). */
    AREA,
    MUNICIPALITY,
    CARE_ZONE,
    /** A whole first-line zone: for BruZEL, the Brussels region. */
    REGION
}
