package be.bruzel.statisticsservice.statistics;

import be.bruzel.statisticsservice.disclosure.ComplementarySuppression;
import java.util.ArrayList;
import java.util.List;

/**
 * What of a tally may be shown without singling out a person. A count of referrals from 1 up to
 * the threshold is suppressed (primary); then, wherever parts add up to a total that is shown,
 * a single suppressed cell could be worked out by subtraction, so one more cell of that sum is
 * suppressed, the smallest, until no sum has exactly one unknown (complementary suppression).
 * The sums are the periods of each group and their total, the groups of each period and theirs
 * (when each referral is in one group only), and within each cell the states of the submitted
 * referrals, the outcomes of the completed ones, the two outcomes that make the successful and
 * the persons' two answers to whether they were contacted, and the escalated and unmet needs by whether they
 * were accepted.
 * Durations and scores are hidden when fewer referrals than the threshold make them, and so are
 * counts of referrers from 1 to the threshold: a referrer is a person too. Groups are treated as
 * adding up even where a referral is in several (themes): protecting more than needed, never less.
 * What is shown is then perturbed ({@link be.bruzel.statisticsservice.disclosure.CellKeyPerturbation}), against differencing.
 */
final class Disclosure {

    private static final List<List<Figure>> SUMS_IN_A_CELL = List.of(
            List.of(
                    Figure.SUBMITTED,
                    Figure.WAITING,
                    Figure.IN_PROGRESS,
                    Figure.COMPLETED,
                    Figure.DECLINED,
                    Figure.CANCELLED,
                    Figure.EXPIRED),
            List.of(
                    Figure.COMPLETED,
                    Figure.SOLVED,
                    Figure.PARTLY_SOLVED,
                    Figure.REFERRED_ON,
                    Figure.PERSON_DECLINED,
                    Figure.UNREACHABLE),
            List.of(Figure.SUCCESSFUL, Figure.SOLVED, Figure.PARTLY_SOLVED),
            List.of(Figure.PERSON_ANSWERED, Figure.PERSON_SAYS_CONTACTED, Figure.PERSON_SAYS_NOT_CONTACTED),
            List.of(Figure.ESCALATED, Figure.ESCALATED_ACCEPTED, Figure.ESCALATED_NOT_ACCEPTED),
            List.of(Figure.UNMET_NEEDS, Figure.UNMET_NEEDS_ACCEPTED, Figure.UNMET_NEEDS_NOT_ACCEPTED));

    private final Tally tally;
    private final int threshold;
    private final int groups;
    private final int periods;
    /** By place: group, period and count figure; the last group and period are the totals. */
    private final ComplementarySuppression counts;

    /** @param threshold counts from 1 to one below it are suppressed */
    Disclosure(Tally tally, int threshold) {
        this.tally = tally;
        this.threshold = threshold;
        this.groups = tally.groups().size();
        this.periods = tally.periods().size();
        long[] byPlace = new long[(groups + 1) * (periods + 1) * Figure.COUNTS.size()];
        for (int group = 0; group <= groups; group++) {
            for (int period = 0; period <= periods; period++) {
                for (Figure figure : Figure.COUNTS) {
                    byPlace[place(group, period, figure)] =
                            tally.cell(group, period).count(figure);
                }
            }
        }
        this.counts = new ComplementarySuppression(byPlace, threshold, sums());
    }

    boolean hides(int group, int period, Figure figure) {
        return switch (figure.kind()) {
            case COUNT -> counts.hides(place(group, period, figure));
            case HOURS, SCORE -> {
                int basis = tally.cell(group, period).basis(figure);
                yield basis > 0 && basis < threshold;
            }
            case ACTORS -> {
                // Referrers are persons; organisations are not.
                if (figure != Figure.ACTIVE_REFERRERS && figure != Figure.CONNECTED_REFERRERS) {
                    yield false;
                }
                long referrers = tally.cell(group, period).value(figure).longValue();
                yield referrers > 0 && referrers < threshold;
            }
        };
    }

    private int place(int group, int period, Figure figure) {
        return (group * (periods + 1) + period) * Figure.COUNTS.size() + figure.ordinal();
    }

    private List<int[]> sums() {
        List<int[]> sums = new ArrayList<>();
        for (Figure figure : Figure.COUNTS) {
            sums.addAll(ComplementarySuppression.rowsAndColumns(
                    groups, periods, (group, period) -> place(group, period, figure)));
        }
        for (int group = 0; group <= groups; group++) {
            for (int period = 0; period <= periods; period++) {
                for (List<Figure> figures : SUMS_IN_A_CELL) {
                    int inGroup = group;
                    int inPeriod = period;
                    sums.add(figures.stream()
                            .mapToInt(figure -> place(inGroup, inPeriod, figure))
                            .toArray());
                }
            }
        }
        return sums;
    }
}
