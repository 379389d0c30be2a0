package be.bruzel.statisticsservice.statistics;

import be.bruzel.statisticsservice.disclosure.CellKeyPerturbation;
import be.bruzel.statisticsservice.disclosure.ComplementarySuppression;
import java.text.Collator;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The answers to a needs questionnaire as they may be shown: per municipality and period, the submissions
 * that answered it, the other needs, and each option. Counts from 1 to one below the threshold are
 * suppressed, with one more cell of any sum they would otherwise be worked out from: a figure's periods
 * and their total, its municipalities and theirs, and within a cell all figures together (the options of
 * a one-answer question add up to the submissions; treated so for every option, protecting more than
 * needed, never less). What is shown is then perturbed by the submissions' keys.
 */
final class AnswerTable {

    static final String ANSWERED = "answered";
    static final String OTHER_NEEDS = "otherNeeds";
    /** Before an option's code, in a figure's name. */
    static final String OPTION = "answers.";

    /** A count of submissions, and the sum of their record keys. */
    record Counted(String municipalityNis, YearMonth month, String figure, long count, long keys) {}

    private AnswerTable() {}

    static NeedsReport of(
            String questionnaire,
            StatisticsQuery query,
            List<Counted> counted,
            int threshold,
            CellKeyPerturbation perturbation,
            UnaryOperator<String> names,
            String total) {
        List<String> figures = new ArrayList<>(List.of(ANSWERED, OTHER_NEEDS));
        figures.addAll(counted.stream()
                .map(Counted::figure)
                .filter(figure -> figure.startsWith(OPTION))
                .collect(Collectors.toCollection(TreeSet::new)));
        Collator collator = Collator.getInstance(Locale.of("nl", "BE"));
        List<String> groups = counted.stream()
                .map(Counted::municipalityNis)
                .distinct()
                .sorted(Comparator.comparing(names, collator))
                .toList();
        List<YearMonth> periods = query.periods();
        Grid grid = new Grid(figures.size(), groups.size(), periods.size());
        for (Counted count : counted) {
            int group = groups.indexOf(count.municipalityNis());
            int period = periods.indexOf(query.grain().startOf(count.month()));
            grid.add(figures.indexOf(count.figure()), group, period, count.count(), count.keys());
        }
        ComplementarySuppression suppression = new ComplementarySuppression(grid.counts, threshold, grid.sums());

        List<NeedsReport.Row> rows = new ArrayList<>();
        for (int group = 0; group <= groups.size(); group++) {
            boolean all = group == groups.size();
            for (int period = 0; period <= periods.size(); period++) {
                Map<String, Long> shown = new LinkedHashMap<>();
                List<String> suppressed = new ArrayList<>();
                for (int figure = 0; figure < figures.size(); figure++) {
                    int place = grid.place(figure, group, period);
                    if (suppression.hides(place)) {
                        suppressed.add(figures.get(figure));
                        shown.put(figures.get(figure), null);
                    } else {
                        shown.put(figures.get(figure), perturbation.published(grid.counts[place], (int)
                                grid.keys[place]));
                    }
                }
                Map<String, Long> answers = new LinkedHashMap<>();
                shown.forEach((figure, count) -> {
                    if (figure.startsWith(OPTION)) {
                        answers.put(figure.substring(OPTION.length()), count);
                    }
                });
                rows.add(new NeedsReport.Row(
                        all ? null : groups.get(group),
                        all ? total : names.apply(groups.get(group)),
                        period < periods.size() ? query.grain().label(periods.get(period)) : null,
                        shown.get(ANSWERED),
                        shown.get(OTHER_NEEDS),
                        answers,
                        suppressed));
            }
        }
        return new NeedsReport(
                questionnaire,
                query.grain().name().toLowerCase(Locale.ROOT),
                query.from(),
                query.to(),
                threshold,
                perturbation.maxNoise(),
                figures.stream()
                        .filter(figure -> figure.startsWith(OPTION))
                        .map(figure -> figure.substring(OPTION.length()))
                        .toList(),
                rows);
    }

    /** Counts and keys by figure, group and period; the last group and period hold the totals. */
    private static final class Grid {

        private final int figures;
        private final int groups;
        private final int periods;
        private final long[] counts;
        private final long[] keys;

        Grid(int figures, int groups, int periods) {
            this.figures = figures;
            this.groups = groups;
            this.periods = periods;
            this.counts = new long[figures * (groups + 1) * (periods + 1)];
            this.keys = new long[counts.length];
        }

        int place(int figure, int group, int period) {
            return (figure * (groups + 1) + group) * (periods + 1) + period;
        }

        /** Adds a count to its cell and to the totals of its group, of its period and of all. */
        void add(int figure, int group, int period, long count, long key) {
            for (int place : new int[] {
                place(figure, group, period),
                place(figure, group, periods),
                place(figure, groups, period),
                place(figure, groups, periods)
            }) {
                counts[place] += count;
                keys[place] += key;
            }
        }

        List<int[]> sums() {
            List<int[]> sums = new ArrayList<>();
            for (int figure = 0; figure < figures; figure++) {
                int of = figure;
                sums.addAll(ComplementarySuppression.rowsAndColumns(
                        groups, periods, (group, period) -> place(of, group, period)));
            }
            for (int group = 0; group <= groups; group++) {
                for (int period = 0; period <= periods; period++) {
                    int[] sum = new int[figures];
                    for (int figure = 0; figure < figures; figure++) {
                        sum[figure] = place(figure, group, period);
                    }
                    sums.add(sum);
                }
            }
            return sums;
        }
    }
}
