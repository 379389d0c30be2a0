package be.bruzel.platform.support.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the platform finds roles and organisation in a token, so that any standards-compliant
 * issuer can be plugged in: Keycloak, for one, puts roles under {@code realm_access.roles}.
 *
 * @param roles dotted paths of the claims that may list the roles, the first present counts: by default
 *        {@code roles}, then Keycloak's {@code realm_access.roles}
 * @param organisation claim with the id of the organisation the user acts for
 * @param displayName claim with the user's name as shown to others
 * @param profession claim with a referrer's profession
 * @param email claim with the user's e-mail address (OpenID Connect standard claim)
 * @param language claim with the user's language (OpenID Connect {@code locale})
 * @param careZone claim with the care zone an analyst works for ({@code bruzel}: the whole region)
 */
@ConfigurationProperties("platform.security.claims")
public record TokenClaims(
        List<String> roles,
        String organisation,
        String displayName,
        String profession,
        String email,
        String language,
        String careZone) {

    public TokenClaims {
        roles = roles == null || roles.isEmpty() ? List.of("roles", "realm_access.roles") : List.copyOf(roles);
        organisation = organisation == null ? "organisation_id" : organisation;
        displayName = displayName == null ? "name" : displayName;
        profession = profession == null ? "profession" : profession;
        email = email == null ? "email" : email;
        language = language == null ? "locale" : language;
        careZone = careZone == null ? "care_zone" : careZone;
    }
}
