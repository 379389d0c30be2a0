package be.bruzel.platform.routing;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A service a routing rule names, with what routing needs to know about it.
 *
 * @param capacity {@code OPEN}, {@code FULL} or {@code PAUSED}
 * @param fullUntil with {@code FULL}: the first day it takes referrals again; none means until further notice
 */
public record Candidate(
        String serviceId, boolean active, String capacity, LocalDate fullUntil, List<String> languages) {

    public Candidate {
        languages = List.copyOf(languages);
    }

    /** Why the service cannot take a referral on the day, or empty when it can. */
    Optional<Verdict> unavailableOn(LocalDate day) {
        if (!active) {
            return Optional.of(Verdict.SKIPPED_INACTIVE);
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
