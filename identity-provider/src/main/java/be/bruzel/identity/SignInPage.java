package be.bruzel.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/**
 * The sign-in form in Dutch, French or English: as asked ({@code ?lang=}), else as the browser
 * prefers. Posts to Spring Security's form login as the default page did.
 */
@Controller
class SignInPage {

    static final String PATH = "/login";
    /** Its styles, from a file: the page's Content-Security-Policy allows no inline style. */
    static final String STYLE = "/sign-in.css";

    private static final List<Locale> LANGUAGES = List.of(Locale.of("nl"), Locale.FRENCH, Locale.ENGLISH);

    private final MessageSource messages;

    SignInPage(MessageSource messages) {
        this.messages = messages;
    }

    @GetMapping(path = PATH, produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String page(
            HttpServletRequest request,
            CsrfToken csrf,
            @RequestParam(required = false) String lang,
            @RequestParam(required = false) String error,
            @RequestParam(required = false) String logout,
            @RequestParam(required = false) Long locked) {
        Locale language = languageOf(request, lang);
        String notice = locked != null
                ? "<p class=\"error\" role=\"alert\">" + text("sign-in.locked", language, Math.max(1, locked)) + "</p>"
                : error != null
                        ? "<p class=\"error\" role=\"alert\">" + text("sign-in.failed", language) + "</p>"
                        : logout != null ? "<p role=\"status\">" + text("sign-in.signed-out", language) + "</p>" : "";
        StringBuilder switches = new StringBuilder();
        for (Locale other : LANGUAGES) {
            if (!other.equals(language)) {
                switches.append("<a href=\"")
                        .append(PATH)
                        .append("?lang=")
                        .append(other.getLanguage())
                        .append("\" lang=\"")
                        .append(other.getLanguage())
                        .append("\">")
                        .append(text("sign-in.language." + other.getLanguage(), other))
                        .append("</a> ");
            }
        }
        return """
                <!doctype html>
                <html lang="%1$s">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%2$s</title>
                <link rel="stylesheet" href="%12$s">
                </head>
                <body>
                <header>%3$s</header>
                <main>
                <h1>%2$s</h1>
                %4$s
                <form method="post" action="%5$s">
                <label for="username">%6$s</label>
                <input id="username" name="username" autocomplete="username" required autofocus>
                <label for="password">%7$s</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required>
                <input type="hidden" name="_csrf" value="%8$s">
                <button type="submit">%9$s</button>
                </form>
                <nav aria-label="%10$s">%11$s</nav>
                </main>
                </body>
                </html>
                """.formatted(
                        language.getLanguage(),
                        text("sign-in.title", language),
                        text("sign-in.platform", language),
                        notice,
                        PATH,
                        text("sign-in.username", language),
                        text("sign-in.password", language),
                        HtmlUtils.htmlEscape(csrf.getToken()),
                        text("sign-in.submit", language),
                        text("sign-in.languages", language),
                        switches.toString().strip(),
                        STYLE);
    }

    private static Locale languageOf(HttpServletRequest request, String asked) {
        if (asked != null) {
            for (Locale language : LANGUAGES) {
                if (language.getLanguage().equals(asked)) {
                    return language;
                }
            }
        }
        String header = request.getHeader("Accept-Language");
        Locale preferred = header == null ? null : Locale.lookup(Locale.LanguageRange.parse(header), LANGUAGES);
        return preferred != null ? preferred : LANGUAGES.getFirst();
    }

    private String text(String key, Locale language, Object... arguments) {
        return HtmlUtils.htmlEscape(messages.getMessage(key, arguments, language));
    }
}
