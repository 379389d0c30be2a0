package be.bruzel.referralservice.logged;

import be.bruzel.platform.directorycopy.Residence;
import be.bruzel.platform.support.security.Caller;
import be.bruzel.referralservice.routing.ReferralRouting;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Logs a referral made outside the platform and, in the same transaction, the event that counts it. */
@Service
class ReferralLog {

    private final LoggedReferrals logged;
    private final ReferralRouting routing;
    private final ApplicationEventPublisher events;
    private final Counter counter;
    private final Clock clock;

    ReferralLog(
            LoggedReferrals logged,
            ReferralRouting routing,
            ApplicationEventPublisher events,
            MeterRegistry meters,
            Clock clock) {
        this.logged = logged;
        this.routing = routing;
        this.events = events;
        this.counter = Counter.builder("referrals.logged")
                .description("Referrals made outside the platform that their referrers logged")
                .register(meters);
        this.clock = clock;
    }

    @Transactional
    LoggedReferral log(Caller caller, LogReferral request) {
        Instant now = clock.instant();
        LoggedReferral.requireLoggable(request.madeOn(), now);
        routing.requireActive(request.themes());
        Residence residence = routing.residence(request.postcode(), request.municipality(), request.madeOn(), "");
        if (request.organisationId() != null) {
            routing.requireKnownOrganisation(request.organisationId(), "organisationId");
        }
        LoggedReferral.Logged done = LoggedReferral.log(
                caller.userId(),
                caller.profession().orElse(null),
                request.madeOn(),
                request.channel(),
                request.themes(),
                new LoggedReferral.Place(
                        request.postcode(), residence.municipalityNis(), residence.areaId(), residence.careZoneCode()),
                request.organisationId(),
                now);
        logged.add(done.referral());
        events.publishEvent(done.event());
        counter.increment();
        return done.referral();
    }
}
