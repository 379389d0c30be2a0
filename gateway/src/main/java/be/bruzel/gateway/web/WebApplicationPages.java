package be.bruzel.gateway.web;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * The web application is one page that draws every screen: each screen's address (which mails
 * link to, and a person can bookmark) answers with that page. The screens are those of the one
 * route table, {@code static/app/routes.json}, which the page reads too.
 */
@Configuration(proxyBeanMethods = false)
class WebApplicationPages {

    /**
     * @param path in Spring's pattern syntax, e.g. {@code /referrals/{id:[0-9a-f-]+}}
     * @param page the module of {@code static/app/pages/} that draws it
     * @param signedIn false only for a screen anyone may open
     */
    record Screen(String path, String page, String role, Boolean signedIn) {}

    static final List<Screen> SCREENS = read(new ClassPathResource("static/app/routes.json"));

    /** Screens behind sign-in: opening one signed out goes to the identity provider and back. */
    static final String[] SIGNED_IN_PAGES = SCREENS.stream()
            .filter(screen -> !Boolean.FALSE.equals(screen.signedIn()))
            .map(Screen::path)
            .toArray(String[]::new);

    private static final Resource PAGE = new ClassPathResource("static/index.html");

    @Bean
    RouterFunction<ServerResponse> webApplication() {
        RequestPredicate screens = GET(SCREENS.getFirst().path());
        for (Screen screen : SCREENS) {
            screens = screens.or(GET(screen.path()));
        }
        return RouterFunctions.route(
                screens,
                request -> ServerResponse.ok()
                        .contentType(MediaType.TEXT_HTML)
                        .cacheControl(CacheControl.noCache())
                        .bodyValue(PAGE));
    }

    private static List<Screen> read(Resource table) {
        try (InputStream in = table.getInputStream()) {
            return List.of(JsonMapper.builder().build().readValue(in, Screen[].class));
        } catch (IOException unreadable) {
            throw new UncheckedIOException("The route table " + table + " cannot be read", unreadable);
        }
    }
}
