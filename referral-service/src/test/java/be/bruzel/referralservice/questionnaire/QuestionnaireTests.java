package be.bruzel.referralservice.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import be.bruzel.platform.routing.Fact;
import be.bruzel.platform.support.problem.RejectedRequestException;
import be.bruzel.referralservice.questionnaire.Questionnaire.FactMark;
import be.bruzel.referralservice.questionnaire.Questionnaire.Option;
import be.bruzel.referralservice.questionnaire.Questionnaire.Question;
import be.bruzel.referralservice.questionnaire.Questionnaire.Text;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuestionnaireTests {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-12-06");

    private static final List<Question> QUESTIONS = List.of(
            new Question(
                    "household",
                    text("Woont u alleen?"),
                    false,
                    List.of(
                            option("lives-alone", new FactMark(Fact.LIVES_ALONE, true), false),
                            option("lives-with-others", new FactMark(Fact.LIVES_ALONE, false), false))),
            new Question(
                    "worries",
                    text("Waarover maakt u zich zorgen?"),
                    true,
                    List.of(
                            new Option("bills", text("Rekeningen"), List.of("finances"), null, false),
                            new Option("alone", text("Eenzaamheid"), List.of("loneliness", "finances"), null, false),
                            option("other", null, true))));

    @Test
    void aPublishedVersionIsNeverEditedNorPublishedAgain() {
        Questionnaire published = draft().publish(TODAY, TODAY, NOW, "admin");

        assertThat(published.status()).isEqualTo(Questionnaire.Status.PUBLISHED);
        assertThat(published.validFrom()).isEqualTo(TODAY);
        assertRefused(
                () -> published.edit(text("Nieuw"), List.of(), QUESTIONS, NOW, "admin"),
                "questionnaire.published.fixed");
        assertRefused(() -> published.publish(TODAY, TODAY, NOW, "admin"), "questionnaire.published.fixed");
    }

    @Test
    void aVersionIsNotPublishedFromADayThatHasPassed() {
        assertRefused(() -> draft().publish(TODAY.minusDays(1), TODAY, NOW, "admin"), "questionnaire.valid-from.past");
    }

    @Test
    void onlyAPublishedVersionIsWithdrawn() {
        assertRefused(() -> draft().withdraw(NOW, "admin"), "questionnaire.withdraw.not-published");
        assertThat(draft().publish(TODAY, TODAY, NOW, "admin")
                        .withdraw(NOW, "admin")
                        .status())
                .isEqualTo(Questionnaire.Status.WITHDRAWN);
    }

    @Test
    void codesAreUniqueAndThereIsOneOtherNeedAtMost() {
        List<Question> twice = List.of(
                QUESTIONS.get(0),
                new Question("again", text("?"), false, QUESTIONS.get(0).options()));
        List<Question> twoOthers = List.of(new Question(
                "worries", text("?"), true, List.of(option("other-1", null, true), option("other-2", null, true))));

        assertRefused(
                () -> Questionnaire.draft("q", 1, text("Q"), List.of(), twice, NOW, "admin"),
                "questionnaire.code.twice");
        assertRefused(
                () -> Questionnaire.draft("q", 1, text("Q"), List.of(), twoOthers, NOW, "admin"),
                "questionnaire.other-need.once");
    }

    @Test
    void answersAreOptionsOfThisVersionOnePerSingleChoiceQuestion() {
        Questionnaire questionnaire = draft();

        RejectedRequestException unknown = refusal(() -> questionnaire.answer(List.of("bills", "debts"), null));
        assertThat(unknown.messageCode()).isEqualTo("questionnaire.option.unknown");
        assertThat(unknown.field()).isEqualTo("questionnaire.answers[1]");
        assertRefused(
                () -> questionnaire.answer(List.of("lives-alone", "lives-with-others"), null),
                "questionnaire.answers.one-only");
        assertThat(questionnaire
                        .answer(List.of("bills", "alone", "bills"), null)
                        .optionCodes())
                .containsExactly("bills", "alone");
    }

    @Test
    void theOtherNeedIsSaidWithItsOptionAndOnlyWithIt() {
        Questionnaire questionnaire = draft();

        assertThat(refusal(() -> questionnaire.answer(List.of("other"), "  ")).field())
                .isEqualTo("questionnaire.otherNeed");
        assertRefused(
                () -> questionnaire.answer(List.of("bills"), "Hulp met de hond"),
                "questionnaire.other-need.without-option");
        assertThat(questionnaire.answer(List.of("other"), " Hulp met de hond ").otherNeed())
                .isEqualTo("Hulp met de hond");
    }

    @Test
    void theAnswersSayFacts() {
        Questionnaire questionnaire = draft();

        assertThat(questionnaire.factsOf(List.of("lives-alone", "bills"))).isEqualTo(Map.of(Fact.LIVES_ALONE, true));
        assertThat(questionnaire.factsOf(List.of("bills"))).isEmpty();
    }

    @Test
    void aQuestionnaireForSomeMunicipalitiesCoversOnlyThemAndOneForTheZoneCoversAll() {
        Questionnaire jette = Questionnaire.draft("q", 1, text("Q"), List.of("21010"), QUESTIONS, NOW, "admin");

        assertThat(jette.covers("21010")).isTrue();
        assertThat(jette.covers("21008")).isFalse();
        assertThat(draft().covers("21008")).isTrue();
    }

    private static Questionnaire draft() {
        return Questionnaire.draft("welzijn", 1, text("Welzijn"), List.of(), QUESTIONS, NOW, "admin");
    }

    private static Option option(String code, FactMark fact, boolean otherNeed) {
        return new Option(code, text(code), List.of(), fact, otherNeed);
    }

    private static Text text(String nl) {
        return new Text(nl, nl + " (fr)");
    }

    private static void assertRefused(Runnable action, String messageCode) {
        assertThat(refusal(action).messageCode()).isEqualTo(messageCode);
    }

    private static RejectedRequestException refusal(Runnable action) {
        try {
            action.run();
        } catch (RejectedRequestException refused) {
            return refused;
        }
        throw new AssertionError("not refused");
    }
}
