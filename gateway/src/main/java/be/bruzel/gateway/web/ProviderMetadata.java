package be.bruzel.gateway.web;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * The identity provider's endpoints, from its OpenID Connect discovery document, so that pointing the
 * gateway at another provider (Keycloak, say) is the issuer alone. The document is read when first
 * needed, not at start-up (the gateway starts while the provider is still starting), and kept once read;
 * a failed read is tried again at the next need.
 *
 * <p>Where the gateway reaches the provider at another address than the issuer (in containers), the
 * endpoints the gateway calls itself are moved to that address; the ones browsers are sent to stay.
 */
final class ProviderMetadata {

    static final String DISCOVERY = "/.well-known/openid-configuration";

    /** Endpoints the gateway calls itself, never a browser. */
    private static final List<String> BACK_CHANNEL =
            List.of("token_endpoint", "jwks_uri", "revocation_endpoint", "userinfo_endpoint", "introspection_endpoint");

    private static final Duration READ_WITHIN = Duration.ofSeconds(10);
    private static final Duration FOREVER = Duration.ofMillis(Long.MAX_VALUE);

    private final String issuer;
    private final String identityProvider;
    private final Mono<Map<String, Object>> metadata;

    ProviderMetadata(URI issuer, URI identityProvider, HttpClient http) {
        this.issuer = withoutTrailingSlash(issuer);
        this.identityProvider = withoutTrailingSlash(identityProvider);
        HttpRequest discovery = HttpRequest.newBuilder(URI.create(this.identityProvider + DISCOVERY))
                .timeout(READ_WITHIN)
                .header("Accept", "application/json")
                .build();
        this.metadata = Mono.fromFuture(() -> http.sendAsync(discovery, HttpResponse.BodyHandlers.ofString()))
                .map(this::read)
                .transform(ProviderMetadata::keptOnceMade);
    }

    /** The discovery document, its back-channel endpoints at the address the gateway reaches them at. */
    Mono<Map<String, Object>> metadata() {
        return metadata;
    }

    Mono<String> endpoint(String name) {
        return metadata.mapNotNull(read -> read.get(name) instanceof String endpoint ? endpoint : null);
    }

    String issuer() {
        return issuer;
    }

    /** Kept once it is made; a failure is not kept, so the next need tries again. */
    static <T> Mono<T> keptOnceMade(Mono<T> making) {
        return making.cache(made -> FOREVER, failed -> Duration.ZERO, () -> Duration.ZERO);
    }

    /**
     * The document as the provider answered it, checked: OpenID Connect Discovery §4.3 has it name the
     * issuer it was asked for, else its endpoints are not that issuer's.
     */
    private Map<String, Object> read(HttpResponse<String> answer) {
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(
                    "The identity provider answered " + answer.statusCode() + " at " + identityProvider + DISCOVERY);
        }
        Map<String, Object> document;
        try {
            document = JSONObjectUtils.parse(answer.body());
        } catch (ParseException notJson) {
            throw new IllegalStateException("No discovery document at " + identityProvider + DISCOVERY, notJson);
        }
        Object named = document.get("issuer");
        if (!(named instanceof String stated)
                || !withoutTrailingSlash(URI.create(stated)).equals(issuer)) {
            throw new IllegalStateException("The discovery document at " + identityProvider + DISCOVERY
                    + " names the issuer " + named + ", not " + issuer);
        }
        Map<String, Object> moved = new HashMap<>(document);
        for (String name : BACK_CHANNEL) {
            if (document.get(name) instanceof String endpoint && endpoint.startsWith(issuer)) {
                moved.put(name, identityProvider + endpoint.substring(issuer.length()));
            }
        }
        return Collections.unmodifiableMap(moved);
    }

    private static String withoutTrailingSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
