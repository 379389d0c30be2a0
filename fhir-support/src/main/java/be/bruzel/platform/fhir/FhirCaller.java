package be.bruzel.platform.fhir;

import be.bruzel.platform.support.security.Caller;
import be.bruzel.platform.support.security.Role;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who calls the FHIR API: the same {@link Caller} Spring Security made of the bearer token for the REST API
 * (HAPI's providers cannot take it as a parameter).
 */
public final class FhirCaller {

    private FhirCaller() {}

    public static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof Caller caller)) {
            throw new AuthenticationException("A bearer token is needed");
        }
        return caller;
    }

    /** The caller, when they have the role; else a 403, as the REST API's role checks answer. */
    public static Caller with(Role role) {
        Caller caller = current();
        if (!caller.has(role)) {
            throw new ForbiddenOperationException("This needs the role "
                    + role.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        }
        return caller;
    }
}
