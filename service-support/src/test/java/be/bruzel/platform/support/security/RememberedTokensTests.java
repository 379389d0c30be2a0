package be.bruzel.platform.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class RememberedTokensTests {

    private static final Instant ISSUED = Instant.parse("2026-12-04T09:00:00Z");

    private final AtomicReference<Instant> now = new AtomicReference<>(ISSUED);
    private final List<String> checked = new ArrayList<>();
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final RememberedTokens tokens = new RememberedTokens(
            checks(), clock, () -> Duration.between(Instant.EPOCH, now.get()).toNanos());

    @Test
    void aTokenIsCheckedOnceUntilItExpires() {
        Jwt first = tokens.decode("valid-5-minutes");
        Jwt again = tokens.decode("valid-5-minutes");

        assertThat(again).isSameAs(first);
        assertThat(checked).containsExactly("valid-5-minutes");
    }

    @Test
    void anExpiredTokenIsCheckedAgainNotRemembered() {
        tokens.decode("valid-5-minutes");
        now.set(ISSUED.plus(Duration.ofMinutes(5)));

        tokens.decode("valid-5-minutes");

        assertThat(checked).containsExactly("valid-5-minutes", "valid-5-minutes");
    }

    @Test
    void aRefusedTokenIsRefusedEveryTimeAndNeverRemembered() {
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);

        assertThat(checked).containsExactly("forged", "forged");
    }

    @Test
    void aTokenWithoutExpiryIsCheckedEveryTime() {
        tokens.decode("no-expiry");
        tokens.decode("no-expiry");

        assertThat(checked).containsExactly("no-expiry", "no-expiry");
    }

    @Test
    void differentTokensAreCheckedEachOnTheirOwn() {
        tokens.decode("valid-5-minutes");
        tokens.decode("valid-5-minutes-too");

        assertThat(checked).containsExactly("valid-5-minutes", "valid-5-minutes-too");
    }

    private JwtDecoder checks() {
        return token -> {
            checked.add(token);
            if (token.equals("forged")) {
                throw new BadJwtException("signature");
            }
            Jwt.Builder jwt = Jwt.withTokenValue(token)
                    .header("alg", "RS256")
                    .subject("gp.jette")
                    .issuedAt(now.get());
            if (!token.equals("no-expiry")) {
                jwt.expiresAt(now.get().plus(Duration.ofMinutes(5)));
            }
            return jwt.build();
        };
    }
}
