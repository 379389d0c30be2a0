package be.bruzel.referralservice.questionnaire;

import be.bruzel.platform.routing.Fact;
import be.bruzel.referralservice.questionnaire.Questionnaire.FactMark;
import be.bruzel.referralservice.questionnaire.Questionnaire.Option;
import be.bruzel.referralservice.questionnaire.Questionnaire.Question;
import be.bruzel.referralservice.questionnaire.Questionnaire.Text;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo's questionnaire, as the rollout starts: asked in Jette, published from the day the demo first starts.
 * Only where {@code platform.referrals.demo-questionnaire} is true (the demo profile).
 */
@Component
@ConditionalOnBooleanProperty("platform.referrals.demo-questionnaire")
class DemoQuestionnaire implements ApplicationRunner {

    static final String CODE = "welzijn-jette";
    private static final String JETTE = "21010";
    private static final String ACTOR = "demo-data";

    private final Questionnaires questionnaires;
    private final Clock clock;

    DemoQuestionnaire(Questionnaires questionnaires, Clock clock) {
        this.questionnaires = questionnaires;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!questionnaires.noneYet(CODE)) {
            return;
        }
        Instant now = clock.instant();
        questionnaires.add(Questionnaire.draft(
                        CODE,
                        1,
                        new Text("Welzijnsvragen Jette", "Questions de bien-être Jette"),
                        List.of(JETTE),
                        QUESTIONS,
                        now,
                        ACTOR)
                .publish(
                        LocalDate.ofInstant(now, ZoneQuestionnaires.BRUSSELS),
                        LocalDate.ofInstant(now, ZoneQuestionnaires.BRUSSELS),
                        now,
                        ACTOR));
    }

    private static final List<Question> QUESTIONS = List.of(
            new Question(
                    "alone",
                    new Text("Hoe vaak voelt u zich alleen?", "À quelle fréquence vous sentez-vous seul·e ?"),
                    false,
                    List.of(
                            option("alone-often", "Vaak", "Souvent", "loneliness"),
                            option("alone-sometimes", "Soms", "Parfois", "loneliness"),
                            option("alone-rarely", "Zelden of nooit", "Rarement ou jamais"))),
            new Question(
                    "household",
                    new Text("Woont u alleen?", "Vivez-vous seul·e ?"),
                    false,
                    List.of(
                            new Option(
                                    "lives-alone",
                                    new Text("Ja", "Oui"),
                                    List.of(),
                                    new FactMark(Fact.LIVES_ALONE, true),
                                    false),
                            new Option(
                                    "lives-with-others",
                                    new Text("Nee", "Non"),
                                    List.of(),
                                    new FactMark(Fact.LIVES_ALONE, false),
                                    false))),
            new Question(
                    "worries",
                    new Text("Waarover maakt u zich zorgen?", "Qu’est-ce qui vous préoccupe ?"),
                    true,
                    List.of(
                            option("bills", "Rekeningen betalen", "Payer les factures", "finances"),
                            option("paperwork", "Papieren en administratie", "Papiers et démarches", "rights"),
                            option("home", "Mijn woning", "Mon logement", "housing"),
                            option("help-at-home", "Hulp thuis", "De l’aide à domicile", "care-at-home"),
                            new Option("other-need", new Text("Iets anders", "Autre chose"), List.of(), null, true))));

    private static Option option(String code, String nl, String fr, String... themes) {
        return new Option(code, new Text(nl, fr), List.of(themes), null, false);
    }
}
