package be.bruzel.referralservice.followup;

import be.bruzel.referralservice.referral.ReferralFollowUp;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the follow-up now and then; with several instances only one runs it at a time (ShedLock). */
@Component
class FollowUpSchedule {

    private static final Logger log = LoggerFactory.getLogger(FollowUpSchedule.class);

    private final ReferralFollowUp followUp;

    FollowUpSchedule(ReferralFollowUp followUp) {
        this.followUp = followUp;
    }

    @Scheduled(
            fixedDelayString = "${platform.referrals.follow-up.every:PT5M}",
            initialDelayString = "${platform.referrals.follow-up.first-after:PT1M}")
    @SchedulerLock(name = "referral-follow-up", lockAtMostFor = "PT10M", lockAtLeastFor = "PT10S")
    void run() {
        ReferralFollowUp.Run run = followUp.run();
        if (run.reminded() + run.escalated() > 0) {
            log.info("Follow-up: {} reminded, {} escalated", run.reminded(), run.escalated());
        }
    }
}
