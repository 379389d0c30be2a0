package be.bruzel.platform.routing;

import java.util.List;
import java.util.Optional;

/**
 * Where a referral on one theme goes, and why: the chosen service, or none, in which case the
 * care zone's helpdesk receives it and the referral counts as an unmet need.
 *
 * @param considered every level and candidate in the order they were weighed, with the verdict on each
 */
public record RoutingDecision(Optional<String> chosenServiceId, List<Consideration> considered) {

    /**
     * @param serviceId none for a level without a rule
     */
    public record Consideration(String levelKind, String levelCode, String serviceId, Verdict verdict) {

        Consideration withVerdict(Verdict other) {
            return new Consideration(levelKind, levelCode, serviceId, other);
        }
    }

    public RoutingDecision {
        considered = List.copyOf(considered);
    }

    /** No service can take the referral: the zone's helpdesk answers, and the need is counted as unmet. */
    public boolean helpdeskFallback() {
        return chosenServiceId.isEmpty();
    }
}
