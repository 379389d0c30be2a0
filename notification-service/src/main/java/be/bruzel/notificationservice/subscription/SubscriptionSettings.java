package be.bruzel.notificationservice.subscription;

import be.bruzel.notificationservice.delivery.Retries;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param baseUrl the FHIR API as GP software reaches it (through the gateway): notifications name Tasks there
 * @param allowHttp endpoints may be plain http (the demo, the tests); otherwise https only
 * @param maxPerReferrer subscriptions one referrer may have at once
 * @param maxAttempts attempts with growing backoff before a notification is marked failed (and retried later still)
 * @param retryFailedAfter how long a failed notification waits before the next round of attempts
 * @param timeout how long an endpoint may take to connect and to answer
 */
@ConfigurationProperties("platform.fhir.subscriptions")
record SubscriptionSettings(
        String baseUrl,
        boolean allowHttp,
        int maxPerReferrer,
        int maxAttempts,
        Duration retryFailedAfter,
        Duration timeout) {

    SubscriptionSettings {
        baseUrl = baseUrl == null ? "http://localhost:8080/fhir/R4" : baseUrl;
        maxPerReferrer = maxPerReferrer <= 0 ? 10 : maxPerReferrer;
        timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
    }

    Retries retries() {
        return new Retries(maxAttempts, retryFailedAfter);
    }
}
