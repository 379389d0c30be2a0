package be.bruzel.identity;

import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The demo's users and what their tokens say of them. */
@ConfigurationProperties("demo")
public record DemoUsers(List<DemoUser> users) {

    public DemoUsers {
        users = users == null ? List.of() : List.copyOf(users);
    }

    /**
     * @param roles claim values: referrer, organisation-worker, organisation-coordinator, analyst, administrator
     * @param organisationId the support organisation a worker acts for
     * @param profession a referrer's profession, for the statistics of connected referrers
     * @param email where the platform e-mails the user (the demo's own mail server catches it)
     * @param careZone the care zone a zone analyst works for
     */
    public record DemoUser(
            String username,
            String password,
            String name,
            List<String> roles,
            String organisationId,
            String profession,
            String locale,
            String email,
            String careZone) {}

    public Optional<DemoUser> find(String username) {
        return users.stream().filter(user -> user.username().equals(username)).findFirst();
    }
}
