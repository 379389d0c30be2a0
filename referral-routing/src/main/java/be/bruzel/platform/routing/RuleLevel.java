package be.bruzel.platform.routing;

import java.util.List;

/**
 * The rule for the theme at one level of the territory around the person, e.g. the district,
 * the municipality, the care zone, the region; no candidates means no rule at that level.
 *
 * @param kind {@code AREA}, {@code MUNICIPALITY}, {@code CARE_ZONE} or {@code REGION}
 */
public record RuleLevel(String kind, String code, List<Candidate> candidates) {

    public RuleLevel {
        candidates = List.copyOf(candidates);
    }
}
