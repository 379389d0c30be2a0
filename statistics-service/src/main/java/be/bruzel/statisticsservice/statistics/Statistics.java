package be.bruzel.statisticsservice.statistics;

import be.bruzel.platform.directorycopy.Directory;
import be.bruzel.platform.directorycopy.Directory.Coverage;
import be.bruzel.platform.directorycopy.Directory.Name;
import be.bruzel.platform.support.problem.RejectedRequestException;
import be.bruzel.platform.support.security.Caller;
import be.bruzel.platform.support.security.Role;
import be.bruzel.statisticsservice.disclosure.CellKeyPerturbation;
import be.bruzel.statisticsservice.pseudonyms.Pseudonyms;
import be.bruzel.statisticsservice.statistics.StatisticsQuery.Dimension;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The figures a caller may see: BruZEL's analysts the whole region, a zone analyst their care
 * zone, an organisation its own referrals, a referrer theirs; counted, then made safe to show.
 */
@Service
class Statistics {

    /** How long the directory's coverage is taken as it was: a change of the routing rules shows within this. */
    private static final Duration COVERAGE_KEPT = Duration.ofMinutes(1);

    private final ReferralFacts facts;
    private final AnsweredQuestionnaires answered;
    private final Directory directory;
    private final Pseudonyms pseudonyms;
    private final MessageSource messages;
    private final Clock clock;
    private final int threshold;
    private final CellKeyPerturbation perturbation;
    private volatile Covered covered;

    Statistics(
            ReferralFacts facts,
            AnsweredQuestionnaires answered,
            Directory directory,
            Pseudonyms pseudonyms,
            MessageSource messages,
            Clock clock,
            @Value("${platform.statistics.suppress-below:5}") int threshold,
            @Value("${platform.statistics.perturbation:2}") int perturbation) {
        this.facts = facts;
        this.answered = answered;
        this.directory = directory;
        this.pseudonyms = pseudonyms;
        this.messages = messages;
        this.clock = clock;
        this.threshold = threshold;
        this.perturbation = new CellKeyPerturbation(perturbation, threshold);
    }

    StatisticsReport report(Caller caller, StatisticsRequest request, Locale locale) {
        StatisticsQuery query = scoped(caller, request);
        Tally tally = facts.tally(query);
        connectOrganisations(tally, query);
        Disclosure disclosure = new Disclosure(tally, threshold);
        return StatisticsReport.of(
                query,
                tally,
                disclosure,
                perturbation,
                namesOf(query.by(), locale),
                messages.getMessage("statistics.total", null, locale));
    }

    /** Counts from 1 to one below this are not shown, here or in any figure built beside these. */
    int threshold() {
        return threshold;
    }

    /** How every count that is shown is perturbed, here or in any figure built beside these. */
    CellKeyPerturbation perturbation() {
        return perturbation;
    }

    /** The query a caller may ask: theirs, narrowed to what their role lets them see; a request beyond it is refused. */
    StatisticsQuery scoped(Caller caller, StatisticsRequest request) {
        return within(scopeOf(caller), request.toQuery(clock));
    }

    /** The answers to a zone's needs questionnaire, for analysts of the zone (or of the region). */
    NeedsReport needs(Caller caller, NeedsRequest request, Locale locale) {
        String questionnaire = request.questionnaireCode();
        StatisticsQuery query = within(scopeOf(caller), request.toQuery(clock));
        return AnswerTable.of(
                questionnaire,
                query,
                answered.counts(questionnaire, query),
                threshold,
                perturbation,
                namesOf(Dimension.MUNICIPALITY, locale),
                messages.getMessage("statistics.total", null, locale));
    }

    /** The filter a caller's role imposes; a request for what lies outside it is refused. */
    private Map<Dimension, String> scopeOf(Caller caller) {
        if (caller.has(Role.ANALYST)) {
            // Never the region by default: an analyst whose provider forgot the claim sees nothing.
            String zone = caller.careZone()
                    .orElseThrow(
                            () -> new RejectedRequestException(HttpStatus.FORBIDDEN, "statistics.no-care-zone", null));
            return Caller.WHOLE_REGION.equals(zone) ? Map.of() : Map.of(Dimension.CARE_ZONE, zone);
        }
        if (caller.has(Role.ORGANISATION_WORKER)) {
            String organisation = caller.organisationId()
                    .orElseThrow(() ->
                            new RejectedRequestException(HttpStatus.FORBIDDEN, "statistics.no-organisation", null));
            return Map.of(Dimension.ORGANISATION, organisation);
        }
        if (caller.has(Role.REFERRER)) {
            return Map.of(Dimension.REFERRER, pseudonyms.of(caller.userId()));
        }
        throw new RejectedRequestException(HttpStatus.FORBIDDEN, "statistics.forbidden", null);
    }

