package be.bruzel.referralservice.referral;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the person's data only as long as needed (GDPR art. 5(1)(e)): an open referral nobody did anything with
 * for the idle period is closed as expired; a closed referral has its person's data erased once the retention
 * period has passed since it closed. Small transactions, each of one batch: a run that stops half-way leaves
 * nothing half done, and the next run carries on where it stopped.
 */
@Service
public class ReferralRetention {

    private static final Logger log = LoggerFactory.getLogger(ReferralRetention.class);

    /** What one run did. */
    public record Run(int expired, int erased) {}

    /** What the retention would do up to a day, for an administrator to see beforehand: ids and counts only. */
    public record Preview(Instant until, long erasureCount, List<UUID> erasure, long expiryCount, List<UUID> expiry) {}

    private final Referrals referrals;
    private final ReferralErasure erasure;
    private final Transitions transitions;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Period retention;
    private final Period idle;
    private final Period idempotencyWindow;
    private final int batchSize;

    ReferralRetention(
            Referrals referrals,
            ReferralErasure erasure,
            Transitions transitions,
            TransactionTemplate transactions,
            Clock clock,
            MeterRegistry meters,
            @Value("${platform.referrals.retention.personal-data:P180D}") Period retention,
            @Value("${platform.referrals.retention.idle:P365D}") Period idle,
            @Value("${platform.referrals.retention.idempotency-window:P1D}") Period idempotencyWindow,
            @Value("${platform.referrals.retention.batch-size:500}") int batchSize) {
        this.referrals = referrals;
        this.erasure = erasure;
        this.transitions = transitions;
        this.transactions = transactions;
        this.clock = clock;
        this.retention = retention;
        this.idle = idle;
        this.idempotencyWindow = idempotencyWindow;
        this.batchSize = batchSize;
        Gauge.builder("referrals.personal_data.due", this, ReferralRetention::due)
                .description("Closed referrals past their retention period whose person's data is not erased yet")
                .register(meters);
    }

    public Run run() {
        Instant now = clock.instant();
        int expired = expireIdle(Periods.before(now, idle));
        int erased = eraseClosed(Periods.before(now, retention));
        int forgotten = referrals.forgetSubmissionsBefore(Periods.before(now, idempotencyWindow));
        if (forgotten > 0) {
            log.info("Retention: {} idempotency key(s) past their window forgotten", forgotten);
        }
        return new Run(expired, erased);
    }

    /** @param until up to which moment to look ahead */
    public Preview preview(Instant until, int limit) {
        Instant closedBefore = Periods.before(until, retention);
        Instant idleBefore = Periods.before(until, idle);
        return new Preview(
                until,
                referrals.countClosedBefore(closedBefore),
                referrals.closedBefore(closedBefore, limit),
                referrals.countIdleSince(idleBefore),
                referrals.idleSince(idleBefore, limit));
    }

    private long due() {
        return referrals.countClosedBefore(Periods.before(clock.instant(), retention));
    }

    /** One referral a transaction: one that someone acts on meanwhile is left alone for this run. */
    private int expireIdle(Instant idleBefore) {
        int expired = 0;
        Set<UUID> tried = new HashSet<>();
        while (true) {
            List<UUID> batch = referrals.idleSince(idleBefore, batchSize).stream()
                    .filter(tried::add)
                    .toList();
            if (batch.isEmpty()) {
                return expired;
            }
            for (UUID id : batch) {
                try {
                    if (Boolean.TRUE.equals(transactions.execute(status -> expire(id, idleBefore)))) {
                        expired++;
                    }
                } catch (ConcurrencyFailureException actedOnMeanwhile) {
                    log.info("Referral {} changed while it expired; next run looks again", id);
                }
            }
        }
    }

    private boolean expire(UUID id, Instant idleBefore) {
        Optional<Referral> open =
                referrals.find(id).filter(referral -> !referral.status().isFinal());
        if (open.isEmpty()) {
            return false;
        }
        Instant lastActivity = referrals.lastActivity(id);
        if (!lastActivity.isBefore(idleBefore)) {
            return false;
        }
        Instant now = clock.instant();
        Referral referral = open.get();
        transitions.save(
                referral, referral.expire(lastActivity, now), Optional.empty(), Transitions.Actor.PLATFORM, null, now);
        return true;
    }

    /** A batch a transaction, oldest closed first. */
    private int eraseClosed(Instant closedBefore) {
        int erased = 0;
        while (true) {
            List<UUID> batch = referrals.closedBefore(closedBefore, batchSize);
            if (batch.isEmpty()) {
                return erased;
            }
            try {
                erased += transactions.execute(status -> erasure.afterRetention(batch));
            } catch (ConcurrencyFailureException changedMeanwhile) {
                log.info("A referral changed while its batch was erased; next run looks again");
                return erased;
            }
        }
    }
}
