package be.bruzel.statisticsservice.statistics;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which figures: grouped by one dimension (or none), per month, quarter or year over a range of
 * whole periods, for the referrals that match every filter.
 *
 * @param by the grouping; {@link Dimension#NONE} for the totals only
 * @param from the first month, moved back to the start of its period
 * @param to the last month, moved on to the end of its period
 * @param filters a code per dimension; the caller's scope is among them
 */
record StatisticsQuery(Dimension by, Grain grain, YearMonth from, YearMonth to, Map<Dimension, String> filters) {

    StatisticsQuery {
        from = grain.startOf(from);
        to = grain.endOf(to);
        filters = filters.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(filters));
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the range ends before it starts");
        }
    }

    /** What referrals are grouped and filtered by. */
    enum Dimension {
        NONE("none"),
        MUNICIPALITY("municipality"),
        DISTRICT("district"),
        CARE_ZONE("care-zone"),
        THEME("theme"),
        ORGANISATION("organisation"),
        PROFESSION("profession"),
        /** Only as a scope: a referrer sees their own referrals. */
        REFERRER("referrer");

        private final String parameter;

        Dimension(String parameter) {
            this.parameter = parameter;
        }

        String parameter() {
            return parameter;
        }

        static Optional<Dimension> grouping(String parameter) {
            for (Dimension dimension : values()) {
                if (dimension != REFERRER && dimension.parameter.equals(parameter)) {
                    return Optional.of(dimension);
                }
            }
            return Optional.empty();
        }
    }

    /** The length of a period. */
    enum Grain {
        MONTH(1),
        QUARTER(3),
        YEAR(12);

        private final int months;

        Grain(int months) {
            this.months = months;
        }

        int months() {
            return months;
        }

        YearMonth startOf(YearMonth month) {
            return month.minusMonths((month.getMonthValue() - 1) % months);
        }

        YearMonth endOf(YearMonth month) {
            return startOf(month).plusMonths(months - 1L);
        }

        /** e.g. {@code 2026-03}, {@code 2026-Q1}, {@code 2026}. */
        String label(YearMonth start) {
            return switch (this) {
                case MONTH -> start.toString();
                case QUARTER -> start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
                case YEAR -> String.valueOf(start.getYear());
            };
        }

        static Optional<Grain> of(String parameter) {
            for (Grain grain : values()) {
                if (grain.name().toLowerCase(Locale.ROOT).equals(parameter)) {
                    return Optional.of(grain);
                }
            }
            return Optional.empty();
        }
    }

    /** The first month of each period in the range. */
    /** The first instant of the range: its first month's start, Brussels time. */
    Instant start() {
        return from.atDay(1).atStartOfDay(ReferralFact.BRUSSELS).toInstant();
    }

    /** The instant after the range: the start of the month after its last, Brussels time. */
    Instant end() {
        return to.plusMonths(1).atDay(1).atStartOfDay(ReferralFact.BRUSSELS).toInstant();
    }

    List<YearMonth> periods() {
        List<YearMonth> starts = new ArrayList<>();
        for (YearMonth start = from; !start.isAfter(to); start = start.plusMonths(grain.months())) {
            starts.add(start);
        }
        return starts;
    }

    Optional<String> filter(Dimension dimension) {
        return Optional.ofNullable(filters.get(dimension));
    }
}
