package be.bruzel.gateway.web;

import java.time.Duration;
import org.springframework.http.ResponseCookie;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.session.CookieWebSessionIdResolver;

/**
 * The session cookie: HttpOnly, SameSite=Lax, and Secure whenever the request came over TLS, so a
 * platform behind HTTPS never lets its cookie travel in the clear, while a developer's plain
 * {@code http://localhost} still works. A proxy's {@code X-Forwarded-Proto} counts once the gateway
 * is told to trust it ({@code server.forward-headers-strategy}).
 */
final class SecureSessionCookie extends CookieWebSessionIdResolver {

    static final String NAME = "SESSION";

    SecureSessionCookie() {
        setCookieName(NAME);
        setCookieMaxAge(Duration.ofSeconds(-1));
    }

    @Override
    public void setSessionId(ServerWebExchange exchange, String id) {
        boolean tls = "https".equalsIgnoreCase(exchange.getRequest().getURI().getScheme());
        exchange.getResponse()
                .getCookies()
                .set(
                        NAME,
                        ResponseCookie.from(NAME, id)
                                .path("/")
                                .httpOnly(true)
                                .sameSite("Lax")
                                .secure(tls)
                                .build());
    }
}
