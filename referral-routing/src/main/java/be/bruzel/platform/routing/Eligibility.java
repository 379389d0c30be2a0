package be.bruzel.platform.routing;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who a service is for (HSDS {@code minimum_age}, {@code maximum_age} and the platform's target groups): a
 * person is eligible when their age may lie in the range and they may belong to one of the groups, if any are
 * named. Routing skips a service only when the person is certainly not eligible: what the referrer did not say
 * is not held against the person.
 *
 * @param minimumAge none: no lower bound
 * @param maximumAge none: no upper bound
 * @param targetGroups none: everyone
 */
public record Eligibility(Integer minimumAge, Integer maximumAge, Set<TargetGroup> targetGroups) {

    public static final Eligibility EVERYONE = new Eligibility(null, null, Set.of());

    public Eligibility {
        targetGroups =
                targetGroups == null || targetGroups.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(targetGroups));
    }

    public boolean isEveryone() {
        return minimumAge == null && maximumAge == null && targetGroups.isEmpty();
    }

    boolean certainlyExcludes(PersonFacts person, LocalDate day) {
        boolean tooYoung = minimumAge != null && person.oldestOn(day) < minimumAge;
        boolean tooOld = maximumAge != null && person.youngestOn(day) > maximumAge;
        boolean inNoGroup =
                !targetGroups.isEmpty() && targetGroups.stream().allMatch(group -> person.certainlyNotIn(group, day));
        return tooYoung || tooOld || inNoGroup;
    }
}
