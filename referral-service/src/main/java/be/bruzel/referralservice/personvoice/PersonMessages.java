package be.bruzel.referralservice.personvoice;

import be.bruzel.platform.directorycopy.Directory;
import be.bruzel.referralservice.duplicates.PersonKeys;
import be.bruzel.referralservice.referral.Referral;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * The message that asks the person, in their language and in simple words: who referred them, to whom, the link, until
 * when it works, and that answering is free. By e-mail when they gave an address; else by SMS to a mobile number, when
 * there is an SMS provider. Nothing of their question or situation is in it.
 */
@Component
class PersonMessages {

    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    /** What reaches the person: EMAIL, SMS, or NONE. */
    enum Channel {
        EMAIL,
        SMS,
        NONE
    }

    /** Why a message did not go out: its kind only, never a message that may hold the address. */
    static final class NotSent extends Exception {
        NotSent(String kind, Throwable cause) {
            super(kind, cause);
        }
    }

    private final JavaMailSender mail;
    private final Optional<SmsProvider> sms;
    private final MessageSource messages;
    private final Directory directory;
    private final SurveyLinks links;
    private final PersonVoiceSettings settings;

    PersonMessages(
            JavaMailSender mail,
            Optional<SmsProvider> sms,
            MessageSource messages,
            Directory directory,
            SurveyLinks links,
            PersonVoiceSettings settings) {
        this.mail = mail;
        this.sms = sms;
        this.messages = messages;
        this.directory = directory;
        this.links = links;
        this.settings = settings;
    }

    /** How the person can be reached: an e-mail address first, else a mobile number if SMS can be sent. */
    Channel channelFor(Referral.Person person) {
        if (person.email() != null) {
            return Channel.EMAIL;
        }
        return sms.isPresent() && mobileNumber(person.phone()).isPresent() ? Channel.SMS : Channel.NONE;
    }

    /** Sends the question about this referral to its person, by this channel (not NONE). */
    void ask(Referral referral, PersonSurvey survey, Channel channel) throws NotSent {
        Locale language = Locale.forLanguageTag(referral.person().preferredLanguage());
        DateTimeFormatter dates =
                DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language);
        Object[] words = {
            referral.referrer().name(),
            receiverName(referral, survey, language),
            links.linkTo(survey.link()),
            dates.format(survey.answerBefore()),
            dates.format(referral.times().submittedAt().atZone(BRUSSELS))
        };
        if (channel == Channel.EMAIL) {
            email(
                    referral.person().email(),
                    messages.getMessage("person-survey.mail.subject", null, language),
                    messages.getMessage("person-survey.mail.body", words, language));
        } else {
            try {
                sms.orElseThrow()
                        .send(
                                mobileNumber(referral.person().phone()).orElseThrow(),
                                messages.getMessage("person-survey.sms", words, language));
            } catch (SmsProvider.SmsNotSent failed) {
                throw new NotSent(failed.getMessage(), failed);
            }
        }
    }

    private void email(String to, String subject, String text) throws NotSent {
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
            helper.setFrom(settings.mailFrom());
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(text);
            mail.send(message);
        } catch (MailException | MessagingException failed) {
            throw new NotSent(failed.getClass().getSimpleName(), failed);
        }
    }

    /** The service they were referred to, in their language; the care zone's helpdesk when no service could take it. */
    private String receiverName(Referral referral, PersonSurvey survey, Locale language) {
        boolean french = "fr".equals(language.getLanguage());
        return Optional.ofNullable(survey.serviceId())
                .flatMap(directory::serviceName)
                .map(name -> french ? name.fr() : name.nl())
                .orElseGet(() -> messages.getMessage("person-survey.helpdesk", null, language));
    }

    /**
     * A number an SMS reaches, in international form: a Belgian mobile (04..) or any number given with another
     * country's code; none for a Belgian landline, which cannot take a text.
     */
    static Optional<String> mobileNumber(String phone) {
        if (phone == null) {
            return Optional.empty();
        }
        String national = PersonKeys.normalisedPhone(phone);
        if (national.startsWith("00")) {
            return national.length() >= 10 ? Optional.of(national.substring(2)) : Optional.empty();
        }
        return national.matches("04[5-9][0-9]{7}") ? Optional.of("32" + national.substring(1)) : Optional.empty();
    }
}
