package be.bruzel.platform.routing;

import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What routing may know of the person to weigh who a service is for: the year of birth and the facts
 * the referrer gave, each true or false; whatever is left out is not known. Personal data: it is kept
 * with the person's data and erased with it.
 */
public record PersonFacts(Integer yearOfBirth, Map<Fact, Boolean> facts) {

    /** Nothing known: every service is open to the person. */
    public static final PersonFacts UNKNOWN = new PersonFacts(null, Map.of());

    public PersonFacts {
        facts = facts == null || facts.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(facts));
    }

    /** From the facts said true and those said false; a fact said both is a contradiction. */
    public static PersonFacts of(Integer yearOfBirth, Collection<Fact> saidTrue, Collection<Fact> saidFalse) {
        Map<Fact, Boolean> facts = new EnumMap<>(Fact.class);
        (saidTrue == null ? List.<Fact>of() : saidTrue).forEach(fact -> facts.put(fact, true));
        for (Fact fact : saidFalse == null ? List.<Fact>of() : saidFalse) {
            if (facts.put(fact, false) != null) {
                throw new IllegalArgumentException(fact + " is said both true and false");
            }
        }
        return new PersonFacts(yearOfBirth, facts);
    }

    Optional<Boolean> fact(Fact fact) {
        return Optional.ofNullable(facts.get(fact));
    }

    /** The youngest the person can be on the day: a year of birth leaves a year open. */
    int youngestOn(LocalDate day) {
        int fromYear = yearOfBirth == null ? 0 : day.getYear() - yearOfBirth - 1;
        return fact(Fact.AGED_65_PLUS).orElse(false) ? Math.max(fromYear, TargetGroup.SENIOR_AGE) : fromYear;
    }

    /** The oldest the person can be on the day. */
    int oldestOn(LocalDate day) {
        int fromYear = yearOfBirth == null ? Integer.MAX_VALUE : day.getYear() - yearOfBirth;
        return fact(Fact.AGED_65_PLUS).map(over -> !over).orElse(false)
                ? Math.min(fromYear, TargetGroup.SENIOR_AGE - 1)
                : fromYear;
    }

    /** Whether the person is certainly not in the group; not knowing is no reason to send them elsewhere. */
    boolean certainlyNotIn(TargetGroup group, LocalDate day) {
        return switch (group) {
            case SENIORS -> oldestOn(day) < TargetGroup.SENIOR_AGE;
            case YOUNG_PEOPLE -> youngestOn(day) > TargetGroup.YOUNG_UNTIL;
            case FAMILIES -> fact(Fact.HAS_CHILDREN).map(has -> !has).orElse(false);
            case PEOPLE_WITH_A_DISABILITY ->
                fact(Fact.HAS_DISABILITY).map(has -> !has).orElse(false);
            case PEOPLE_LIVING_ALONE ->
                fact(Fact.LIVES_ALONE).map(alone -> !alone).orElse(false);
        };
    }
}
