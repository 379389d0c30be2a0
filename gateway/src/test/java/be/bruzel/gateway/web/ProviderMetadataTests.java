package be.bruzel.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Against a real HTTP server standing in for the identity provider's discovery document. */
class ProviderMetadataTests {

    private static final String ISSUER = "http://login.example/realms/bruzel";

    private final AtomicReference<String> document = new AtomicReference<>();
    private final AtomicInteger reads = new AtomicInteger();
    private final HttpServer provider = serving();

    @AfterEach
    void stop() {
        provider.stop(0);
    }

    @Test
    void endpointsTheGatewayCallsItselfMoveToWhereItReachesTheProviderAndTheBrowsersStay() {
        document.set(documentNaming(ISSUER));

        Map<String, Object> metadata = metadata().metadata().block(Duration.ofSeconds(10));

        assertThat(metadata)
                .containsEntry("issuer", ISSUER)
                .containsEntry("authorization_endpoint", ISSUER + "/protocol/openid-connect/auth")
                .containsEntry("end_session_endpoint", ISSUER + "/protocol/openid-connect/logout")
                .containsEntry("token_endpoint", reachedAt() + "/protocol/openid-connect/token")
                .containsEntry("jwks_uri", reachedAt() + "/protocol/openid-connect/certs")
                .containsEntry("revocation_endpoint", reachedAt() + "/protocol/openid-connect/revoke");
    }

    @Test
    void aDocumentNamingAnotherIssuerIsRefused() {
        document.set(documentNaming("http://elsewhere.example/realms/bruzel"));

        assertThatThrownBy(() -> metadata().metadata().block(Duration.ofSeconds(10)))
                .hasMessageContaining("names the issuer http://elsewhere.example/realms/bruzel");
    }

    @Test
    void theDocumentIsReadOnceAndAFailedReadIsTriedAgain() {
        ProviderMetadata provider = metadata();
        assertThat(reads).as("nothing is read before it is needed").hasValue(0);

        assertThatThrownBy(() -> provider.endpoint("jwks_uri").block(Duration.ofSeconds(10)));
        document.set(documentNaming(ISSUER));
        String first = provider.endpoint("jwks_uri").block(Duration.ofSeconds(10));
        String second = provider.endpoint("token_endpoint").block(Duration.ofSeconds(10));

        assertThat(first).isEqualTo(reachedAt() + "/protocol/openid-connect/certs");
        assertThat(second).isEqualTo(reachedAt() + "/protocol/openid-connect/token");
        assertThat(reads).hasValue(2);
    }

    private ProviderMetadata metadata() {
        return new ProviderMetadata(URI.create(ISSUER), URI.create(reachedAt()), HttpClient.newHttpClient());
    }

    private String reachedAt() {
        return "http://localhost:" + provider.getAddress().getPort() + "/realms/bruzel";
    }

    private static String documentNaming(String issuer) {
        return """
                {"issuer": "%1$s", "authorization_endpoint": "%1$s/protocol/openid-connect/auth",
                 "token_endpoint": "%1$s/protocol/openid-connect/token", "jwks_uri": "%1$s/protocol/openid-connect/certs",
                 "revocation_endpoint": "%1$s/protocol/openid-connect/revoke",
                 "end_session_endpoint": "%1$s/protocol/openid-connect/logout", "claims_parameter_supported": null}
                """.formatted(issuer);
    }

    private HttpServer serving() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/realms/bruzel" + ProviderMetadata.DISCOVERY, call -> {
                reads.incrementAndGet();
                String body = document.get();
                byte[] bytes = (body == null ? "starting" : body).getBytes(StandardCharsets.UTF_8);
                call.getResponseHeaders().set("Content-Type", "application/json");
                call.sendResponseHeaders(body == null ? 503 : 200, bytes.length);
                call.getResponseBody().write(bytes);
                call.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
