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
 * @param careZone the care zone a zone analyst works for, or {@value #WHOLE_REGION} for BruZEL's analysts, who
 *        see the whole region; an analyst without one sees nothing
 */
public record Caller(
        String userId,
        String displayName,
        Set<Role> roles,
        Optional<String> organisationId,
        Optional<String> profession,
        Optional<String> email,
        Optional<String> language,
        Optional<String> careZone) {

    /** The care zone claim of an analyst of BruZEL, the first-line zone of the whole region. */
    public static final String WHOLE_REGION = "bruzel";

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
