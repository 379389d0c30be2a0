package be.bruzel.gateway.web;

import java.util.List;
import java.util.Map;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Who is signed in, as the web application needs to know it: what to show and in which language.
 * Who they are from the ID token; their roles and organisation from the access token (the ID token
 * carries none), as the services will read them, who decide for themselves.
 *
 * @param language the language the identity provider knows for the person (nl, fr or en)
 * @param csrfToken to send as {@code X-CSRF-TOKEN} (or form field {@code _csrf}) with every write made with this session
 */
record SignedInPerson(
        String user,
        String name,
        List<String> roles,
        String organisationId,
        String careZone,
        String profession,
        String language,
        String csrfToken) {

    /** @param rolesClaims dotted paths of the claims that may list the roles, the first present counts */
    static SignedInPerson of(OidcUser user, Map<String, Object> access, List<String> rolesClaims, String csrfToken) {
        return new SignedInPerson(
                user.getSubject(),
                user.getFullName(),
                rolesClaims.stream()
                        .map(path -> listAt(access, path))
                        .filter(roles -> roles != null)
                        .findFirst()
                        .map(roles -> roles.stream().map(String::valueOf).toList())
                        .orElse(List.of()),
                text(access, "organisation_id"),
                text(access, "care_zone"),
                text(access, "profession"),
                user.getLocale(),
                csrfToken);
    }

    private static List<?> listAt(Map<String, Object> claims, String path) {
        Object claim = claims;
        for (String name : path.split("\\.")) {
            claim = claim instanceof Map<?, ?> object ? object.get(name) : null;
        }
        return claim instanceof List<?> list ? list : null;
    }

    private static String text(Map<String, Object> claims, String name) {
        return claims.get(name) instanceof String value ? value : null;
    }
}
