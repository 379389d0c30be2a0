package be.bruzel.notificationservice.email;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a mail from {@code mail/*.txt} and {@code mail/*.html} (Thymeleaf) and the messages in
 * the recipient's language, or in Dutch and then French for a mailbox that reads both. A mail says
 * what happened to which referral (a short reference and its themes) and links into the platform;
 * the person's data is not even available here.
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
    private final Mailboxes mailboxes;

    MailTemplates(MessageSource messages, EmailSettings settings, ThemeNames themes, Mailboxes mailboxes) {
        this.messages = messages;
        this.settings = settings;
        this.themes = themes;
        this.mailboxes = mailboxes;
        engine.setTemplateEngineMessageSource(messages);
        engine.addTemplateResolver(resolver("*.txt", TemplateMode.TEXT));
        engine.addTemplateResolver(resolver("*.html", TemplateMode.HTML));
    }

    /** The languages of a mailbox that reads both, in the order its mails are written in. */
    static final String DUTCH_AND_FRENCH = "nl,fr";

    /** One thing that happened to a referral: the kind of notification and its detail code, if any. */
    record Happened(UUID referralId, String type, String detail) {}

    /** A mail's subject and what its template shows, in one language. */
    private record Version(String subject, Map<String, Object> variables) {}

    /** @param languages one language, or several separated by commas: each one's version, one after the other */
    Rendered notification(Happened happened, String languages) {
        return render("notification", languages, locale -> {
            String reference = reference(happened.referralId(), locale);
            return new Version(
                    messages.getMessage("mail.subject." + happened.type(), new Object[] {reference}, locale),
                    Map.of("line", line(happened, reference, locale)));
        });
    }

    /**
     * A service's listing is due for a check: which service, when it was last checked, and where to check it.
     *
     * @param checkedOn the day it was last checked, ISO
     */
    Rendered listingCheck(String serviceId, String checkedOn, String languages) {
        Optional<Mailboxes.ServiceName> name = mailboxes.nameOf(serviceId);
        return render("listing-check", languages, locale -> {
            String service = name.map(known -> locale.getLanguage().equals("fr") ? known.fr() : known.nl())
                    .orElse(serviceId);
            String day = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                    .withLocale(Locale.of(locale.getLanguage(), "BE"))
                    .format(LocalDate.parse(checkedOn));
            return new Version(
                    messages.getMessage("mail.subject.listing-check", new Object[] {service}, locale),
                    Map.of(
                            "line",
                            new Line(
                                    messages.getMessage("mail.line.listing-check", new Object[] {service, day}, locale),
                                    settings.webUrl()
                                            .resolve("/organisation/services/" + serviceId)
                                            .toString())));
        });
    }

    /** Several things that happened on one referral, for one address, in one mail; its themes looked up once. */
    Rendered burst(List<Happened> happened, String languages) {
        return render("digest", languages, locale -> {
            String reference = reference(happened.getFirst().referralId(), locale);
            return new Version(
                    messages.getMessage("mail.subject.burst", new Object[] {happened.size(), reference}, locale),
                    Map.of(
                            "lines",
                            happened.stream()
                                    .map(one -> line(one, reference, locale))
                                    .toList()));
        });
    }

    Rendered digest(List<Happened> happened, String languages) {
        return render(
                "digest",
                languages,
                locale -> new Version(
                        messages.getMessage("mail.subject.digest", new Object[] {happened.size()}, locale),
                        Map.of(
                                "lines",
                                happened.stream()
                                        .map(one -> line(one, reference(one.referralId(), locale), locale))
                                        .toList())));
    }

    private Line line(Happened happened, String reference, Locale locale) {
        String detailText = happened.detail() == null
                ? ""
                : messages.getMessage("mail.detail." + happened.detail(), null, happened.detail(), locale);
        return new Line(
                messages.getMessage("mail.line." + happened.type(), new Object[] {reference, detailText}, locale),
                settings.webUrl().resolve("/referrals/" + happened.referralId()).toString());
    }

    /** Each language's version of the template, then all of them in one mail, the first language first. */
    private Rendered render(String template, String languages, Function<Locale, Version> versionIn) {
        List<String> subjects = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        for (String language : languages.split(",")) {
            Locale locale = Locale.of(language);
            Version version = versionIn.apply(locale);
            Context context = new Context(locale, version.variables());
            context.setVariable("language", language);
            // The footer says why the mail came and links to where the reader chooses which mails they get.
            context.setVariable(
                    "preferences", settings.webUrl().resolve("/settings").toString());
            subjects.add(version.subject());
            texts.add(engine.process(template + ".txt", context));
            bodies.add(engine.process(template + ".html", context));
        }
        String subject = String.join(" / ", subjects);
        Context layout = new Context(Locale.of(languages.split(",")[0]));
        layout.setVariable("subject", subject);
        layout.setVariable("language", languages.split(",")[0]);
        layout.setVariable("versions", bodies);
        return new Rendered(subject, String.join("\n* * *\n\n", texts), engine.process("layout.html", layout));
    }

    /**
     * The first block of the referral's id and its themes, e.g. "1a2b3c4d (Wonen)": enough to find
     * it in a list, nothing about the person.
     */
    private String reference(UUID referralId, Locale locale) {
        String reference = referralId.toString().substring(0, 8);
        String about = themes.of(referralId, locale.getLanguage());
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
