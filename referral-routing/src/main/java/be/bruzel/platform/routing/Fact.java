package be.bruzel.platform.routing;

/**
 * Something about the person that decides which services they may go to: asked by the zone's needs
 * questionnaire or ticked by the referrer, true or false, or not known.
 */
public enum Fact {
    AGED_65_PLUS,
    LIVES_ALONE,
    HAS_CHILDREN,
    HAS_DISABILITY
}
