package be.bruzel.gateway;

import be.bruzel.platform.testing.TestTokens;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server in place of the identity provider, for what the gateway asks of it on its own:
 * its discovery document (naming {@link TestTokens#ISSUER}, which the gateway reaches here), its key set
 * ({@link TestTokens}) and token exchange (RFC 8693). An exchanged token reads
 * {@code <audience>:<subject token>}, so a service shows which it received; the subject token
 * {@value #REFUSED} is refused as the provider refuses a token it did not issue.
 */
final class FakeIdentityProvider implements AutoCloseable {

    static final String REFUSED = "not-issued-here";
    private static final String JSON = "application/json";

    private final HttpServer server;
    private final AtomicInteger exchanges = new AtomicInteger();

    FakeIdentityProvider() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(
                "/.well-known/openid-configuration",
                exchange -> FakeService.answer(exchange, 200, JSON, """
                {"issuer": "%1$s", "authorization_endpoint": "%1$s/oauth2/authorize",
                 "token_endpoint": "%1$s/oauth2/token", "jwks_uri": "%1$s/oauth2/jwks",
                 "revocation_endpoint": "%1$s/oauth2/revoke", "end_session_endpoint": "%1$s/connect/logout",
                 "response_types_supported": ["code"], "subject_types_supported": ["public"],
                 "id_token_signing_alg_values_supported": ["RS256"]}
                """.formatted(TestTokens.ISSUER)));
        server.createContext("/oauth2/jwks", exchange -> FakeService.answer(exchange, 200, JSON, TestTokens.jwkSet()));
        server.createContext("/oauth2/token", exchange -> {
            exchanges.incrementAndGet();
            Map<String, String> form =
                    form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            boolean authenticated = exchange.getRequestHeaders().getFirst("Authorization") != null;
            if (!authenticated || !"urn:ietf:params:oauth:grant-type:token-exchange".equals(form.get("grant_type"))) {
                FakeService.answer(exchange, 401, JSON, "{\"error\":\"invalid_client\"}");
            } else if (REFUSED.equals(form.get("subject_token"))) {
                FakeService.answer(exchange, 400, JSON, "{\"error\":\"invalid_grant\"}");
            } else {
                String exchanged = form.get("audience") + ":" + form.get("subject_token");
                FakeService.answer(
                        exchange,
                        200,
                        JSON,
                        "{\"access_token\":\"" + exchanged
                                + "\",\"token_type\":\"Bearer\",\"expires_in\":300,"
                                + "\"issued_token_type\":\"urn:ietf:params:oauth:token-type:access_token\"}");
            }
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    /** How many token requests it has answered. */
    int exchanges() {
        return exchanges.get();
    }

    String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            String[] nameAndValue = pair.split("=", 2);
            form.put(
                    URLDecoder.decode(nameAndValue[0], StandardCharsets.UTF_8),
                    nameAndValue.length > 1 ? URLDecoder.decode(nameAndValue[1], StandardCharsets.UTF_8) : "");
        }
        return form;
    }
}
