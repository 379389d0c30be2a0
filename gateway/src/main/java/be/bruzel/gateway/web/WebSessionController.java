package be.bruzel.gateway.web;

import com.nimbusds.jwt.JWTParser;
import java.net.URI;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The web application asks here who is signed in; no session is an answer too (401). */
@RestController
class WebSessionController {

    private final ServerOAuth2AuthorizedClientRepository authorizedClients;
    private final List<String> rolesClaims;

    /** @param rolesClaims where the services read the roles (their {@code TokenClaims}), read here the same way */
    WebSessionController(
            ServerOAuth2AuthorizedClientRepository authorizedClients,
            @Value("${platform.security.claims.roles:roles,realm_access.roles}") List<String> rolesClaims) {
        this.authorizedClients = authorizedClients;
        this.rolesClaims = List.copyOf(rolesClaims);
    }

    @GetMapping("/web/session")
    Mono<ResponseEntity<?>> session(
            @AuthenticationPrincipal OidcUser user, Authentication signedIn, ServerWebExchange exchange) {
        if (user == null) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.UNAUTHORIZED, "Not signed in: sign in at " + WebLogin.SIGN_IN);
            problem.setInstance(URI.create("/web/session"));
            return Mono.just(ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem));
        }
        Mono<CsrfToken> csrf = exchange.getAttributeOrDefault(CsrfToken.class.getName(), Mono.empty());
        Mono<Map<String, Object>> access = authorizedClients
                .<OAuth2AuthorizedClient>loadAuthorizedClient(WebLogin.REGISTRATION, signedIn, exchange)
                .map(WebSessionController::claimsOf)
                .defaultIfEmpty(Map.of());
        return Mono.zip(csrf, access)
                .map(both -> ResponseEntity.ok()
                        .header("Cache-Control", "no-store")
                        .<Object>body(SignedInPerson.of(
                                user, both.getT2(), rolesClaims, both.getT1().getToken())));
    }

    /**
     * What the access token says of the person. The gateway took it from the identity provider itself
     * and only shows it; the services verify it before they act on it.
     */
    private static Map<String, Object> claimsOf(OAuth2AuthorizedClient client) {
        try {
            return JWTParser.parse(client.getAccessToken().getTokenValue())
                    .getJWTClaimsSet()
                    .getClaims();
        } catch (ParseException notAJwt) {
            return Map.of();
        }
    }
}
