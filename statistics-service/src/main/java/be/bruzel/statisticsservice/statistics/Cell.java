package be.bruzel.statisticsservice.statistics;

import java.util.BitSet;

/**
 * The referrals of one group in one period, counted as they are scanned. What a referral adds to
 * the counts depends only on its {@linkplain ReferralFacts#signatureNumber signature}, so a cell counts
 * signatures, one increment a referral, and turns them into figures when asked. Every part adds up
 * (signatures, histograms, sets of actors), so totals are made by adding cells, not by scanning again.
 */
final class Cell {

    /** Referrals by the number of their signature in {@link #signatureTable}. */
    private final int[] signatures;
    /** The sum of the record keys of the referrals of each signature: the cell keys are made of these. */
    private final int[] signatureKeys;

    private final int[] signatureTable;
    private final DurationHistogram toAcceptance = new DurationHistogram();
    private final DurationHistogram toFirstContact = new DurationHistogram();
    private final BitSet referrers = new BitSet();
    private final BitSet organisations = new BitSet();
    private long contactAttempts;
    private long contactAttemptsReached;
    private long contactAttemptKeys;
    private long contactAttemptReachedKeys;
    private long referrerScores;
    private int referrerRatings;
    private long organisationScores;
    private int organisationRatings;
    private long personScores;
    private int personRatings;
    private int connectedReferrers;
    private int connectedOrganisations;
    private volatile long[] counts;
    private volatile int[] keys;

    /** @param signatureTable the signatures that occur, by their number in this scan */
    Cell(int[] signatureTable) {
        this.signatureTable = signatureTable;
        this.signatures = new int[signatureTable.length];
        this.signatureKeys = new int[signatureTable.length];
    }

    void add(ReferralFacts facts, int row) {
        int signature = facts.signatureNumber(row);
        int recordKey = facts.recordKey(row);
        signatures[signature]++;
        signatureKeys[signature] += recordKey;
        contactAttemptKeys += (long) recordKey * facts.contactAttempts(row);
        contactAttemptReachedKeys += (long) recordKey * facts.contactAttemptsReached(row);
        toAcceptance.add(facts.hoursToAcceptanceBin(row), facts.minutesToAcceptance(row));
        toFirstContact.add(facts.hoursToFirstContactBin(row), facts.minutesToFirstContact(row));
        contactAttempts += facts.contactAttempts(row);
        contactAttemptsReached += facts.contactAttemptsReached(row);
        // Scores of 0 are none: added without a branch, counted by a comparison.
        int referrerScore = facts.referrerScore(row);
        referrerScores += referrerScore;
        referrerRatings += referrerScore > 0 ? 1 : 0;
        int organisationScore = facts.organisationScore(row);
        organisationScores += organisationScore;
        organisationRatings += organisationScore > 0 ? 1 : 0;
        int personScore = facts.personScore(row);
        personScores += personScore;
        personRatings += personScore > 0 ? 1 : 0;
        referrers.set(facts.referrer(row));
        organisations.set(facts.organisation(row));
    }

    /** Adds a cell of this scan, or of an earlier one: signatures keep their numbers, new ones come after. */
    void addAll(Cell other) {
        for (int i = 0; i < other.signatures.length; i++) {
            signatures[i] += other.signatures[i];
            signatureKeys[i] += other.signatureKeys[i];
        }
        contactAttemptKeys += other.contactAttemptKeys;
        contactAttemptReachedKeys += other.contactAttemptReachedKeys;
        toAcceptance.addAll(other.toAcceptance);
        toFirstContact.addAll(other.toFirstContact);
        referrers.or(other.referrers);
        organisations.or(other.organisations);
        contactAttempts += other.contactAttempts;
        contactAttemptsReached += other.contactAttemptsReached;
        referrerScores += other.referrerScores;
        referrerRatings += other.referrerRatings;
        organisationScores += other.organisationScores;
        organisationRatings += other.organisationRatings;
        personScores += other.personScores;
        personRatings += other.personRatings;
    }

