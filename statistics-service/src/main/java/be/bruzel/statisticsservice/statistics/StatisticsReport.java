package be.bruzel.statisticsservice.statistics;

import be.bruzel.statisticsservice.disclosure.CellKeyPerturbation;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.text.Collator;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The figures as shown: a row per group and period, then each group over the whole range, then
 * all groups together. A suppressed or hidden figure is {@code null} and named in {@code suppressed}.
 *
 * @param by the grouping
 * @param period month, quarter or year
 * @param suppressedBelow counts from 1 to one below this are never shown
 * @param perturbedUpTo the most a published count differs from the real one, either way
 */
record StatisticsReport(
        String by,
        String period,
        YearMonth from,
        YearMonth to,
        int suppressedBelow,
        int perturbedUpTo,
        List<Row> rows) {

    /**
     * @param group the group's code; none in the rows of all groups together
     * @param name the group's name in the caller's language, or the word for total
     * @param period the period, e.g. {@code 2026-03}, {@code 2026-Q1}; none in the rows of the whole range
     */
    record Row(
            String group,
            String name,
            String period,

            @JsonInclude(content = JsonInclude.Include.ALWAYS)
            Map<String, Number> figures,

            List<String> suppressed) {}

    static StatisticsReport of(
            StatisticsQuery query,
            Tally tally,
            Disclosure disclosure,
            CellKeyPerturbation perturbation,
            UnaryOperator<String> names,
            String total) {
        Collator collator = Collator.getInstance(Locale.of("nl", "BE"));
        int groups = tally.groups().size();
        List<Integer> order = new ArrayList<>();
        for (int group = 0; group < groups; group++) {
            order.add(group);
        }
        order.sort(Comparator.comparing(group -> names.apply(tally.groups().get(group)), collator));
        order.add(groups);
        List<Row> rows = new ArrayList<>();
        for (int group : order) {
            boolean all = group == groups;
            String code = all ? null : tally.groups().get(group);
            String name = all ? total : names.apply(code);
            for (int period = 0; period <= tally.periods().size(); period++) {
                String label = period < tally.periods().size()
                        ? query.grain().label(tally.periods().get(period))
                        : null;
                rows.add(row(tally.cell(group, period), disclosure, perturbation, group, period, code, name, label));
            }
        }
        return new StatisticsReport(
                query.by().parameter(),
                query.grain().name().toLowerCase(Locale.ROOT),
                query.from(),
                query.to(),
                perturbation.threshold(),
                perturbation.maxNoise(),
                rows);
    }

    private static Row row(
            Cell cell,
            Disclosure disclosure,
            CellKeyPerturbation perturbation,
            int group,
            int period,
            String code,
            String name,
            String label) {
        Map<String, Number> figures = new LinkedHashMap<>();
        List<String> suppressed = new ArrayList<>();
        for (Figure figure : Figure.values()) {
            if (disclosure.hides(group, period, figure)) {
                figures.put(figure.key(), null);
                suppressed.add(figure.key());
            } else if (figure.kind() == Figure.Kind.COUNT || figure == Figure.ACTIVE_REFERRERS) {
                figures.put(
                        figure.key(), perturbation.published(cell.value(figure).longValue(), cell.cellKey(figure)));
            } else {
                figures.put(figure.key(), cell.value(figure));
            }
        }
        return new Row(code, name, label, figures, suppressed);
    }
}
