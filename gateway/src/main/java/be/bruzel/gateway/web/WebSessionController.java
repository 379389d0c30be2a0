package be.bruzel.gateway.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The web application asks here who is signed in; no session is an answer too (401). */
@RestController
class WebSessionController {

    @GetMapping("/web/session")
    Mono<ResponseEntity<?>> session(@AuthenticationPrincipal OidcUser user, ServerWebExchange exchange) {
        if (user == null) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                    "Not signed in: sign in at " + WebLogin.SIGN_IN);
            problem.setInstance(URI.create("/web/session"));
            return Mono.just(ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem));
        }
        Mono<CsrfToken> csrf = exchange.getAttributeOrDefault(CsrfToken.class.getName(), Mono.empty());
        return csrf.map(token -> ResponseEntity.ok()
                        .header("Cache-Control", "no-store")
                        .<Object>body(SignedInPerson.of(user, token.getToken())));
    }
}
