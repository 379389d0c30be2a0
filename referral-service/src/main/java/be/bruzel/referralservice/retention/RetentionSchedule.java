package be.bruzel.referralservice.retention;

import be.bruzel.referralservice.privacy.PersonDataAccessLog;
import be.bruzel.referralservice.referral.Periods;
import be.bruzel.referralservice.referral.ReferralRetention;
import java.time.Clock;
import java.time.Duration;
import java.time.Period;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the retention now and then; with several instances only one runs it at a time (ShedLock). Every part is
 * idempotent: a second run finds nothing more to do.
 */
@Component
public class RetentionSchedule {

    private static final Logger log = LoggerFactory.getLogger(RetentionSchedule.class);
    private final ReferralRetention retention;
    private final PersonDataAccessLog accessLog;
    private final CompletedEventPublications outbox;
    private final Clock clock;
    private final Period accessLogKept;
    private final Duration outboxKept;

    RetentionSchedule(
            ReferralRetention retention,
            PersonDataAccessLog accessLog,
            CompletedEventPublications outbox,
            Clock clock,
            @Value("${platform.referrals.retention.access-log:P5Y}") Period accessLogKept,
            @Value("${platform.outbox.completed-kept:P7D}") Duration outboxKept) {
        this.retention = retention;
        this.accessLog = accessLog;
        this.outbox = outbox;
        this.clock = clock;
        this.accessLogKept = accessLogKept;
        this.outboxKept = outboxKept;
    }

    @Scheduled(
            fixedDelayString = "${platform.referrals.retention.every:PT1H}",
            initialDelayString = "${platform.referrals.retention.first-after:PT2M}")
    @SchedulerLock(name = "referral-retention", lockAtMostFor = "PT2H", lockAtLeastFor = "PT10S")
    public void run() {
        ReferralRetention.Run run = retention.run();
        int forgotten = accessLog.forgetBefore(Periods.before(clock.instant(), accessLogKept));
        // Events carry codes only, but a sent event is no longer needed once the outbox has done its work.
        outbox.deletePublicationsOlderThan(outboxKept);
        if (run.expired() + run.erased() + forgotten > 0) {
            log.info(
                    "Retention: {} expired, {} erased, {} access log entries forgotten",
                    run.expired(),
                    run.erased(),
                    forgotten);
        }
    }
}
