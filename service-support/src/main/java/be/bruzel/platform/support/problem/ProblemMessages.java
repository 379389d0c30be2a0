package be.bruzel.platform.support.problem;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The words of every error a client can get, in the languages the people of Brussels read:
 * Dutch and French, with English for developers.
 */
public final class ProblemMessages {

    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.of("nl"), Locale.FRENCH);

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    public ProblemMessages(MessageSource applicationMessages) {
        messages.setBasename("platform-problems");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setAlwaysUseMessageFormat(true);
        messages.setParentMessageSource(applicationMessages);
    }

    public MessageSource source() {
        return messages;
    }

    public String get(String code, Locale locale, Object... args) {
        return messages.getMessage(code, args, code, locale);
    }

    /** The best supported language of an Accept-Language header; English when none matches. */
    public static Locale negotiate(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Locale.ENGLISH;
        }
        try {
            Locale match = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
            return match != null ? match : Locale.ENGLISH;
        } catch (IllegalArgumentException malformedHeader) {
            return Locale.ENGLISH;
        }
    }
}
