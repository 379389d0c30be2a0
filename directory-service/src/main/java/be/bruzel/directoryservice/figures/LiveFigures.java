package be.bruzel.directoryservice.figures;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How a service answered the referrals it was offered over the last {@value ServiceReferrals#WINDOW_DAYS} days.
 * Fewer than {@value #FEWEST} referrals say too little and could point at one person: then nothing but
 * {@code shown: false}; likewise the median needs {@value #FEWEST} acceptances.
 *
 * @param referrals offered to it in the window
 * @param acceptanceRate accepted of those it answered (accepted or declined), 0 to 1, two decimals
 * @param medianHoursToAcceptance from being offered one to accepting it, one decimal
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LiveFigures(boolean shown, Integer referrals, Double acceptanceRate, Double medianHoursToAcceptance) {

    static final int FEWEST = 5;

    static final LiveFigures HIDDEN = new LiveFigures(false, null, null, null);

    static LiveFigures of(int referrals, int accepted, int declined, Double medianHours) {
        if (referrals < FEWEST) {
            return HIDDEN;
        }
        Double rate = accepted + declined == 0 ? null : Math.round(100.0 * accepted / (accepted + declined)) / 100.0;
        Double median = accepted < FEWEST || medianHours == null ? null : Math.round(medianHours * 10) / 10.0;
        return new LiveFigures(true, referrals, rate, median);
    }
}
