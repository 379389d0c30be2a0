package be.bruzel.gateway;

import be.bruzel.platform.testing.TestTokens;
import java.net.http.HttpClient;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The gateway on its own real database, in front of real HTTP servers: the identity provider's key
 * set and token exchange ({@link FakeIdentityProvider}), and whichever services a test puts behind it.
 */
abstract class GatewayUnderTest {

    /** One for every test class: it keeps nothing but what it counts. */
    static final FakeIdentityProvider identityProvider = new FakeIdentityProvider();

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    /** @param services the address of each service by its name in the routes: referral, directory, notification */
    static void register(DynamicPropertyRegistry registry, Map<String, Supplier<Object>> services) {
        services.forEach((name, url) -> registry.add("platform.gateway.services." + name, url));
        registry.add("platform.web.login.issuer", () -> TestTokens.ISSUER);
        registry.add("platform.web.login.identity-provider", identityProvider::url);
        GatewayDatabase.register(registry);
    }
}
