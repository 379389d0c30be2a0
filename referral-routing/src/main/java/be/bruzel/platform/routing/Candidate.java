package be.bruzel.platform.routing;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A service a routing rule names, with what routing needs to know about it.
 *
 * @param capacity {@code OPEN}, {@code FULL} or {@code PAUSED}
 * @param fullUntil with {@code FULL}: the first day it takes referrals again; none means until further notice
 * @param eligibility who the service is for
 */
public record Candidate(
        String serviceId,
        boolean active,
        String capacity,
        LocalDate fullUntil,
        List<String> languages,
        Eligibility eligibility) {

    public Candidate {
        languages = List.copyOf(languages);
        eligibility = eligibility == null ? Eligibility.EVERYONE : eligibility;
    }

    /** A service for everyone. */
    public Candidate(String serviceId, boolean active, String capacity, LocalDate fullUntil, List<String> languages) {
        this(serviceId, active, capacity, fullUntil, languages, Eligibility.EVERYONE);
    }

    /** Why the service cannot take a referral for the person on the day, or empty when it can. */
    Optional<Verdict> unavailableTo(PersonFacts person, LocalDate day) {
        if (!active) {
            return Optional.of(Verdict.SKIPPED_INACTIVE);
        }
        if (eligibility.certainlyExcludes(person, day)) {
            return Optional.of(Verdict.SKIPPED_NOT_ELIGIBLE);
        }
        return switch (capacity) {
            case "OPEN" -> Optional.empty();
            case "FULL" ->
                fullUntil != null && !day.isBefore(fullUntil) ? Optional.empty() : Optional.of(Verdict.SKIPPED_FULL);
            default -> Optional.of(Verdict.SKIPPED_PAUSED);
        };
    }

    boolean speaks(String language) {
        return language == null || languages.contains(language);
    }
}
