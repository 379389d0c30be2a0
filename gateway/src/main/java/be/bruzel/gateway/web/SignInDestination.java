package be.bruzel.gateway.web;

import java.net.URI;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.savedrequest.CookieServerRequestCache;
import org.springframework.security.web.server.savedrequest.ServerRequestCache;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Where a person was going when they were sent to sign in (a link in an e-mail, say), so that they
 * land there afterwards. Kept in a short-lived cookie rather than the session, so that a visitor who
 * never signs in costs no session; and the cookie is only cleared when there is one, so that other
 * answers carry no cookie at all.
 */
final class SignInDestination implements ServerRequestCache {

    private static final String COOKIE = "REDIRECT_URI";

    private final CookieServerRequestCache cookie = new CookieServerRequestCache();

    @Override
    public Mono<Void> saveRequest(ServerWebExchange exchange) {
        return cookie.saveRequest(exchange);
    }

    @Override
    public Mono<URI> getRedirectUri(ServerWebExchange exchange) {
        return cookie.getRedirectUri(exchange);
    }

    @Override
    public Mono<ServerHttpRequest> removeMatchingRequest(ServerWebExchange exchange) {
        return exchange.getRequest().getCookies().containsKey(COOKIE)
                ? cookie.removeMatchingRequest(exchange)
                : Mono.empty();
    }
}
