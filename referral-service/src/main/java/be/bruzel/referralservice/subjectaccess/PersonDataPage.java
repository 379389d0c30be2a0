package be.bruzel.referralservice.subjectaccess;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** The person's copy as a printable page ({@code person-data/person-data.html}) in their own language. */
@Component
class PersonDataPage {

    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");
    private static final Set<String> LANGUAGES = Set.of("nl", "fr", "en");

    private final SpringTemplateEngine engine = new SpringTemplateEngine();
    private final MessageSource messages;

    PersonDataPage(MessageSource messages) {
        this.messages = messages;
        engine.setTemplateEngineMessageSource(messages);
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("person-data/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        engine.addTemplateResolver(resolver);
    }

    String render(PersonData data) {
        String language = data.person().preferredLanguage();
        Locale locale = Locale.of(LANGUAGES.contains(language) ? language : "nl");
        Context context = new Context(locale, Map.of("data", data, "words", new Words(locale)));
        context.setVariable("language", locale.getLanguage());
        return engine.process("person-data", context);
    }

    /** Codes and times as the person reads them; a code without a word is shown as it is. */
    public final class Words {

        private final Locale locale;

        Words(Locale locale) {
            this.locale = locale;
        }

        public String of(String kind, Object code) {
            if (code == null) {
                return "";
            }
            return messages.getMessage("person-data." + kind + "." + code, null, String.valueOf(code), locale);
        }

        public String at(Instant instant) {
            return instant == null ? "" : WHEN.format(instant.atZone(BRUSSELS));
        }
    }
}
