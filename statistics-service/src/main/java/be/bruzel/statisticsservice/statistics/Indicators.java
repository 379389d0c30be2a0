package be.bruzel.statisticsservice.statistics;

import be.bruzel.platform.support.security.Caller;
import be.bruzel.statisticsservice.disclosure.CellKeyPerturbation;
import be.bruzel.statisticsservice.disclosure.ComplementarySuppression;
import be.bruzel.statisticsservice.statistics.IndicatorsReport.Indicator;
import be.bruzel.statisticsservice.statistics.IndicatorsReport.Value;
import be.bruzel.statisticsservice.usability.Usability;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * BruZEL's 16 indicators on one page: read from the referral statistics of the range (all groups together, and by
 * profession and by theme), the contact attempts by channel, the other needs of the zone's questionnaires and the
 * usability survey; every count protected as the statistics protect theirs.
 */
@Service
class Indicators {

    static final List<String> CHANNELS = List.of("PHONE", "EMAIL", "LETTER", "VISIT");
    /** Care providers of welfare; every other profession is one of health. */
    private static final List<String> WELFARE = List.of("social-worker");

    private final Statistics statistics;
    private final ContactAttempts attempts;
    private final AnsweredQuestionnaires answered;
    private final Usability usability;
    private final MessageSource messages;
    private final int threshold;
    private final CellKeyPerturbation perturbation;

    Indicators(
            Statistics statistics,
            ContactAttempts attempts,
            AnsweredQuestionnaires answered,
            Usability usability,
            MessageSource messages) {
        this.statistics = statistics;
        this.attempts = attempts;
        this.answered = answered;
        this.usability = usability;
        this.messages = messages;
        this.threshold = statistics.threshold();
        this.perturbation = statistics.perturbation();
    }

    IndicatorsReport report(Caller caller, IndicatorsRequest request, Locale locale) {
        StatisticsQuery query = statistics.scoped(caller, request.grouped("none"));
        Figures all = new Figures(rangeTotal(statistics.report(caller, request.grouped("none"), locale)), locale);
        List<StatisticsReport.Row> professions =
                groupsOverTheRange(statistics.report(caller, request.grouped("profession"), locale));
        List<StatisticsReport.Row> themes =
                groupsOverTheRange(statistics.report(caller, request.grouped("theme"), locale));
        List<Indicator> indicators = List.of(
                indicator(
                        1,
                        locale,
                        Stream.concat(
                                        all.values("contactAttempts", "contactAttemptsReached").stream(),
                                        byChannel(query, locale).stream())
                                .toList()),
                indicator(
                        2, locale, concat(all.values("accepted", "contactAttempts"), attemptsPerAccepted(all, locale))),
                indicator(
                        3,
                        locale,
                        concat(
                                themes.stream()
                                        .map(theme -> all.value(
                                                "submitted",
                                                text("statistics.indicator.submitted-on", locale, theme.name()),
                                                theme))
                                        .toList(),
                                all.values("unmetNeeds"),
                                List.of(otherNeeds(query, locale)))),
                new Indicator(
                        4,
                        text("statistics.indicator.4", locale),
                        text("statistics.indicator.4.note", locale),
                        List.of()),
                indicator(
                        5,
                        locale,
                        concat(
                                all.values("connectedReferrers", "activeReferrers"),
                                professions.stream()
                                        .map(profession -> all.value(
                                                "activeReferrers",
                                                text(
                                                        "statistics.indicator.active-referrers-of",
                                                        locale,
                                                        profession.name(),
                                                        text(
                                                                "statistics.indicator.sector."
                                                                        + (WELFARE.contains(profession.group())
                                                                                ? "welfare"
                                                                                : "health"),
                                                                locale)),
                                                profession))
                                        .toList())),
                indicator(6, locale, all.values("connectedOrganisations", "activeOrganisations")),
                indicator(7, locale, all.values("submitted", "logged")),
                indicator(8, locale, all.values("successful", "completed")),
                new Indicator(
                        9,
                        text("statistics.indicator.9", locale),
                        text("statistics.indicator.9.note", locale),
                        usability(query, locale)),
                indicator(
                        10,
                        locale,
                        all.values(
                                "escalated",
                                "escalatedAccepted",
                                "escalatedNotAccepted",
                                "unmetNeeds",
                                "unmetNeedsAccepted",
                                "unmetNeedsNotAccepted")),
                indicator(11, locale, all.values("inProgress", "personReached", "personSaysContacted")),
                indicator(12, locale, all.values("solved", "partlySolved")),
                indicator(
                        13,
                        locale,
                        all.values(
                                "hoursToAcceptanceMedian",
                                "hoursToAcceptanceP90",
                                "hoursToFirstContactMedian",
                                "hoursToFirstContactP90")),
                indicator(14, locale, all.values("personSatisfaction", "personAnswered")),
                indicator(15, locale, all.values("referrerSatisfaction")),
                indicator(16, locale, all.values("organisationSatisfaction")));
        return new IndicatorsReport(
                query.filter(StatisticsQuery.Dimension.CARE_ZONE).orElse(null),
                query.from(),
                query.to(),
                threshold,
                perturbation.maxNoise(),
                indicators);
    }

    private Indicator indicator(int number, Locale locale, List<Value> values) {
        return new Indicator(number, text("statistics.indicator." + number, locale), null, values);
    }

