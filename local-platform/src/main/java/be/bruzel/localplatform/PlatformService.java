package be.bruzel.localplatform;

import java.util.Optional;

/** The processes the platform is made of, in the order they are started. */
public enum PlatformService {
    IDENTITY_PROVIDER("identity-provider", null),
    DIRECTORY("directory-service", "DIRECTORY"),
    REFERRAL("referral-service", "REFERRAL"),
    NOTIFICATION("notification-service", "NOTIFICATION"),
    STATISTICS("statistics-service", "STATISTICS"),
    GATEWAY("gateway", "GATEWAY");

    private final String module;
    private final String databasePrefix;

    PlatformService(String module, String databasePrefix) {
        this.module = module;
        this.databasePrefix = databasePrefix;
    }

    /** The Maven module, and the name of the service. */
    public String module() {
        return module;
    }

    /** The database the service owns, named after it: referral, directory, notification, statistics,
     * gateway (its sessions). */
    public Optional<String> database() {
        return Optional.ofNullable(databasePrefix).map(prefix -> prefix.toLowerCase(java.util.Locale.ROOT));
    }

    String environmentPrefix() {
        return databasePrefix;
    }
}
