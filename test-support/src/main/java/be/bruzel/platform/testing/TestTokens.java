package be.bruzel.platform.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Signed access tokens for service tests, as the identity provider makes them (RFC 9068: typed
 * {@code at+jwt}, for the platform's services). The service verifies them for real, signature,
 * issuer, type and audience included; only the key comes from the test instead of the identity provider.
 */
public final class TestTokens {

    public static final String ISSUER = "http://identity.test";
    /** Whom the identity provider makes access tokens for: the services of the platform. */
    public static final List<String> AUDIENCE =
            List.of("referral-service", "directory-service", "notification-service", "statistics-service");

    private static final String ACCESS_TOKEN = "at+jwt";

    private static final RSAKey KEY = generate();

    private TestTokens() {}

    /** A token of a user with the given roles (claim values) acting for an organisation, or none. */
    public static String token(String userId, List<String> roles, String organisationId) {
        return token(userId, roles, organisationId, Map.of());
    }

    /** Likewise, with more claims, e.g. {@code email} and {@code locale}. */
    public static String token(String userId, List<String> roles, String organisationId, Map<String, Object> more) {
        return sign(
                KEY,
                ACCESS_TOKEN,
                claims(userId, roles, organisationId, more).audience(AUDIENCE).build());
    }

    /** A valid token of another audience: meant for some other system that trusts the same provider. */
    public static String bearerForAnotherAudience(String userId, List<String> roles) {
        return "Bearer "
                + sign(
                        KEY,
                        ACCESS_TOKEN,
                        claims(userId, roles, null, Map.of())
                                .audience(List.of("payroll"))
                                .build());
    }

    /** An ID token: signed by the provider, for the platform, with roles even, but no access token (typ JWT). */
    public static String bearerIdToken(String userId, List<String> roles) {
        return "Bearer "
                + sign(
                        KEY,
                        "JWT",
                        claims(userId, roles, null, Map.of()).audience(AUDIENCE).build());
    }

    private static JwtClaimsSet.Builder claims(
            String userId, List<String> roles, String organisationId, Map<String, Object> more) {
        var claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(userId)
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(600))
                .claim("name", userId)
                .claim("roles", roles);
        if (organisationId != null) {
            claims.claim("organisation_id", organisationId);
        }
        more.forEach(claims::claim);
        return claims;
    }

    public static String bearer(String userId, List<String> roles, String organisationId) {
        return "Bearer " + token(userId, roles, organisationId);
    }

    /** The public key the tokens are signed with, as an identity provider publishes it (its JWKS endpoint). */
    public static String jwkSet() {
        return new JWKSet(KEY.toPublicJWK()).toString();
    }

    /** An otherwise valid token signed by a key the service does not trust. */
    public static String foreignBearer() {
        RSAKey stranger = generate();
        var claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject("intruder")
                .audience(AUDIENCE)
                .expiresAt(Instant.now().plusSeconds(600))
                .claim("roles", List.of("administrator"))
                .build();
        return "Bearer " + sign(stranger, ACCESS_TOKEN, claims);
    }

    private static String sign(RSAKey key, String type, JwtClaimsSet claims) {
        var encoder = new NimbusJwtEncoder((selector, context) -> selector.select(new JWKSet(key)));
        return encoder.encode(JwtEncoderParameters.from(
                        JwsHeader.with(SignatureAlgorithm.RS256).type(type).build(), claims))
                .getTokenValue();
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID("test").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Makes a service trust {@link TestTokens} in place of its configured issuer, with the service's own
     * validators (token type) and audience, as its production decoder has them.
     */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Decoder {
        @Bean
        JwtDecoder testJwtDecoder(
                ObjectProvider<OAuth2TokenValidator<Jwt>> serviceValidators,
                @Value("${spring.security.oauth2.resourceserver.jwt.audiences}") List<String> audiences)
                throws JOSEException {
            NimbusJwtDecoder decoder =
                    NimbusJwtDecoder.withPublicKey(KEY.toRSAPublicKey()).build();
            List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>(List.of(
                    new JwtIssuerValidator(ISSUER),
                    new JwtClaimValidator<List<String>>(
                            JwtClaimNames.AUD,
                            audience -> audience != null && audience.stream().anyMatch(audiences::contains))));
            serviceValidators.orderedStream().forEach(validators::add);
            decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(validators));
            return decoder;
        }
    }
}
