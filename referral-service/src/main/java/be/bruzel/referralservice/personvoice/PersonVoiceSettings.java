package be.bruzel.referralservice.personvoice;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How and when the person is asked.
 *
 * @param signingKey the secret that signs the links (HMAC-SHA-256): 32 characters or more, random, kept; a new one
 *     makes the links out there unusable
 * @param webUrl where the web application is: the links point there
 * @param askAfterAccepted how long after acceptance an open referral's person is asked; a completed one's at once
 * @param linkValidFor how long a link works
 * @param maxAttempts sending attempts before the platform gives up on one message
 * @param retryAfter the wait after the first failed attempt, doubled after each next one
 * @param mailFrom the sender of the e-mails to persons
 * @param sms the SMS provider over SMPP; none: persons with only a phone number are not asked
 */
@Validated
@ConfigurationProperties("platform.person-voice")
record PersonVoiceSettings(
        @NotBlank @Size(min = 32) String signingKey,
        @NotNull URI webUrl,
        @NotNull Duration askAfterAccepted,
        @NotNull Duration linkValidFor,
        @Min(1) int maxAttempts,
        @NotNull Duration retryAfter,
        @NotBlank String mailFrom,
        @Valid Smpp sms) {

    /**
     * @param host none: no SMS provider
     * @param sender what the phone shows as the sender (alphanumeric, at most 11 characters)
     */
    record Smpp(
            String host,
            int port,
            String systemId,
            String password,
            @Size(max = 11) String sender) {}
}
