package be.bruzel.platform.support.security;

import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, from a verified token: the user's id at the identity provider, their roles
 * and the organisation they act for. Controllers take it as their
 * {@code @AuthenticationPrincipal}.
 *
 * @param profession a referrer's profession, e.g. {@code general-practitioner}, when the token says
 * @param email where the user is reached by e-mail, when the token says
 * @param language the user's language ({@code nl}, {@code fr}, {@code en}), when the token says
 * @param careZone the care zone a zone analyst works for; a BruZEL analyst sees the whole region
 */
public record Caller(String userId, String displayName, Set<Role> roles, Optional<String> organisationId,
        Optional<String> profession, Optional<String> email, Optional<String> language,
        Optional<String> careZone) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
