package be.bruzel.platform.support.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * A token decoder that checks each token once and remembers it until it expires. The gateway sends a
 * caller's every request with the same exchanged token, and checking its RSA signature each time was a
 * tenth of referral-service's processor time under load (JFR: {@code NimbusJwtDecoder.decode}). A token
 * that fails is not remembered, so it fails again every time, and a token without an expiry is never
 * remembered.
 */
final class RememberedTokens implements JwtDecoder {

    private static final int TOKENS = 10_000;

    private final JwtDecoder checks;
    private final Cache<String, Jwt> verified;

    RememberedTokens(JwtDecoder checks) {
        this(checks, Clock.systemUTC(), Ticker.systemTicker());
    }

    /** @param clock and ticker tell the same time: the clock for a token's expiry, the ticker for the cache */
    RememberedTokens(JwtDecoder checks, Clock clock, Ticker ticker) {
        this.checks = checks;
        this.verified = Caffeine.newBuilder()
                .maximumSize(TOKENS)
                .ticker(ticker)
                .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> untilExpiry(jwt, clock)))
                .build();
    }

    private static Duration untilExpiry(Jwt jwt, Clock clock) {
        if (jwt.getExpiresAt() == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), jwt.getExpiresAt());
        return left.isNegative() ? Duration.ZERO : left;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        return verified.get(token, checks::decode);
    }
}