    private static StatisticsQuery within(Map<Dimension, String> scope, StatisticsQuery asked) {
        Map<Dimension, String> filters = new EnumMap<>(Dimension.class);
        filters.putAll(asked.filters());
        scope.forEach((dimension, code) -> {
            String other = filters.put(dimension, code);
            if (other != null && !other.equals(code)) {
                throw new RejectedRequestException(
                        HttpStatus.FORBIDDEN,
                        "statistics.outside-scope",
                        dimension == Dimension.CARE_ZONE ? "careZone" : dimension.parameter(),
                        other);
            }
        });
        return new StatisticsQuery(asked.by(), asked.grain(), asked.from(), asked.to(), filters);
    }

    /**
     * Organisations connected to the platform for each group: those whose active services the
     * routing rules name there, as the directory is today. Professions and referrers do not
     * narrow them: organisations take referrals from any referrer.
     */
    private void connectOrganisations(Tally tally, StatisticsQuery query) {
        List<Coverage> covered = coverage().stream()
                .filter(coverage -> query.filters().entrySet().stream()
                        .allMatch(filter -> codeOf(coverage, filter.getKey())
                                .map(filter.getValue()::equals)
                                .orElse(true)))
                .toList();
        int periods = tally.periods().size();
        for (int group = 0; group <= tally.groups().size(); group++) {
            String code = group < tally.groups().size() ? tally.groups().get(group) : null;
            long organisations = covered.stream()
                    .filter(coverage -> code == null
                            || codeOf(coverage, query.by()).map(code::equals).orElse(true))
                    .map(Coverage::organisationId)
                    .distinct()
                    .count();
            for (int period = 0; period <= periods; period++) {
                tally.cell(group, period).connectedOrganisations((int) organisations);
            }
        }
    }

    /** Who covers what today, asked of the directory copy at most once a minute: dashboards ask again and again. */
    private List<Coverage> coverage() {
        LocalDate today = LocalDate.now(clock.withZone(ReferralFact.BRUSSELS));
        Covered known = covered;
        // Its age in real time, whatever the clock of the day says.
        if (known == null
                || !known.day().equals(today)
                || System.nanoTime() - known.askedAt() > COVERAGE_KEPT.toNanos()) {
            known = new Covered(today, System.nanoTime(), directory.coverage(today));
            covered = known;
        }
        return known.coverage();
    }

    private record Covered(LocalDate day, long askedAt, List<Coverage> coverage) {}

    /** The coverage's code in a dimension; none where the dimension does not apply to organisations. */
    private static Optional<String> codeOf(Coverage coverage, Dimension dimension) {
        return Optional.ofNullable(
                switch (dimension) {
                    case MUNICIPALITY -> coverage.municipalityNis();
                    case DISTRICT -> coverage.areaId();
                    case CARE_ZONE -> coverage.careZoneCode();
                    case THEME -> coverage.themeCode();
                    case ORGANISATION -> coverage.organisationId();
                    case NONE, PROFESSION, REFERRER -> null;
                });
    }

    /** How a group is called in the caller's language: names from the directory, professions from the messages. */
    private UnaryOperator<String> namesOf(Dimension dimension, Locale locale) {
        Function<Name, String> inLanguage = name -> "fr".equals(locale.getLanguage()) ? name.fr() : name.nl();
        Map<String, Name> names = switch (dimension) {
            case MUNICIPALITY -> directory.municipalityNames();
            case DISTRICT -> directory.areaNames();
            case CARE_ZONE -> directory.careZoneNames();
            case THEME -> directory.themeNames();
            default -> Map.of();
        };
        return code -> {
            if (code.isEmpty()) {
                return messages.getMessage("statistics.group.unknown", null, locale);
            }
            if (dimension == Dimension.PROFESSION) {
                return messages.getMessage("statistics.profession." + code, null, code, locale);
            }
            return Optional.ofNullable(names.get(code))
                    .map(inLanguage)
                    .filter(Objects::nonNull)
                    .orElse(code);
        };
    }
}
