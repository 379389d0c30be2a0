package be.bruzel.statisticsservice.usability;

import be.bruzel.platform.support.problem.RejectedRequestException;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * The System Usability Scale's score of ten answers (Brooke, 1996): the odd statements are positive, the even ones
 * negative; each counts 0 to 4 in the positive direction and their sum times 2.5 gives 0 to 100.
 */
record SusScore(List<Integer> answers, double value) {

    static final int STATEMENTS = 10;

    /** The score of these answers; anything but ten answers from 1 to 5 is refused, naming {@code answers}. */
    static SusScore of(List<Integer> answers) {
        if (answers == null
                || answers.size() != STATEMENTS
                || answers.stream().anyMatch(answer -> answer == null || answer < 1 || answer > 5)) {
            throw new RejectedRequestException(HttpStatus.BAD_REQUEST, "usability.answers.invalid", "answers");
        }
        int sum = 0;
        for (int statement = 0; statement < STATEMENTS; statement++) {
            int answer = answers.get(statement);
            sum += statement % 2 == 0 ? answer - 1 : 5 - answer;
        }
        return new SusScore(List.copyOf(answers), sum * 2.5);
    }
}
