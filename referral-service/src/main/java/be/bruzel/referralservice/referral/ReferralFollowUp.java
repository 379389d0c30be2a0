package be.bruzel.referralservice.referral;

import be.bruzel.referralservice.calendar.WorkingDays;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Nothing falls through: a referral its receiver has not answered within the reminder delay gets
 * a reminder; after the escalation delay the care zone's helpdesk is asked to step in and the
 * referrer is told. Delays are in Belgian working days.
 */
@Service
public class ReferralFollowUp {

    private static final Logger log = LoggerFactory.getLogger(ReferralFollowUp.class);

    /** What one run did. */
    public record Run(int reminded, int escalated) {}

    private final Referrals referrals;
    private final Transitions transitions;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int reminderAfter;
    private final int escalateAfter;

    ReferralFollowUp(
            Referrals referrals,
            Transitions transitions,
            TransactionTemplate transactions,
            Clock clock,
            @Value("${platform.referrals.follow-up.reminder-after-working-days:2}") int reminderAfter,
            @Value("${platform.referrals.follow-up.escalate-after-working-days:5}") int escalateAfter) {
        this.referrals = referrals;
        this.transitions = transitions;
        this.transactions = transactions;
        this.clock = clock;
        this.reminderAfter = reminderAfter;
        this.escalateAfter = escalateAfter;
    }

    /** Each referral in its own transaction: one that its receiver answers meanwhile is left alone. */
    public Run run() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ReferralSubmission.BRUSSELS);
        int reminded = 0;
        int escalated = 0;
        // Working days are never more than calendar days: this bound only narrows the query.
        for (Referral referral : referrals.waitingSince(now.minus(Duration.ofDays(reminderAfter)))) {
            int waited = WorkingDays.between(
                    LocalDate.ofInstant(referral.times().waitingSince(), ReferralSubmission.BRUSSELS), today);
            try {
                if (waited >= escalateAfter) {
                    transactions.executeWithoutResult(status -> escalate(referral, waited, now));
                    escalated++;
                } else if (waited >= reminderAfter && referral.times().remindedAt() == null) {
                    transactions.executeWithoutResult(status -> remind(referral, waited, now));
                    reminded++;
                }
            } catch (ConcurrencyFailureException answeredMeanwhile) {
                log.info("Referral {} changed during follow-up; next run looks again", referral.id());
            }
        }
        return new Run(reminded, escalated);
    }

    private void remind(Referral referral, int waited, Instant now) {
        transitions.save(
                referral, referral.remind(waited, now), Optional.empty(), Transitions.Actor.PLATFORM, null, now);
    }

    private void escalate(Referral referral, int waited, Instant now) {
        transitions.save(
                referral, referral.escalate(waited, now), Optional.empty(), Transitions.Actor.PLATFORM, null, now);
    }
}
