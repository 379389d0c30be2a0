package be.bruzel.referralservice.personvoice;

import be.bruzel.referralservice.referral.Referral;
import be.bruzel.referralservice.referral.ReferralActions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Asks the persons who agreed to be asked, now and then: first a question for each referral that became due (its
 * link's id and end fixed), then the messages, a few at a time, each locked while it goes out. A message that fails is
 * tried again later, waiting twice as long each time, up to {@code max-attempts}; a person nothing reaches is not
 * asked. Each message that goes out is a step on the referral's timeline.
 */
@Component
class PersonSurveySending {

    private static final Logger log = LoggerFactory.getLogger(PersonSurveySending.class);
    private static final int BATCH = 20;

    /** What one run did. */
    record Run(int asked, int sent, int failed, int unreachable) {}

    private final PersonSurveys surveys;
    private final ReferralActions referrals;
    private final PersonMessages messages;
    private final PersonVoiceSettings settings;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final MeterRegistry meters;

    PersonSurveySending(
            PersonSurveys surveys,
            ReferralActions referrals,
            PersonMessages messages,
            PersonVoiceSettings settings,
            TransactionTemplate transaction,
            Clock clock,
            MeterRegistry meters) {
        this.surveys = surveys;
        this.referrals = referrals;
        this.messages = messages;
        this.settings = settings;
        this.transaction = transaction;
        this.clock = clock;
        this.meters = meters;
    }

    @Scheduled(
            fixedDelayString = "${platform.person-voice.every:PT5M}",
            initialDelayString = "${platform.person-voice.first-after:PT1M}")
    @SchedulerLock(name = "person-voice", lockAtMostFor = "PT10M", lockAtLeastFor = "PT10S")
    void scheduled() {
        Run run = run();
        if (run.asked() + run.sent() + run.failed() + run.unreachable() > 0) {
            log.info(
                    "Persons asked: {} new, {} sent, {} failed (tried again later), {} unreachable",
                    run.asked(),
                    run.sent(),
                    run.failed(),
                    run.unreachable());
        }
    }

    Run run() {
        Instant now = clock.instant();
        int asked = 0;
        for (int added = BATCH; added == BATCH; asked += added) {
            added = transaction.execute(status -> prepare(now));
        }
        int[] outcomes = new int[3];
        for (int claimed = BATCH; claimed == BATCH; ) {
            claimed = transaction.execute(status -> send(now, outcomes));
        }
        return new Run(asked, outcomes[0], outcomes[1], outcomes[2]);
    }

    private int prepare(Instant now) {
        List<PersonSurveys.Due> due = surveys.dueToAsk(now.minus(settings.askAfterAccepted()), BATCH);
        for (PersonSurveys.Due referral : due) {
            surveys.add(new PersonSurvey(
                    referral.referralId(),
                    UUID.randomUUID(),
                    referral.organisationId(),
                    referral.serviceId(),
                    null,
                    now,
                    now.plus(settings.linkValidFor()),
                    null,
                    0,
                    null));
        }
        return due.size();
    }

    /** One batch of messages; {@code outcomes}: sent, failed, unreachable so far. */
    private int send(Instant now, int[] outcomes) {
        List<PersonSurvey> claimed = surveys.claimToSend(now, BATCH);
        for (PersonSurvey survey : claimed) {
            Optional<Referral> referral = referrals.readToAskThePerson(survey.referralId());
            PersonMessages.Channel channel =
                    referral.map(found -> messages.channelFor(found.person())).orElse(PersonMessages.Channel.NONE);
            if (channel == PersonMessages.Channel.NONE) {
                surveys.unreachable(survey.referralId(), now);
                count("unreachable");
                outcomes[2]++;
                continue;
            }
            try {
                messages.ask(referral.get(), survey, channel);
                surveys.sent(survey.referralId(), channel.name(), clock.instant());
                referrals.personAsked(survey.referralId(), channel.name());
                count("sent");
                outcomes[0]++;
            } catch (PersonMessages.NotSent failed) {
                int attempt = survey.attempts() + 1;
                Instant next = attempt >= settings.maxAttempts()
                        ? null
                        : now.plus(settings.retryAfter().multipliedBy(1L << Math.min(attempt - 1, 16)));
                surveys.failed(survey.referralId(), failed.getMessage(), now, next);
                log.warn(
                        "Asking the person of referral {} failed ({}), attempt {}{}",
                        survey.referralId(),
                        failed.getMessage(),
                        attempt,
                        next == null ? "; given up" : "");
                count("failed");
                outcomes[1]++;
            }
        }
        return claimed.size();
    }

    private void count(String outcome) {
        Counter.builder("referrals.person_survey.messages")
                .description("Messages asking persons how their referral went, by outcome")
                .tag("outcome", outcome)
                .register(meters)
                .increment();
    }
}
