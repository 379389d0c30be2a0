package be.bruzel.statisticsservice.statistics;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * A needs questionnaire's answers as shown: a row per municipality and period, then each municipality over
 * the whole range, then all together. A suppressed count is {@code null} and named in {@code suppressed}.
 *
 * @param options the codes of the options answered in the range, in the order of the columns
 * @param suppressedBelow counts from 1 to one below this are never shown
 * @param perturbedUpTo the most a published count differs from the real one, either way
 */
record NeedsReport(
        String questionnaire,
        String period,
        YearMonth from,
        YearMonth to,
        int suppressedBelow,
        int perturbedUpTo,
        List<String> options,
        List<Row> rows) {

    /**
     * @param municipality the municipality's NIS code; none in the rows of all together
     * @param period e.g. {@code 2026-03}; none in the rows of the whole range
     * @param answered submissions that answered the questionnaire
     * @param otherNeeds submissions with a need that none of the options names (indicator 3)
     * @param answers submissions that chose each option, by its code
     * @param suppressed the figures not shown: {@code answered}, {@code otherNeeds} or {@code answers.<code>}
     */
    record Row(
            String municipality,
            String name,
            String period,
            @JsonInclude(JsonInclude.Include.ALWAYS) Long answered,
            @JsonInclude(JsonInclude.Include.ALWAYS) Long otherNeeds,

            @JsonInclude(content = JsonInclude.Include.ALWAYS)
            Map<String, Long> answers,

            List<String> suppressed) {}
}
