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

    static SignedInPerson of(OidcUser user, Map<String, Object> access, String csrfToken) {
        return new SignedInPerson(
                user.getSubject(),
                user.getFullName(),
                access.get("roles") instanceof List<?> roles
                        ? roles.stream().map(String::valueOf).toList()
                        : List.of(),
                text(access, "organisation_id"),
                text(access, "care_zone"),
                text(access, "profession"),
                user.getLocale(),
                csrfToken);
    }

    private static String text(Map<String, Object> claims, String name) {
        return claims.get(name) instanceof String value ? value : null;
    }
}
