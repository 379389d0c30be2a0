package be.bruzel.platform.support.security;

import java.util.Arrays;
import java.util.Optional;

/** What a signed-in user may do, from the {@code roles} claim of their token. */
public enum Role {
    /** A care provider who refers people (doorverwijzer). */
    REFERRER("referrer"),
    /** A worker of a support organisation (ondersteuner) who takes referrals. */
    ORGANISATION_WORKER("organisation-worker"),
    /** A worker of a support organisation who may also keep its listing: capacity, descriptions, hours, intake. */
    ORGANISATION_COORDINATOR("organisation-coordinator"),
    /** A BruZEL analyst who sees statistics for the whole region. */
    ANALYST("analyst"),
    /** A platform administrator who keeps the social map and the territory. */
    ADMINISTRATOR("administrator");

    private final String claimValue;

    Role(String claimValue) {
        this.claimValue = claimValue;
    }

    public String claimValue() {
        return claimValue;
    }

    public String authority() {
        return "ROLE_" + name();
    }

    public static Optional<Role> fromClaim(String value) {
        return Arrays.stream(values())
                .filter(role -> role.claimValue.equalsIgnoreCase(value))
                .findFirst();
    }
}
