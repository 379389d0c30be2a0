package be.bruzel.platform.testing;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.JOSEException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Signed access tokens for service tests. The service verifies them for real, signature and
 * issuer included; only the key comes from the test instead of the identity provider.
 */
public final class TestTokens {

    public static final String ISSUER = "http://identity.test";

    private static final RSAKey KEY = generate();

    private TestTokens() {
    }

    /** A token of a user with the given roles (claim values) acting for an organisation, or none. */
    public static String token(String userId, List<String> roles, String organisationId) {
        return token(userId, roles, organisationId, Map.of());
    }

    /** Likewise, with more claims, e.g. {@code email} and {@code locale}. */
    public static String token(String userId, List<String> roles, String organisationId, Map<String, Object> more) {
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
        return sign(KEY, claims.build());
    }

    public static String bearer(String userId, List<String> roles, String organisationId) {
        return "Bearer " + token(userId, roles, organisationId);
    }

    /** An otherwise valid token signed by a key the service does not trust. */
    public static String foreignBearer() {
        RSAKey stranger = generate();
        var claims = JwtClaimsSet.builder().issuer(ISSUER).subject("intruder")
                .expiresAt(Instant.now().plusSeconds(600)).claim("roles", List.of("administrator")).build();
        return "Bearer " + sign(stranger, claims);
    }

    private static String sign(RSAKey key, JwtClaimsSet claims) {
        var encoder = new NimbusJwtEncoder((selector, context) -> selector.select(new JWKSet(key)));
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
                .getTokenValue();
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID("test").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Makes a service trust {@link TestTokens} in place of its configured issuer. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Decoder {
        @Bean
        JwtDecoder testJwtDecoder() throws JOSEException {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(KEY.toRSAPublicKey()).build();
            decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(ISSUER));
            return decoder;
        }
    }

}
