package be.bruzel.referralservice.statistics;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The counted referrals: a cell for each group and period, with the totals beside them: each
 * group over the whole range, and all groups together in each period and over the range.
 */
final class Tally {

    private final List<String> groups;
    private final List<YearMonth> periods;
    private final List<Cell[]> rows;
    private final Cell[] all;

    private Tally(List<String> groups, List<YearMonth> periods, List<Cell[]> rows, Cell[] all) {
        this.groups = List.copyOf(groups);
        this.periods = List.copyOf(periods);
        this.rows = List.copyOf(rows);
        this.all = all;
    }

    /** The codes of the groups that had referrals in the range, in the order they were met. */
    List<String> groups() {
        return groups;
    }

    List<YearMonth> periods() {
        return periods;
    }

    /**
     * @param group an index of {@link #groups()}, or their number for all groups together
     * @param period an index of {@link #periods()}, or their number for the whole range
     */
    Cell cell(int group, int period) {
        return (group == groups.size() ? all : rows.get(group))[period];
    }

    /** Counts referral by referral, then adds up the totals. */
    static final class Builder {
        private final StatisticsQuery query;
        private final List<String> codes;
        private final int referrers;
        private final int periodCount;
        private final int from;
        /** A group's cells by period, the last for the whole range; by number of the group's code. */
        private final Cell[][] groupRows;
        private final int[][] firstMonthOfReferrer;
        private final Cell[] all;
        private final int[] allFirstMonthOfReferrer;
        private boolean countedAll;

        /**
         * @param codes the codes of the grouping's dimension, by number
         * @param referrers how many referrers there are, by number
         */
        Builder(StatisticsQuery query, List<String> codes, int referrers) {
            this.query = query;
            this.codes = codes;
            this.referrers = referrers;
            this.periodCount = query.periods().size();
            this.from = ReferralFacts.index(query.from());
            this.groupRows = new Cell[codes.size()][];
            this.firstMonthOfReferrer = new int[codes.size()][];
            this.all = cells();
            this.allFirstMonthOfReferrer = firstMonths();
        }

        /** A referral of a group; {@code period} is negative when it came before the range. */
        void add(int group, int period, int month, int row, ReferralFacts facts) {
            if (period >= 0) {
                if (groupRows[group] == null) {
                    groupRows[group] = cells();
                }
                groupRows[group][period].add(facts, row);
            }
            if (firstMonthOfReferrer[group] == null) {
                firstMonthOfReferrer[group] = firstMonths();
            }
            int referrer = facts.referrer(row);
            int[] first = firstMonthOfReferrer[group];
            first[referrer] = Math.min(first[referrer], month);
            allFirstMonthOfReferrer[referrer] = Math.min(allFirstMonthOfReferrer[referrer], month);
        }

        /** A referral counted once in the totals of all groups: where a referral may be in several groups. */
        void addToAll(int period, int month, int row, ReferralFacts facts) {
            countedAll = true;
            if (period >= 0) {
                all[period].add(facts, row);
            }
            int referrer = facts.referrer(row);
            allFirstMonthOfReferrer[referrer] = Math.min(allFirstMonthOfReferrer[referrer], month);
        }

        Tally build() {
            List<String> groups = new ArrayList<>();
            List<Cell[]> rows = new ArrayList<>();
            for (int code = 0; code < groupRows.length; code++) {
                if (groupRows[code] != null) {
                    groups.add(codes.get(code));
                    rows.add(groupRows[code]);
                    addUpRange(groupRows[code]);
                    connect(groupRows[code], firstMonthOfReferrer[code]);
                }
            }
            if (!countedAll) {
                for (int period = 0; period < periodCount; period++) {
                    for (Cell[] row : rows) {
                        all[period].addAll(row[period]);
                    }
                }
            }
            addUpRange(all);
            connect(all, allFirstMonthOfReferrer);
            return new Tally(groups, query.periods(), rows, all);
        }

        private void addUpRange(Cell[] cells) {
            for (int period = 0; period < periodCount; period++) {
                cells[periodCount].addAll(cells[period]);
            }
        }

        /** Referrers connected by the end of each period: those whose first referral came no later. */
        private void connect(Cell[] cells, int[] firstMonths) {
            int months = query.grain().months();
            for (int period = 0; period <= periodCount; period++) {
                int end = period < periodCount ? from + (period + 1) * months - 1 : ReferralFacts.index(query.to());
                int connected = 0;
                for (int first : firstMonths) {
                    if (first <= end) {
                        connected++;
                    }
                }
                cells[period].connectedReferrers(connected);
            }
        }

        private Cell[] cells() {
            Cell[] cells = new Cell[periodCount + 1];
            for (int period = 0; period < cells.length; period++) {
                cells[period] = new Cell();
            }
            return cells;
        }

        private int[] firstMonths() {
            int[] months = new int[referrers];
            Arrays.fill(months, Integer.MAX_VALUE);
            return months;
        }
    }

    /** No group: nothing matched the filters. */
    static Tally empty(StatisticsQuery query) {
        return new Builder(query, List.of(), 0).build();
    }
}
