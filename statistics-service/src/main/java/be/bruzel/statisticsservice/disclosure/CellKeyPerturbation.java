package be.bruzel.statisticsservice.disclosure;

/**
 * The cell key method of national statistics offices (the Australian Bureau of Statistics' TableBuilder,
 * Eurostat's census tables): every published count gets a little noise that follows from the referrals
 * it counts, not from chance. Each referral has a fixed record key; a count's cell key is the sum of
 * its referrals' keys, so the same referrals give the same noise whichever question counts them, and
 * asking again reveals nothing more. Two overlapping questions, though, count different referrals and get
 * different noise: subtracting one published count from another no longer gives the count of the few
 * referrals in between. Zero stays zero, and no perturbed count falls below the suppression threshold.
 *
 * @param maxNoise the most a count moves, either way; 0 publishes the counts as they are
 * @param threshold the smallest count published (smaller ones are suppressed before this)
 */
public record CellKeyPerturbation(int maxNoise, int threshold) {

    public CellKeyPerturbation {
        if (maxNoise < 0 || maxNoise > 5) {
            throw new IllegalArgumentException("the noise of a count is between 0 and 5, not " + maxNoise);
        }
    }

    public long published(long count, int cellKey) {
        if (count == 0 || maxNoise == 0) {
            return count;
        }
        return Math.max(threshold, count + noise(count, cellKey));
    }

    /**
     * From -maxNoise to +maxNoise by the cell key, the smaller moves likelier: a move of d has the weight
     * maxNoise + 1 - |d| (a triangle). The count takes part, so cells whose keys happen to be equal need
     * not move alike.
     */
    int noise(long count, int cellKey) {
        // Mixed, not added: cells one referral apart must not land a fixed step apart in the table.
        long mixed = (cellKey * 0x9E3779B97F4A7C15L) ^ (count * 0xC2B2AE3D27D4EB4FL);
        mixed ^= mixed >>> 29;
        mixed *= 0xBF58476D1CE4E5B9L;
        mixed ^= mixed >>> 32;
        int position = (int) (mixed & 0xff);
        long total = (long) (maxNoise + 1) * (maxNoise + 1);
        long point = position * total / 256;
        long below = 0;
        for (int move = -maxNoise; move < maxNoise; move++) {
            below += maxNoise + 1 - Math.abs(move);
            if (point < below) {
                return move;
            }
        }
        return maxNoise;
    }
}
