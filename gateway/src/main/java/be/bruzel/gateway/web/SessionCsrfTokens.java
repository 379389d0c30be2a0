package be.bruzel.gateway.web;

import java.util.UUID;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.DefaultCsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRepository;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The session's CSRF token, kept in the session. Unlike Spring Security's session repository it
 * does not give the session a new id when it makes a token: the web application's requests in
 * flight at that moment would carry the old id, and the answer to each of them would delete the
 * person's session cookie. Sessions get a new id when the person signs in, which is what protects
 * against fixation.
 */
final class SessionCsrfTokens implements ServerCsrfTokenRepository {

    private static final String ATTRIBUTE = SessionCsrfTokens.class.getName() + ".token";
    private static final String HEADER = "X-CSRF-TOKEN";
    private static final String PARAMETER = "_csrf";

    @Override
    public Mono<CsrfToken> generateToken(ServerWebExchange exchange) {
        return Mono.fromCallable(
                () -> new DefaultCsrfToken(HEADER, PARAMETER, UUID.randomUUID().toString()));
    }

    @Override
    public Mono<Void> saveToken(ServerWebExchange exchange, CsrfToken token) {
        return exchange.getSession()
                .doOnNext(session -> {
                    if (token == null) {
                        session.getAttributes().remove(ATTRIBUTE);
                    } else {
                        session.getAttributes().put(ATTRIBUTE, token);
                    }
                })
                .then();
    }

    @Override
    public Mono<CsrfToken> loadToken(ServerWebExchange exchange) {
        return exchange.getSession().mapNotNull(session -> session.getAttribute(ATTRIBUTE));
    }
}
