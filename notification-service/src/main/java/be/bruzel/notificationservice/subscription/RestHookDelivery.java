package be.bruzel.notificationservice.subscription;

import ca.uhn.fhir.context.FhirContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the notifications owed: a POST to each subscription's endpoint, claimed so that one instance sends each;
 * a 2xx delivers it, anything else is tried again with backoff, in rounds, until it is delivered. A notification
 * may so arrive twice (an answer lost after it was received): it names the Task and its event number, so reading
 * the Task again changes nothing, and the number tells the GP software it has seen it.
 */
@Component
class RestHookDelivery {

    private static final Logger log = LoggerFactory.getLogger(RestHookDelivery.class);
    private static final int BATCH = 20;

    private final RestHooks hooks;
    private final SubscriptionSettings settings;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final MeterRegistry meters;
    private final HttpClient http;

    RestHookDelivery(
            RestHooks hooks,
            SubscriptionSettings settings,
            TransactionTemplate transaction,
            Clock clock,
            MeterRegistry meters) {
        this.hooks = hooks;
        this.settings = settings;
        this.transaction = transaction;
        this.clock = clock;
        this.meters = meters;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Scheduled(fixedDelayString = "${platform.fhir.subscriptions.deliver-every:PT5S}")
    void deliverDue() {
        while (Boolean.TRUE.equals(transaction.execute(status -> deliverBatch()))) {
            // Another full batch may be due.
        }
    }

    /** @return whether the batch was full */
    private boolean deliverBatch() {
        List<RestHooks.Due> due = hooks.claimDue(clock.instant(), BATCH);
        for (RestHooks.Due notification : due) {
            String failure = post(notification);
            if (failure == null) {
                hooks.sent(notification, clock.instant());
                meters.counter("fhir.subscriptions.delivered").increment();
                Timer.builder("fhir.subscriptions.delivery")
                        .register(meters)
                        .record(Duration.between(notification.occurredAt(), clock.instant()));
            } else {
                failed(notification, failure);
            }
        }
        return due.size() == BATCH;
    }

    /** @return why it was not delivered; none when it was */
    private String post(RestHooks.Due due) {
        RestHook subscription = due.subscription();
        HttpRequest.Builder request =
                HttpRequest.newBuilder(subscription.endpoint()).timeout(settings.timeout());
        if (subscription.payload() == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            String bundle = FhirContext.forR4Cached()
                    .newJsonParser()
                    .encodeResourceToString(NotificationBundle.of(
                            subscription, due.eventNumber(), due.taskId(), due.occurredAt(), settings.baseUrl()));
            request.header("Content-Type", RestHook.FHIR_JSON).POST(HttpRequest.BodyPublishers.ofString(bundle));
        }
        for (String header : subscription.headers()) {
            int colon = header.indexOf(':');
            request.header(
                    header.substring(0, colon).strip(),
                    header.substring(colon + 1).strip());
        }
        try {
            int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            return status >= 200 && status < 300 ? null : "The endpoint answered " + status;
        } catch (IOException unreachable) {
            return "The endpoint could not be reached: "
                    + unreachable.getClass().getSimpleName();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return "Interrupted";
        }
    }

    private void failed(RestHooks.Due due, String failure) {
        int attempts = due.attempts() + 1;
        Instant next = clock.instant().plus(settings.retries().waitAfter(attempts));
        hooks.failed(due, attempts, settings.retries().roundOver(attempts), next, failure);
        Counter.builder("fhir.subscriptions.failed").register(meters).increment();
        // The endpoint's host only: its path and the headers may carry the GP software's secrets.
        log.warn(
                "Notification {} of subscription {} to {} not delivered (attempt {}), next at {}: {}",
                due.eventNumber(),
                due.subscription().id(),
                due.subscription().endpoint().getHost(),
                attempts,
                next,
                failure);
    }
}
