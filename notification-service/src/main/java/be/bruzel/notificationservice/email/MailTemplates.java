package be.bruzel.notificationservice.email;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a mail from {@code mail/*.txt} and {@code mail/*.html} (Thymeleaf) and the messages in
 * the recipient's language. A mail says what happened to which referral (a short reference and its
 * themes) and links into the platform; the person's data is not even available here.
 */
@Component
class MailTemplates {

    /** A mail ready to send: subject, plain text and HTML. */
    record Rendered(String subject, String text, String html) {}

    /** One line of a mail: what happened, and where to look. */
    record Line(String text, String link) {}

    private final SpringTemplateEngine engine = new SpringTemplateEngine();
    private final MessageSource messages;
    private final EmailSettings settings;
    private final ThemeNames themes;

    MailTemplates(MessageSource messages, EmailSettings settings, ThemeNames themes) {
        this.messages = messages;
        this.settings = settings;
        this.themes = themes;
        engine.setTemplateEngineMessageSource(messages);
        engine.addTemplateResolver(resolver("*.txt", TemplateMode.TEXT));
        engine.addTemplateResolver(resolver("*.html", TemplateMode.HTML));
    }

    /** One thing that happened: the kind of notification and its detail code, if any. */
    record Happened(String type, String detail) {}

    Rendered notification(String type, UUID referralId, String detail, String language) {
        Locale locale = Locale.of(language);
        String reference = reference(referralId, language);
        String subject = messages.getMessage("mail.subject." + type, new Object[] {reference}, locale);
        return render(
                "notification", subject, Map.of("line", line(type, referralId, reference, detail, locale)), locale);
    }

    /** Several things that happened on one referral, for one address, in one mail; its themes looked up once. */
    Rendered burst(UUID referralId, List<Happened> happened, String language) {
        Locale locale = Locale.of(language);
        String reference = reference(referralId, language);
        List<Line> lines = happened.stream()
                .map(one -> line(one.type(), referralId, reference, one.detail(), locale))
                .toList();
        String subject = messages.getMessage("mail.subject.burst", new Object[] {lines.size(), reference}, locale);
        return render("digest", subject, Map.of("lines", lines), locale);
    }

    Rendered digest(List<Line> lines, String language) {
        Locale locale = Locale.of(language);
        String subject = messages.getMessage("mail.subject.digest", new Object[] {lines.size()}, locale);
        return render("digest", subject, Map.of("lines", lines), locale);
    }

    Line line(String type, UUID referralId, String detail, Locale locale) {
        return line(type, referralId, reference(referralId, locale.getLanguage()), detail, locale);
    }

    private Line line(String type, UUID referralId, String reference, String detail, Locale locale) {
        String detailText = detail == null ? "" : messages.getMessage("mail.detail." + detail, null, detail, locale);
        return new Line(
                messages.getMessage("mail.line." + type, new Object[] {reference, detailText}, locale),
                settings.webUrl().resolve("/referrals/" + referralId).toString());
    }

    private Rendered render(String template, String subject, Map<String, Object> variables, Locale locale) {
        Context context = new Context(locale, variables);
        context.setVariable("subject", subject);
        context.setVariable("language", locale.getLanguage());
        // The footer says why the mail came and links to where the reader chooses which mails they get.
        context.setVariable(
                "preferences", settings.webUrl().resolve("/settings").toString());
        return new Rendered(
                subject, engine.process(template + ".txt", context), engine.process(template + ".html", context));
    }

    /**
     * The first block of the referral's id and its themes, e.g. "1a2b3c4d (Wonen)": enough to find
     * it in a list, nothing about the person.
     */
    private String reference(UUID referralId, String language) {
        String reference = referralId.toString().substring(0, 8);
        String about = themes.of(referralId, language);
        return about.isEmpty() ? reference : reference + " (" + about + ")";
    }

    private static ClassLoaderTemplateResolver resolver(String pattern, TemplateMode mode) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("mail/");
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCheckExistence(true);
        return resolver;
    }
}
