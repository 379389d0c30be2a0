package be.bruzel.referralservice.statistics;

import java.util.BitSet;

/**
 * The referrals of one group in one period, counted as they are scanned. Every part adds up
 * (counts, histograms, sets of actors), so totals are made by adding cells, not by scanning again.
 */
final class Cell {

    private final long[] counts = new long[Figure.COUNTS.size()];
    private final DurationHistogram toAcceptance = new DurationHistogram();
    private final DurationHistogram toFirstContact = new DurationHistogram();
    private final BitSet referrers = new BitSet();
    private final BitSet organisations = new BitSet();
    private long referrerScores;
    private int referrerRatings;
    private long organisationScores;
    private int organisationRatings;
    private int connectedReferrers;
    private int connectedOrganisations;

    void add(ReferralFacts facts, int row) {
        count(Figure.SUBMITTED, 1);
        ReferralFact.State state = facts.state(row);
        count(switch (state) {
            case WAITING -> Figure.WAITING;
            case IN_PROGRESS -> Figure.IN_PROGRESS;
            case COMPLETED -> Figure.COMPLETED;
            case DECLINED -> Figure.DECLINED;
            case CANCELLED -> Figure.CANCELLED;
        }, 1);
        if (state == ReferralFact.State.COMPLETED) {
            Figure outcome = facts.outcome(row);
            if (outcome != null) {
                count(outcome, 1);
                count(Figure.SUCCESSFUL, outcome == Figure.SOLVED || outcome == Figure.PARTLY_SOLVED ? 1 : 0);
            }
        }
        int acceptance = facts.minutesToAcceptance(row);
        if (acceptance >= 0) {
            count(Figure.ACCEPTED, 1);
            toAcceptance.add(acceptance);
        }
        int firstContact = facts.minutesToFirstContact(row);
        if (firstContact >= 0) {
            count(Figure.PERSON_REACHED, 1);
            toFirstContact.add(firstContact);
        }
        count(Figure.UNMET_NEEDS, facts.unmetNeed(row) ? 1 : 0);
        count(Figure.OVERDUE, facts.overdue(row) ? 1 : 0);
        count(Figure.ESCALATED, facts.escalated(row) ? 1 : 0);
        count(Figure.CONTACT_ATTEMPTS, facts.contactAttempts(row));
        count(Figure.CONTACT_ATTEMPTS_REACHED, facts.contactAttemptsReached(row));
        int referrerScore = facts.referrerScore(row);
        if (referrerScore > 0) {
            referrerScores += referrerScore;
            referrerRatings++;
        }
        int organisationScore = facts.organisationScore(row);
        if (organisationScore > 0) {
            organisationScores += organisationScore;
            organisationRatings++;
        }
        referrers.set(facts.referrer(row));
        organisations.set(facts.organisation(row));
    }

    void addAll(Cell other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
        toAcceptance.addAll(other.toAcceptance);
        toFirstContact.addAll(other.toFirstContact);
        referrers.or(other.referrers);
        organisations.or(other.organisations);
        referrerScores += other.referrerScores;
        referrerRatings += other.referrerRatings;
        organisationScores += other.organisationScores;
        organisationRatings += other.organisationRatings;
    }

    void connectedReferrers(int byTheEnd) {
        connectedReferrers = byTheEnd;
    }

    void connectedOrganisations(int now) {
        connectedOrganisations = now;
    }

    long count(Figure figure) {
        return counts[figure.ordinal()];
    }

    /** How many referrals a figure other than a count is made of: too few, and it is not shown. */
    int basis(Figure figure) {
        return switch (figure) {
            case HOURS_TO_ACCEPTANCE_MEDIAN, HOURS_TO_ACCEPTANCE_P90 -> toAcceptance.count();
            case HOURS_TO_FIRST_CONTACT_MEDIAN, HOURS_TO_FIRST_CONTACT_P90 -> toFirstContact.count();
            case REFERRER_SATISFACTION -> referrerRatings;
            case ORGANISATION_SATISFACTION -> organisationRatings;
            default -> Integer.MAX_VALUE;
        };
    }

    /** The figure's value; empty where there is nothing to measure. */
    Number value(Figure figure) {
        return switch (figure.kind()) {
            case COUNT -> count(figure);
            case HOURS -> hours(figure);
            case SCORE -> figure == Figure.REFERRER_SATISFACTION ? average(referrerScores, referrerRatings)
                    : average(organisationScores, organisationRatings);
            case ACTORS -> switch (figure) {
                case ACTIVE_REFERRERS -> referrers.cardinality();
                case ACTIVE_ORGANISATIONS -> organisations.cardinality();
                case CONNECTED_REFERRERS -> connectedReferrers;
                default -> connectedOrganisations;
            };
        };
    }

    private Double hours(Figure figure) {
        DurationHistogram durations = switch (figure) {
            case HOURS_TO_ACCEPTANCE_MEDIAN, HOURS_TO_ACCEPTANCE_P90 -> toAcceptance;
            default -> toFirstContact;
        };
        if (durations.count() == 0) {
            return null;
        }
        boolean median = figure == Figure.HOURS_TO_ACCEPTANCE_MEDIAN || figure == Figure.HOURS_TO_FIRST_CONTACT_MEDIAN;
        return durations.hoursAt(median ? 50 : 90);
    }

    private static Double average(long sum, int ratings) {
        return ratings == 0 ? null : Math.round(10.0 * sum / ratings) / 10.0;
    }

    private void count(Figure figure, long amount) {
        counts[figure.ordinal()] += amount;
    }
}
