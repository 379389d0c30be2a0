package be.bruzel.referralservice.routing;

import java.util.Objects;
import java.util.Optional;

/**
 * Who receives a referral: a service of a support organisation, or, when no service can take it,
 * the care zone's helpdesk, which then counts it as an unmet need. The helpdesk acts on the
 * platform as an organisation of its own, {@code helpdesk-<care zone>}.
 */
public record Receiver(String organisationId, Optional<String> serviceId, boolean unmetNeed) {

    private static final String HELPDESK_PREFIX = "helpdesk-";

    public Receiver {
        Objects.requireNonNull(organisationId, "organisationId");
        Objects.requireNonNull(serviceId, "serviceId");
    }

    public static Receiver service(String organisationId, String serviceId) {
        return new Receiver(organisationId, Optional.of(serviceId), false);
    }

    public static Receiver helpdeskOf(String careZoneCode) {
        return new Receiver(HELPDESK_PREFIX + careZoneCode, Optional.empty(), true);
    }
}
