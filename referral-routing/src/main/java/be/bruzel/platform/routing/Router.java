package be.bruzel.platform.routing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the service that receives a referral on a theme. Levels are tried from the most local
 * (district, municipality) to the widest (care zone, region), candidates in each level in the
 * rule's order. A service that is inactive, full or paused is skipped. One that does not speak
 * the person's language is skipped when an available one that does exists anywhere in the
 * rules; otherwise the first available one is chosen all the same. When none is available the
 * zone's helpdesk receives the referral.
 */
public final class Router {

    private Router() {}

    public static RoutingDecision decide(List<RuleLevel> levels, String language, LocalDate day) {
        boolean someoneSpeaksTheLanguage = levels.stream()
                .flatMap(level -> level.candidates().stream())
                .anyMatch(candidate -> candidate.unavailableOn(day).isEmpty() && candidate.speaks(language));
        List<RoutingDecision.Consideration> considered = new ArrayList<>();
        Optional<String> chosen = Optional.empty();
        for (RuleLevel level : levels) {
            if (level.candidates().isEmpty()) {
                considered.add(new RoutingDecision.Consideration(level.kind(), level.code(), null, Verdict.NO_RULE));
                continue;
            }
            for (Candidate candidate : level.candidates()) {
                Verdict verdict = chosen.isPresent()
                        ? Verdict.NOT_NEEDED
                        : verdictOn(candidate, language, day, someoneSpeaksTheLanguage);
                if (verdict == Verdict.CHOSEN || verdict == Verdict.CHOSEN_DESPITE_LANGUAGE) {
                    chosen = Optional.of(candidate.serviceId());
                }
                considered.add(
                        new RoutingDecision.Consideration(level.kind(), level.code(), candidate.serviceId(), verdict));
            }
        }
        return new RoutingDecision(chosen, considered);
    }

    private static Verdict verdictOn(
            Candidate candidate, String language, LocalDate day, boolean someoneSpeaksTheLanguage) {
        Optional<Verdict> unavailable = candidate.unavailableOn(day);
        if (unavailable.isPresent()) {
            return unavailable.get();
        }
        if (candidate.speaks(language)) {
            return Verdict.CHOSEN;
        }
        return someoneSpeaksTheLanguage ? Verdict.SKIPPED_LANGUAGE : Verdict.CHOSEN_DESPITE_LANGUAGE;
    }
}
