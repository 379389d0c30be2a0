package be.bruzel.statisticsservice.statistics;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.YearMonth;
import java.util.List;

/**
 * BruZEL's 16 evaluation indicators (OD 3.3) for one care zone (or the region) and range of months, each with its
 * number, its name and the figures that measure it, in the caller's language. A suppressed figure has no value.
 *
 * @param careZone the zone, or none for the whole region
 */
record IndicatorsReport(
        String careZone,
        YearMonth from,
        YearMonth to,
        int suppressedBelow,
        int perturbedUpTo,
        List<Indicator> indicators) {

    /** @param note what the reader must know to read it, e.g. that the platform does not measure it; or none */
    record Indicator(int number, String name, String note, List<Value> values) {}

    /**
     * @param key the figure's name in the referral statistics where it is one, e.g. {@code successful}
     * @param value none when it is suppressed or there is nothing to measure
     */
    record Value(
            String key,
            String label,

            @JsonInclude(JsonInclude.Include.ALWAYS) Number value,

            boolean suppressed) {}
}