    /** Contact attempts by channel, and those that reached the person, protected together with their totals. */
    private List<Value> byChannel(StatisticsQuery query, Locale locale) {
        Map<String, ContactAttempts.ByChannel> counted = attempts.byChannel(query).stream()
                .collect(Collectors.toMap(ContactAttempts.ByChannel::channel, Function.identity()));
        int channels = CHANNELS.size();
        long[] counts = new long[2 * (channels + 1)];
        long[] keys = new long[counts.length];
        for (int channel = 0; channel < channels; channel++) {
            ContactAttempts.ByChannel of = counted.get(CHANNELS.get(channel));
            if (of != null) {
                counts[1 + channel] = of.attempts();
                keys[1 + channel] = of.attemptKeys();
                counts[channels + 2 + channel] = of.reached();
                keys[channels + 2 + channel] = of.reachedKeys();
            }
            counts[0] += counts[1 + channel];
            counts[channels + 1] += counts[channels + 2 + channel];
        }
        int[] attemptsSum = new int[channels + 1];
        int[] reachedSum = new int[channels + 1];
        for (int place = 0; place <= channels; place++) {
            attemptsSum[place] = place;
            reachedSum[place] = channels + 1 + place;
        }
        ComplementarySuppression safe =
                new ComplementarySuppression(counts, threshold, List.of(attemptsSum, reachedSum));
        List<Value> values = new ArrayList<>();
        for (int channel = 0; channel < channels; channel++) {
            String name = text("statistics.channel." + CHANNELS.get(channel), locale);
            values.add(count("attempts" + CHANNELS.get(channel), name, counts, keys, 1 + channel, safe));
            values.add(count(
                    "reached" + CHANNELS.get(channel),
                    text("statistics.channel.reached", locale, name),
                    counts,
                    keys,
                    channels + 2 + channel,
                    safe));
        }
        return values;
    }

    private Value count(
            String key, String label, long[] counts, long[] keys, int place, ComplementarySuppression safe) {
        boolean hidden = safe.hides(place);
        return new Value(
                key, label, hidden ? null : perturbation.published(counts[place], (int) (keys[place] & 0xff)), hidden);
    }

    /** Indicator 2: how many attempts an accepted referral took, from the two published counts. */
    private List<Value> attemptsPerAccepted(Figures all, Locale locale) {
        Number attempts = all.row().figures().get("contactAttempts");
        Number accepted = all.row().figures().get("accepted");
        boolean hidden = attempts == null || accepted == null;
        Double ratio = hidden || accepted.longValue() == 0
                ? null
                : BigDecimal.valueOf(attempts.doubleValue() / accepted.doubleValue())
                        .setScale(1, RoundingMode.HALF_UP)
                        .doubleValue();
        return List.of(new Value(
                "contactAttemptsPerAccepted",
                text("statistics.indicator.attempts-per-accepted", locale),
                ratio,
                hidden));
    }

    private Value otherNeeds(StatisticsQuery query, Locale locale) {
        AnswerTable.Counted other = answered.otherNeeds(query);
        boolean hidden = other.count() > 0 && other.count() < threshold;
        return new Value(
                "otherNeeds",
                text("statistics.indicator.other-needs", locale),
                hidden ? null : perturbation.published(other.count(), (int) (other.keys() & 0xff)),
                hidden);
    }

    /** Indicator 9: the usability survey's answers of the range, all users together; hidden under the threshold. */
    private List<Value> usability(StatisticsQuery query, Locale locale) {
        Usability.Summary summary = usability.between(query.start(), query.end());
        boolean hidden = summary.answers() > 0 && summary.answers() < threshold;
        return List.of(
                new Value(
                        "usabilityAnswers",
                        text("statistics.indicator.usability.answers", locale),
                        hidden ? null : summary.answers(),
                        hidden),
                new Value(
                        "usabilityScore",
                        text("statistics.indicator.usability.score", locale),
                        hidden ? null : summary.rounded(),
                        hidden));
    }

    private static StatisticsReport.Row rangeTotal(StatisticsReport report) {
        return report.rows().stream()
                .filter(row -> row.group() == null && row.period() == null)
                .findFirst()
                .orElseThrow();
    }

    private static List<StatisticsReport.Row> groupsOverTheRange(StatisticsReport report) {
        return report.rows().stream()
                .filter(row -> row.group() != null && !row.group().isEmpty() && row.period() == null)
                .toList();
    }

    @SafeVarargs
    private static List<Value> concat(List<Value>... parts) {
        return Stream.of(parts).flatMap(List::stream).toList();
    }

    private String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    /** The figures of one row of the referral statistics, as indicator values. */
    private final class Figures {
        private final StatisticsReport.Row row;
        private final Locale locale;

        Figures(StatisticsReport.Row row, Locale locale) {
            this.row = row;
            this.locale = locale;
        }

        StatisticsReport.Row row() {
            return row;
        }

        List<Value> values(String... keys) {
            return Stream.of(keys)
                    .map(key -> value(key, text("statistics.figure." + key, locale), row))
                    .toList();
        }

        /** A figure of this row or another (a profession's, a theme's), under a label of its own. */
        Value value(String key, String label, StatisticsReport.Row of) {
            return new Value(
                    of == row ? key : key + ":" + of.group(),
                    label,
                    of.figures().get(key),
                    of.suppressed().contains(key));
        }
    }
}
