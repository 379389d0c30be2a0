package be.bruzel.platform.support.security;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

/** Reads the {@link Caller} out of a verified token; unknown roles are ignored. */
public class CallerConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final TokenClaims claims;

    public CallerConverter(TokenClaims claims) {
        this.claims = claims;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Set<Role> roles = rolesClaim(jwt.getClaims()).stream()
                .map(Object::toString)
                .map(Role::fromClaim)
                .flatMap(Optional::stream)
                .collect(Collectors.toSet());
        String displayName = Objects.requireNonNullElse(jwt.getClaimAsString(claims.displayName()), jwt.getSubject());
        Caller caller = new Caller(
                jwt.getSubject(),
                displayName,
                roles,
                Optional.ofNullable(jwt.getClaimAsString(claims.organisation())),
                Optional.ofNullable(jwt.getClaimAsString(claims.profession())),
                Optional.ofNullable(jwt.getClaimAsString(claims.email())),
                Optional.ofNullable(jwt.getClaimAsString(claims.language())),
                Optional.ofNullable(jwt.getClaimAsString(claims.careZone())));
        return new CallerAuthentication(caller, jwt);
    }

    private Collection<?> rolesClaim(Map<String, Object> tokenClaims) {
        return claims.roles().stream()
                .map(path -> at(tokenClaims, path))
                .flatMap(Optional::stream)
                .findFirst()
                .orElse(Set.of());
    }

    private static Optional<Collection<?>> at(Map<String, Object> tokenClaims, String path) {
        Object node = tokenClaims;
        for (String part : path.split("\\.")) {
            node = node instanceof Map<?, ?> map ? map.get(part) : null;
        }
        return node instanceof Collection<?> values ? Optional.of(values) : Optional.empty();
    }
}
