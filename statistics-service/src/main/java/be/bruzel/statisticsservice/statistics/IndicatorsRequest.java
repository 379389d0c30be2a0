package be.bruzel.statisticsservice.statistics;

/**
 * The query string of {@code GET /api/statistics/indicators}.
 *
 * @param careZone one care zone; none: the caller's scope (a zone analyst's zone, BruZEL's the region)
 * @param from first month, {@code YYYY-MM}; by default eleven months before {@code to}
 * @param to last month, {@code YYYY-MM}; by default this month
 */
record IndicatorsRequest(String careZone, String from, String to) {

    /** The referral statistics' request the indicators are read from, grouped by {@code by}. */
    StatisticsRequest grouped(String by) {
        return new StatisticsRequest(by, "month", from, to, null, null, careZone, null, null, null);
    }
}
