package be.bruzel.referralservice.questionnaire;

import java.util.List;

/**
 * What was answered on a referral, for its referrer and its receiving organisation: each question with the option
 * chosen, in both languages, and the other need in the referrer's words.
 */
public record AnsweredQuestionnaire(
        String code, int version, Questionnaire.Text title, List<Answer> answers, String otherNeed) {

    public record Answer(String optionCode, Questionnaire.Text question, Questionnaire.Text option) {}
}
