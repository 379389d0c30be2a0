package be.bruzel.gateway.web;

import java.util.List;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Who is signed in, as the web application needs to know it: what to show and in which language.
 * Taken from the ID token; the services decide for themselves from the access token.
 *
 * @param language the language the identity provider knows for the person (nl, fr or en)
 * @param csrfToken to send as {@code X-CSRF-TOKEN} (or form field {@code _csrf}) with every write made with this session
 */
record SignedInPerson(String user, String name, List<String> roles, String organisationId, String careZone,
        String profession, String language, String csrfToken) {

    static SignedInPerson of(OidcUser user, String csrfToken) {
        List<String> roles = user.getClaimAsStringList("roles");
        return new SignedInPerson(user.getSubject(), user.getFullName(), roles == null ? List.of() : roles,
                user.getClaimAsString("organisation_id"), user.getClaimAsString("care_zone"),
                user.getClaimAsString("profession"), user.getLocale(), csrfToken);
    }
}
