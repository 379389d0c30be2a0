package be.bruzel.gateway.web;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The web application is one page that draws every screen: each screen's address (which mails
 * link to, and a person can bookmark) answers with that page.
 */
@Configuration(proxyBeanMethods = false)
class WebApplicationPages {

    /** Screens behind sign-in: opening one signed out goes to the identity provider and back. */
    static final String[] SIGNED_IN_PAGES = {"/referrals", "/referrals/**", "/inbox", "/notifications",
            "/statistics", "/settings", "/admin", "/admin/**"};

    private static final Resource PAGE = new ClassPathResource("static/index.html");

    @Bean
    RouterFunction<ServerResponse> webApplication() {
        RequestPredicate screens = GET("/");
        for (String page : SIGNED_IN_PAGES) {
            screens = screens.or(GET(page));
        }
        return RouterFunctions.route(screens, request -> ServerResponse.ok()
                .contentType(MediaType.TEXT_HTML)
                .cacheControl(CacheControl.noCache())
                .bodyValue(PAGE));
    }
}
