package be.bruzel.referralservice.referral;

import java.time.Instant;
import java.time.Period;

/** Retention periods are in days, months or years, counted on the Brussels calendar. */
public final class Periods {

    private Periods() {}

    public static Instant before(Instant moment, Period period) {
        return moment.atZone(ReferralSubmission.BRUSSELS).minus(period).toInstant();
    }

    public static Instant after(Instant moment, Period period) {
        return moment.atZone(ReferralSubmission.BRUSSELS).plus(period).toInstant();
    }
}
