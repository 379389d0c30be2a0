package be.bruzel.statisticsservice.statistics;

import java.util.ArrayList;
import java.util.List;

/**
 * What of a tally may be shown without singling out a person. A count of referrals from 1 up to
 * the threshold is suppressed (primary); then, wherever parts add up to a total that is shown,
 * a single suppressed cell could be worked out by subtraction, so one more cell of that sum is
 * suppressed, the smallest, until no sum has exactly one unknown (complementary suppression).
 * The sums are the periods of each group and their total, the groups of each period and theirs
 * (when each referral is in one group only), and within each cell the states of the submitted
 * referrals, the outcomes of the completed ones and the two outcomes that make the successful.
 * Durations and scores are hidden when fewer referrals than the threshold make them, and so are
 * counts of referrers from 1 to the threshold: a referrer is a person too. Groups are treated as
 * adding up even where a referral is in several (themes): protecting more than needed, never less.
 * What is shown is then perturbed ({@link CellKeyPerturbation}), against differencing.
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
            List.of(Figure.SUCCESSFUL, Figure.SOLVED, Figure.PARTLY_SOLVED));

    private final Tally tally;
    private final int threshold;
    private final int groups;
    private final int periods;
    /** By group, period and count figure; the last group and period are the totals. */
    private final boolean[][][] suppressed;

    /** A sum: its first place is the total, the others its parts. */
    private record Place(int group, int period, Figure figure) {}

    /** @param threshold counts from 1 to one below it are suppressed */
    Disclosure(Tally tally, int threshold) {
        this.tally = tally;
        this.threshold = threshold;
        this.groups = tally.groups().size();
        this.periods = tally.periods().size();
        this.suppressed = new boolean[groups + 1][periods + 1][Figure.COUNTS.size()];
        for (int group = 0; group <= groups; group++) {
            for (int period = 0; period <= periods; period++) {
                for (Figure figure : Figure.COUNTS) {
                    long count = tally.cell(group, period).count(figure);
                    suppressed[group][period][figure.ordinal()] = count > 0 && count < threshold;
                }
            }
        }
        List<List<Place>> sums = sums();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (List<Place> sum : sums) {
                changed |= protect(sum);
            }
        }
    }

    boolean hides(int group, int period, Figure figure) {
        return switch (figure.kind()) {
            case COUNT -> suppressed[group][period][figure.ordinal()];
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

    private List<List<Place>> sums() {
        List<List<Place>> sums = new ArrayList<>();
        for (Figure figure : Figure.COUNTS) {
            for (int group = 0; group <= groups; group++) {
                List<Place> sum = new ArrayList<>(List.of(new Place(group, periods, figure)));
                for (int period = 0; period < periods; period++) {
                    sum.add(new Place(group, period, figure));
                }
                sums.add(sum);
            }
            for (int period = 0; period <= periods; period++) {
                List<Place> sum = new ArrayList<>(List.of(new Place(groups, period, figure)));
                for (int group = 0; group < groups; group++) {
                    sum.add(new Place(group, period, figure));
                }
                sums.add(sum);
            }
        }
        for (int group = 0; group <= groups; group++) {
            for (int period = 0; period <= periods; period++) {
                for (List<Figure> figures : SUMS_IN_A_CELL) {
                    int inGroup = group;
                    int inPeriod = period;
                    sums.add(figures.stream()
                            .map(figure -> new Place(inGroup, inPeriod, figure))
                            .toList());
                }
            }
        }
        return sums;
    }

    /** Suppresses one more place of a sum that has exactly one unknown; true if it did. */
    private boolean protect(List<Place> sum) {
        int unknown = 0;
        for (Place place : sum) {
            if (isSuppressed(place)) {
                unknown++;
            }
        }
        if (unknown != 1) {
            return false;
        }
        Place smallest = null;
        for (Place part : sum.subList(1, sum.size())) {
            if (!isSuppressed(part) && count(part) > 0 && (smallest == null || count(part) < count(smallest))) {
                smallest = part;
            }
        }
        Place next = smallest != null ? smallest : sum.getFirst();
        if (isSuppressed(next)) {
            return false;
        }
        suppressed[next.group()][next.period()][next.figure().ordinal()] = true;
        return true;
    }

    private boolean isSuppressed(Place place) {
        return suppressed[place.group()][place.period()][place.figure().ordinal()];
    }

    private long count(Place place) {
        return tally.cell(place.group(), place.period()).count(place.figure());
    }
}
