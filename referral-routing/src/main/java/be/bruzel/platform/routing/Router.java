package be.bruzel.platform.routing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the service that receives a referral on a theme. Levels are tried from the most local
 * (district, municipality) to the widest (care zone, region), candidates in each level in the
 * rule's order. A service that is inactive, not for the person (their age, their group), full or paused is
 * skipped. One that does not speak
 * the person's language is skipped when an available one that does exists anywhere in the
 * rules; otherwise the first available one is chosen all the same. When none is available the
 * zone's helpdesk receives the referral. A referrer may choose another candidate that could take
 * it, whatever its language (they may know the person speaks it), and the decision says so.
 */
public final class Router {

    private Router() {}

    public static RoutingDecision decide(List<RuleLevel> levels, String language, PersonFacts person, LocalDate day) {
        boolean someoneSpeaksTheLanguage = levels.stream()
                .flatMap(level -> level.candidates().stream())
                .anyMatch(candidate -> candidate.unavailableTo(person, day).isEmpty() && candidate.speaks(language));
        List<RoutingDecision.Consideration> considered = new ArrayList<>();
        Optional<String> chosen = Optional.empty();
        for (RuleLevel level : levels) {
            if (level.candidates().isEmpty()) {
                considered.add(new RoutingDecision.Consideration(level.kind(), level.code(), null, Verdict.NO_RULE));
                continue;
            }
            for (Candidate candidate : level.candidates()) {
                Verdict verdict = chosen.isPresent()
                        ? candidate.unavailableTo(person, day).orElse(Verdict.NOT_NEEDED)
                        : verdictOn(candidate, language, person, day, someoneSpeaksTheLanguage);
                if (verdict == Verdict.CHOSEN || verdict == Verdict.CHOSEN_DESPITE_LANGUAGE) {
                    chosen = Optional.of(candidate.serviceId());
                }
                considered.add(
                        new RoutingDecision.Consideration(level.kind(), level.code(), candidate.serviceId(), verdict));
            }
        }
        return new RoutingDecision(chosen, considered);
    }

    /**
     * The rules' decision, or, when the referrer prefers another candidate that could take the referral,
     * that one; empty when the preferred service is not a candidate that could.
     */
    public static Optional<RoutingDecision> decide(
            List<RuleLevel> levels, String language, PersonFacts person, LocalDate day, Optional<String> preferred) {
        RoutingDecision rules = decide(levels, language, person, day);
        if (preferred.isEmpty() || preferred.equals(rules.chosenServiceId())) {
            return Optional.of(rules);
        }
        boolean allowed = rules.considered().stream()
                .anyMatch(step -> preferred.get().equals(step.serviceId())
                        && step.verdict().choosable());
        if (!allowed) {
            return Optional.empty();
        }
        return Optional.of(new RoutingDecision(
                preferred,
                rules.considered().stream()
                        .map(step -> preferred.get().equals(step.serviceId())
                                ? step.withVerdict(Verdict.CHOSEN_BY_REFERRER)
                                : rules.chosenServiceId().equals(Optional.ofNullable(step.serviceId()))
                                        ? step.withVerdict(Verdict.PASSED_OVER)
                                        : step)
                        .toList()));
    }

    private static Verdict verdictOn(
            Candidate candidate, String language, PersonFacts person, LocalDate day, boolean someoneSpeaksTheLanguage) {
        Optional<Verdict> unavailable = candidate.unavailableTo(person, day);
        if (unavailable.isPresent()) {
            return unavailable.get();
        }
        if (candidate.speaks(language)) {
            return Verdict.CHOSEN;
        }
        return someoneSpeaksTheLanguage ? Verdict.SKIPPED_LANGUAGE : Verdict.CHOSEN_DESPITE_LANGUAGE;
    }
}
