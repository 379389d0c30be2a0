package be.bruzel.referralservice.questionnaire;

import be.bruzel.platform.directorycopy.Directory;
import be.bruzel.platform.routing.Fact;
import be.bruzel.platform.support.problem.RejectedRequestException;
import be.bruzel.platform.support.security.Caller;
import be.bruzel.platform.support.security.Role;
import be.bruzel.referralservice.routing.ReferralRouting;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The zone's questionnaires: written and published by administrators, asked where the person lives, answered on
 * referrals. Each change of a version locks it, so two administrators cannot publish and edit it at once.
 */
@Service
public class ZoneQuestionnaires {

    static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    /**
     * What a referrer answered, checked, and what the answers say of the person.
     *
     * @param otherNeedOption the chosen option that stands for the other need; none if it was not chosen
     */
    public record Answered(Questionnaire.Answers answers, Map<Fact, Boolean> facts, String otherNeedOption) {}

    private final Questionnaires questionnaires;
    private final ReferralAnswers answers;
    private final Directory directory;
    private final ReferralRouting routing;
    private final Clock clock;

    ZoneQuestionnaires(
            Questionnaires questionnaires,
            ReferralAnswers answers,
            Directory directory,
            ReferralRouting routing,
            Clock clock) {
        this.questionnaires = questionnaires;
        this.answers = answers;
        this.directory = directory;
        this.routing = routing;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<Questionnaire> all() {
        return questionnaires.all();
    }

    /** A version; a draft only for those who write or study questionnaires, for others it does not exist. */
    @Transactional(readOnly = true)
    Questionnaire version(Caller caller, String code, int version) {
        return questionnaires
                .find(code, version)
                .filter(found -> found.status() != Questionnaire.Status.DRAFT
                        || caller.has(Role.ADMINISTRATOR)
                        || caller.has(Role.ANALYST))
                .orElseThrow(() -> RejectedRequestException.notFound("questionnaire.not-found", code, version));
    }

    /** A new draft version: the first of a questionnaire, or the next after the last one. */
    @Transactional
    Questionnaire define(Caller caller, String code, DefineQuestionnaire definition) {
        requireKnown(definition);
        Questionnaire draft = Questionnaire.draft(
                code,
                questionnaires.lastVersion(code) + 1,
                definition.title(),
                definition.municipalitiesOrZone(),
                definition.questions(),
                clock.instant(),
                caller.userId());
        if (questionnaires.hasDraft(code)) {
            throw new RejectedRequestException(HttpStatus.CONFLICT, "questionnaire.draft.exists", null, code);
        }
        questionnaires.add(draft);
        return draft;
    }

    @Transactional
    Questionnaire edit(Caller caller, String code, int version, DefineQuestionnaire definition) {
        requireKnown(definition);
        Questionnaire edited = locked(code, version)
                .edit(
                        definition.title(),
                        definition.municipalitiesOrZone(),
                        definition.questions(),
                        clock.instant(),
                        caller.userId());
        questionnaires.update(edited);
        return edited;
    }

    @Transactional
    Questionnaire publish(Caller caller, String code, int version, LocalDate from) {
        Instant now = clock.instant();
        Questionnaire published =
                locked(code, version).publish(from, LocalDate.ofInstant(now, BRUSSELS), now, caller.userId());
        questionnaires.update(published);
        return published;
    }

    @Transactional
    Questionnaire withdraw(Caller caller, String code, int version) {
        Questionnaire withdrawn = locked(code, version).withdraw(clock.instant(), caller.userId());
        questionnaires.update(withdrawn);
        return withdrawn;
    }

    /**
     * The questionnaire asked where the person lives today: of those in force there, one written for the
     * municipality before one for the whole zone.
     */
    @Transactional(readOnly = true)
    Optional<Questionnaire> current(String postcode, String municipalityNis) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), BRUSSELS);
        String municipality =
                routing.residence(postcode, municipalityNis, today, "").municipalityNis();
        return questionnaires.inForce(today, null).stream()
                .filter(questionnaire -> questionnaire.covers(municipality))
                .min(Comparator.comparing((Questionnaire questionnaire) ->
                                questionnaire.municipalities().isEmpty())
                        .thenComparing(Questionnaire::code));
    }

    /**
     * Checks what a referrer answered where the person lives: a version in force there, options of it only. A
     * version replaced since the referrer opened it must be asked again.
     */
    @Transactional(readOnly = true)
    public Answered answer(AnswersGiven given, String municipalityNis, LocalDate day) {
        Questionnaire asked = questionnaires.inForce(day, given.code()).stream()
                .filter(inForce -> inForce.version() == given.version())
                .findFirst()
                .orElseThrow(() -> notAnswerable(given));
        if (!asked.covers(municipalityNis)) {
            throw new RejectedRequestException(
                    HttpStatus.BAD_REQUEST, "questionnaire.elsewhere", "questionnaire.code", given.code());
        }
        Questionnaire.Answers checked = asked.answer(given.answers(), given.otherNeed());
        return new Answered(
                checked,
                asked.factsOf(checked.optionCodes()),
                asked.otherNeedAmong(checked.optionCodes()).orElse(null));
    }

    /** Why a version that is not the one in force cannot be answered: it never was published, was withdrawn, or not now. */
    private RejectedRequestException notAnswerable(AnswersGiven given) {
        Optional<Questionnaire.Status> status =
                questionnaires.find(given.code(), given.version()).map(Questionnaire::status);
        String reason = status.filter(found -> found != Questionnaire.Status.DRAFT)
                .map(found -> found == Questionnaire.Status.WITHDRAWN
                        ? "questionnaire.withdrawn"
                        : "questionnaire.not-in-force")
                .orElse("questionnaire.unknown");
        return new RejectedRequestException(
                HttpStatus.BAD_REQUEST, reason, "questionnaire.version", given.code(), given.version());
    }

    /** Keeps the answers on each referral of the submission. */
    public void keep(Collection<UUID> referralIds, Questionnaire.Answers answered) {
        answers.keep(referralIds, answered);
    }

    /** What was answered on a referral, for its two sides; none when nothing was, or once erased. */
    public Optional<AnsweredQuestionnaire> answersOn(UUID referralId) {
        return answers.of(referralId).map(answered -> {
            Questionnaire asked = questionnaires
                    .find(answered.questionnaireCode(), answered.version())
                    .orElseThrow();
            return new AnsweredQuestionnaire(
                    asked.code(),
                    asked.version(),
                    asked.title(),
                    asked.answered(answered.optionCodes()),
                    answered.otherNeed());
        });
    }

    /** The answers describe the person: they go with the rest of the person's data. */
    public void erase(Collection<UUID> referralIds) {
        answers.erase(referralIds);
    }

    private Questionnaire locked(String code, int version) {
        return questionnaires
                .lock(code, version)
                .orElseThrow(() -> RejectedRequestException.notFound("questionnaire.not-found", code, version));
    }

    /** Municipalities the territory has, themes the directory has. */
    private void requireKnown(DefineQuestionnaire definition) {
        Set<String> municipalities = directory.municipalityNames().keySet();
        List<String> scope = definition.municipalitiesOrZone();
        for (int index = 0; index < scope.size(); index++) {
            if (!municipalities.contains(scope.get(index))) {
                throw new RejectedRequestException(
                        HttpStatus.BAD_REQUEST,
                        "questionnaire.municipality.unknown",
                        "municipalities[" + index + "]",
                        scope.get(index));
            }
        }
        Set<String> themes =
                directory.themes().stream().map(Directory.Theme::code).collect(Collectors.toSet());
        List<Questionnaire.Question> questions = definition.questions();
        for (int q = 0; q < questions.size(); q++) {
            List<Questionnaire.Option> options = questions.get(q).options();
            for (int o = 0; o < options.size(); o++) {
                for (String theme : options.get(o).themes()) {
                    if (!themes.contains(theme)) {
                        throw new RejectedRequestException(
                                HttpStatus.BAD_REQUEST,
                                "questionnaire.theme.unknown",
                                "questions[" + q + "].options[" + o + "].themes",
                                theme);
                    }
                }
            }
        }
    }
}
