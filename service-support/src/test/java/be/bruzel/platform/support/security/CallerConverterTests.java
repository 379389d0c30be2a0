package be.bruzel.platform.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class CallerConverterTests {

    private final CallerConverter defaults =
            new CallerConverter(new TokenClaims(null, null, null, null, null, null, null));

    @Test
    void rolesAreReadFromTheRolesClaim() {
        Caller caller = callerOf(defaults, token(claims -> claims.put("roles", List.of("referrer", "unknown"))));

        assertThat(caller.roles()).containsExactly(Role.REFERRER);
    }

    @Test
    void rolesAreReadFromKeycloaksRealmAccessWhenThereIsNoRolesClaim() {
        Caller caller = callerOf(defaults, token(claims -> {
            claims.put("realm_access", Map.of("roles", List.of("organisation-worker", "default-roles-bruzel")));
            claims.put("organisation_id", "ocmw-jette");
        }));

        assertThat(caller.roles()).containsExactly(Role.ORGANISATION_WORKER);
        assertThat(caller.organisationId()).hasValue("ocmw-jette");
    }

    @Test
    void theFirstConfiguredClaimPresentCountsAndNoOtherIsRead() {
        CallerConverter configured = new CallerConverter(
                new TokenClaims(List.of("resource_access.platform.roles"), null, null, null, null, null, null));

        Caller caller = callerOf(configured, token(claims -> {
            claims.put("roles", List.of("administrator"));
            claims.put("resource_access", Map.of("platform", Map.of("roles", List.of("analyst"))));
        }));

        assertThat(caller.roles()).containsExactly(Role.ANALYST);
    }

    @Test
    void aTokenWithoutRolesHasNone() {
        Caller caller = callerOf(defaults, token(claims -> claims.put("realm_access", "not an object")));

        assertThat(caller.roles()).isEmpty();
    }

    private static Caller callerOf(CallerConverter converter, Jwt token) {
        return (Caller) converter.convert(token).getPrincipal();
    }

    private static Jwt token(Consumer<Map<String, Object>> claims) {
        return Jwt.withTokenValue("token")
                .header("alg", "RS256")
                .subject("8ad88695-6ab0-4b2e-9d0a-6c8c5dca0059")
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60))
                .claims(claims)
                .build();
    }
}