    /** The referrers with a referral in this cell. */
    BitSet referrers() {
        return referrers;
    }

    void connectedReferrers(int byTheEnd) {
        connectedReferrers = byTheEnd;
    }

    void connectedOrganisations(int now) {
        connectedOrganisations = now;
    }

    long count(Figure figure) {
        long[] known = counts;
        if (known == null) {
            // Made whole before it is shared: a cell may be read by two requests at once.
            known = new long[Figure.COUNTS.size()];
            for (int number = 0; number < signatures.length; number++) {
                if (signatures[number] > 0) {
                    for (Figure counted : Figure.countedBy(signatureTable[number])) {
                        known[counted.ordinal()] += signatures[number];
                    }
                }
            }
            known[Figure.CONTACT_ATTEMPTS.ordinal()] = contactAttempts;
            known[Figure.CONTACT_ATTEMPTS_REACHED.ordinal()] = contactAttemptsReached;
            counts = known;
        }
        return known[figure.ordinal()];
    }

    /**
     * The cell key of a count, 0 to 255: the sum of the record keys of what it counts. The same
     * referrals make the same key, whichever question counted them, and so the same perturbation.
     */
    int cellKey(Figure figure) {
        int[] known = keys;
        if (known == null) {
            known = new int[Figure.values().length];
            for (int number = 0; number < signatures.length; number++) {
                if (signatures[number] > 0) {
                    for (Figure counted : Figure.countedBy(signatureTable[number])) {
                        known[counted.ordinal()] += signatureKeys[number];
                    }
                }
            }
            known[Figure.CONTACT_ATTEMPTS.ordinal()] = (int) contactAttemptKeys;
            known[Figure.CONTACT_ATTEMPTS_REACHED.ordinal()] = (int) contactAttemptReachedKeys;
            // Referrers are keyed by their numbers here: the same referrers, the same key.
            int referrerKeys = 0;
            for (int referrer = referrers.nextSetBit(0); referrer >= 0; referrer = referrers.nextSetBit(referrer + 1)) {
                referrerKeys += (referrer * 0x9E3779B9) >>> 24;
            }
            known[Figure.ACTIVE_REFERRERS.ordinal()] = referrerKeys;
            keys = known;
        }
        return known[figure.ordinal()] & 0xff;
    }

    /** How many referrals a figure other than a count is made of: too few, and it is not shown. */
    int basis(Figure figure) {
        return switch (figure) {
            case HOURS_TO_ACCEPTANCE_MEDIAN, HOURS_TO_ACCEPTANCE_P90 -> toAcceptance.count();
            case HOURS_TO_FIRST_CONTACT_MEDIAN, HOURS_TO_FIRST_CONTACT_P90 -> toFirstContact.count();
            case REFERRER_SATISFACTION -> referrerRatings;
            case ORGANISATION_SATISFACTION -> organisationRatings;
            case PERSON_SATISFACTION -> personRatings;
            default -> Integer.MAX_VALUE;
        };
    }

    /** The figure's value; empty where there is nothing to measure. */
    Number value(Figure figure) {
        return switch (figure.kind()) {
            case COUNT -> count(figure);
            case HOURS -> hours(figure);
            case SCORE ->
                switch (figure) {
                    case REFERRER_SATISFACTION -> average(referrerScores, referrerRatings);
                    case ORGANISATION_SATISFACTION -> average(organisationScores, organisationRatings);
                    default -> average(personScores, personRatings);
                };
            case ACTORS ->
                switch (figure) {
                    case ACTIVE_REFERRERS -> referrers.cardinality();
                    case ACTIVE_ORGANISATIONS -> organisations.cardinality();
                    case CONNECTED_REFERRERS -> connectedReferrers;
                    default -> connectedOrganisations;
                };
        };
    }

    private Integer hours(Figure figure) {
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
}
