package be.bruzel.statisticsservice.statistics;

import be.bruzel.platform.support.problem.RejectedRequestException;
import be.bruzel.statisticsservice.statistics.StatisticsQuery.Dimension;
import be.bruzel.statisticsservice.statistics.StatisticsQuery.Grain;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;

/**
 * The query string of {@code GET /api/statistics/referrals}, as given. Every value is checked
 * here, so a bad one is a problem that names its parameter, in the caller's language.
 *
 * @param by municipality (default), district, care-zone, theme, organisation, profession or none
 * @param period month (default), quarter or year
 * @param from first month, {@code YYYY-MM}; by default eleven months before {@code to}
 * @param to last month, {@code YYYY-MM}; by default this month
 */
record StatisticsRequest(
        String by,
        String period,
        String from,
        String to,
        String municipality,
        String district,
        String careZone,
        String theme,
        String organisation,
        String profession) {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final int MOST_MONTHS = 10 * 12;

    StatisticsQuery toQuery(Clock clock) {
        Dimension grouping = by == null
                ? Dimension.MUNICIPALITY
                : Dimension.grouping(by).orElseThrow(() -> invalid("statistics.by.unknown", "by", by));
        Grain grain = period == null
                ? Grain.MONTH
                : Grain.of(period).orElseThrow(() -> invalid("statistics.period.unknown", "period", period));
        YearMonth last = to == null ? YearMonth.now(clock.withZone(ReferralFact.BRUSSELS)) : month("to", to);
        YearMonth first = from == null ? last.minusMonths(11) : month("from", from);
        if (first.isAfter(last)) {
            throw invalid("statistics.range.reversed", "from", from);
        }
        if (first.plusMonths(MOST_MONTHS).isBefore(last)) {
            throw invalid("statistics.range.too-long", "from", from);
        }
        Map<Dimension, String> filters = new EnumMap<>(Dimension.class);
        filter(filters, Dimension.MUNICIPALITY, "municipality", municipality);
        filter(filters, Dimension.DISTRICT, "district", district);
        filter(filters, Dimension.CARE_ZONE, "careZone", careZone);
        filter(filters, Dimension.THEME, "theme", theme);
        filter(filters, Dimension.ORGANISATION, "organisation", organisation);
        filter(filters, Dimension.PROFESSION, "profession", profession);
        return new StatisticsQuery(grouping, grain, first, last, filters);
    }

    private static YearMonth month(String parameter, String value) {
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException unreadable) {
            throw invalid("statistics.month.invalid", parameter, value);
        }
    }

    private static void filter(Map<Dimension, String> filters, Dimension dimension, String parameter, String code) {
        if (code == null) {
            return;
        }
        if (!CODE.matcher(code).matches()) {
            throw invalid("statistics.code.invalid", parameter, code);
        }
        filters.put(dimension, code);
    }

    private static RejectedRequestException invalid(String messageCode, String parameter, String value) {
        return new RejectedRequestException(HttpStatus.BAD_REQUEST, messageCode, parameter, value);
    }
}
