package be.bruzel.notificationservice.email;

import be.bruzel.notificationservice.delivery.Retries;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param from the sender address of every mail
 * @param webUrl where the platform's web application is: mails link there, never carry the details
 * @param maxAttempts attempts with growing backoff before a mail is marked failed (and retried later still)
 * @param retryFailedAfter how long a failed mail waits before the next round of attempts
 * @param burstWindow how long a mail waits for others on the same referral to the same address, so that a burst
 *        of messages (a conversation going back and forth) arrives as one mail; zero sends each at once, alone
 */
@ConfigurationProperties("platform.notifications.email")
record EmailSettings(String from, URI webUrl, int maxAttempts, Duration retryFailedAfter, Duration burstWindow) {

    EmailSettings {
        from = from == null ? "noreply@bruzel.example" : from;
        webUrl = webUrl == null ? URI.create("http://localhost:8080") : webUrl;
        maxAttempts = maxAttempts <= 0 ? 5 : maxAttempts;
        retryFailedAfter = retryFailedAfter == null ? Duration.ofMinutes(10) : retryFailedAfter;
        burstWindow = burstWindow == null ? Duration.ofMinutes(2) : burstWindow;
    }

    Retries retries() {
        return new Retries(maxAttempts, retryFailedAfter);
    }
}
