package be.bruzel.statisticsservice.statistics;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.BitSet;
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

    /** The codes of the groups that had referrals in the range, in the order of their codes' numbers. */
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

    /** No group: nothing matched the filters. */
    static Tally empty(StatisticsQuery query) {
        return new Builder(query, List.of(), new int[0]).build();
    }

    /** Counts referral by referral, then adds up the totals. */
    static final class Builder {
        private final StatisticsQuery query;
        private final List<String> codes;
        private final int[] signatureTable;
        private final int periodCount;
        /** A group's cells by period, the last for the whole range; by number of the group's code. */
        private final Cell[][] groupRows;
        /** Referrers of a group who referred before the range: connected from its start. */
        private final BitSet[] referrersBefore;

        private final Cell[] all;
        private final BitSet allReferrersBefore = new BitSet();
        private boolean countedAll;

        /**
         * @param codes the codes of the grouping's dimension, by number
         * @param signatureTable the signatures of referrals, by number
         */
        Builder(StatisticsQuery query, List<String> codes, int[] signatureTable) {
            this.query = query;
            this.codes = codes;
            this.signatureTable = signatureTable;
            this.periodCount = query.periods().size();
            this.groupRows = new Cell[codes.size()][];
            this.referrersBefore = new BitSet[codes.size()];
            this.all = cells();
        }

        /**
         * The counts of one month, in a period or (negative) before the range.
         *
         * @param groups a cell by number of the group's code; none where the month had none of the group
         * @param all the month's referrals counted once each, where they may be in several groups; none otherwise
         */
        void add(int period, Cell[] groups, Cell all) {
            for (int group = 0; group < groups.length; group++) {
                Cell cell = groups[group];
                if (cell == null) {
                    continue;
                }
                if (period >= 0) {
                    if (groupRows[group] == null) {
                        groupRows[group] = cells();
                    }
                    groupRows[group][period].addAll(cell);
                } else {
                    if (referrersBefore[group] == null) {
                        referrersBefore[group] = new BitSet();
                    }
                    referrersBefore[group].or(cell.referrers());
                    allReferrersBefore.or(cell.referrers());
                }
            }
            if (all != null) {
                countedAll = true;
                if (period >= 0) {
                    this.all[period].addAll(all);
                } else {
                    allReferrersBefore.or(all.referrers());
                }
            }
        }

        Tally build() {
            List<String> groups = new ArrayList<>();
            List<Cell[]> rows = new ArrayList<>();
            for (int code = 0; code < groupRows.length; code++) {
                if (groupRows[code] != null) {
                    groups.add(codes.get(code));
                    rows.add(groupRows[code]);
                    addUpRange(groupRows[code]);
                    connect(groupRows[code], referrersBefore[code]);
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
            connect(all, allReferrersBefore);
            return new Tally(groups, query.periods(), rows, all);
        }

        private void addUpRange(Cell[] cells) {
            for (int period = 0; period < periodCount; period++) {
                cells[periodCount].addAll(cells[period]);
            }
        }

        /** Referrers connected by the end of each period: those who referred before it ended. */
        private void connect(Cell[] cells, BitSet before) {
            BitSet connected = before == null ? new BitSet() : (BitSet) before.clone();
            for (int period = 0; period < periodCount; period++) {
                connected.or(cells[period].referrers());
                cells[period].connectedReferrers(connected.cardinality());
            }
            cells[periodCount].connectedReferrers(connected.cardinality());
        }

        private Cell[] cells() {
            Cell[] cells = new Cell[periodCount + 1];
            for (int period = 0; period < cells.length; period++) {
                cells[period] = new Cell(signatureTable);
            }
            return cells;
        }
    }
}
