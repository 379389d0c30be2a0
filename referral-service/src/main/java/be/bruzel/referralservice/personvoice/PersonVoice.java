package be.bruzel.referralservice.personvoice;

import be.bruzel.platform.directorycopy.Directory;
import be.bruzel.platform.support.problem.RejectedRequestException;
import be.bruzel.referralservice.referral.ReferralActions;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the person does with the link they were sent: open it (what they are asked, about whom) and answer, once. A
 * link that is forged, mistyped, expired or used is refused with a problem that says which, and changes nothing.
 */
@Service
class PersonVoice {

    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    /**
     * What the page asks about: the person's referral by their referrer on a day, to a service, in their language.
     *
     * @param receiver the service's names, Dutch and French; none for the care zone's helpdesk
     */
    record Question(
            String language, String referrer, LocalDate referredOn, Directory.Name receiver, LocalDate answerBefore) {}

    /** What the person answered, as the platform keeps it. */
    record Answered(Instant answeredAt, boolean contacted, Integer score) {}

    private final PersonSurveys surveys;
    private final SurveyLinks links;
    private final ReferralActions referrals;
    private final Directory directory;
    private final Clock clock;

    PersonVoice(PersonSurveys surveys, SurveyLinks links, ReferralActions referrals, Directory directory, Clock clock) {
        this.surveys = surveys;
        this.links = links;
        this.referrals = referrals;
        this.directory = directory;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    Question open(String token) {
        PersonSurveys.Opened opened = usable(token, clock.instant());
        PersonSurvey survey = opened.survey();
        return new Question(
                opened.language(),
                opened.referrerName(),
                LocalDate.ofInstant(opened.referredAt(), BRUSSELS),
                survey.serviceId() == null
                        ? null
                        : directory.serviceName(survey.serviceId()).orElse(null),
                survey.answerBefore());
    }

    /** Uses the link up: the answer on the referral's timeline and, as codes, in its event. */
    @Transactional
    Answered answer(String token, boolean contacted, Integer score, String comment) {
        Instant now = clock.instant();
        PersonSurvey survey = usable(token, now).survey();
        if (!surveys.answer(survey.linkId(), now, contacted, score)) {
            // Answered in another tab a moment ago.
            throw closed(PersonSurvey.Closed.ANSWERED, survey);
        }
        String words = comment == null || comment.isBlank() ? null : comment.strip();
        referrals.personAnswered(survey.referralId(), contacted, score, words, now);
        return new Answered(now, contacted, score);
    }

    private PersonSurveys.Opened usable(String token, Instant now) {
        PersonSurveys.Opened opened = links.read(token)
                .flatMap(link -> surveys.byLink(link.id()))
                .orElseThrow(
                        () -> new RejectedRequestException(HttpStatus.NOT_FOUND, "person-survey.link.unknown", null)
                                .withProperty("reason", "unknown"));
        PersonSurvey.Closed closed =
                opened.erased() ? PersonSurvey.Closed.EXPIRED : opened.survey().closedAt(now);
        if (closed != null) {
            throw closed(closed, opened.survey());
        }
        return opened;
    }

    private static RejectedRequestException closed(PersonSurvey.Closed closed, PersonSurvey survey) {
        String reason = closed.name().toLowerCase(java.util.Locale.ROOT);
        // The page says until when the link worked, in the person's words for dates.
        return new RejectedRequestException(
                        HttpStatus.GONE, "person-survey.link." + reason, null, survey.answerBefore())
                .withProperty("reason", reason)
                .withProperty("answerBefore", survey.answerBefore().toString());
    }
}
