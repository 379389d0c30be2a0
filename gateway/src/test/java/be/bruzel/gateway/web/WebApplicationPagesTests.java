package be.bruzel.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.pattern.PathPatternParser;

/** The one route table: every screen it names exists, every screen is in it, and the gateway reads it as the page does. */
class WebApplicationPagesTests {

    private static final Path PAGES = Path.of("src/main/resources/static/app/pages");

    @Test
    void everyRouteDrawsAPageThatExistsAndEveryPageHasARoute() throws IOException {
        assertThat(WebApplicationPages.SCREENS)
                .allSatisfy(screen -> assertThat(PAGES.resolve(screen.page() + ".js"))
                        .as(screen.path())
                        .exists());
        try (Stream<Path> pages = Files.list(PAGES)) {
            assertThat(pages.map(page -> page.getFileName().toString().replace(".js", "")))
                    .allMatch(page -> WebApplicationPages.SCREENS.stream()
                            .anyMatch(screen -> screen.page().equals(page)));
        }
    }

    @Test
    void everyScreenButTheHomePageIsBehindSignInAndEveryPathIsAPatternTheGatewayReads() {
        assertThat(WebApplicationPages.SIGNED_IN_PAGES)
                .contains("/referrals", "/referrals/new", "/inbox", "/statistics", "/admin")
                .doesNotContain("/");
        assertThat(WebApplicationPages.SCREENS)
                .allSatisfy(screen -> assertThat(PathPatternParser.defaultInstance
                                .parse(screen.path())
                                .getPatternString())
                        .isEqualTo(screen.path()));
        assertThat(PathPatternParser.defaultInstance
                        .parse("/referrals/{id:[0-9a-f-]+}")
                        .matches(org.springframework.http.server.PathContainer.parsePath("/referrals/new")))
                .as("the new-referral screen is no referral's")
                .isFalse();
    }
}
