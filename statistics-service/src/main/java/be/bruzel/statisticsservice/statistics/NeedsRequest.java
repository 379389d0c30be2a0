package be.bruzel.statisticsservice.statistics;

import be.bruzel.platform.support.problem.RejectedRequestException;
import java.time.Clock;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;

/**
 * The query string of {@code GET /api/statistics/needs}: which questionnaire, per month, quarter or year
 * over a range, optionally in one care zone or municipality. The range is read as for the referrals.
 *
 * @param questionnaire the questionnaire's code, e.g. {@code welzijn-jette}
 */
record NeedsRequest(String questionnaire, String period, String from, String to, String municipality, String careZone) {

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    String questionnaireCode() {
        if (questionnaire == null || questionnaire.isBlank()) {
            throw new RejectedRequestException(
                    HttpStatus.BAD_REQUEST, "statistics.questionnaire.required", "questionnaire");
        }
        if (!CODE.matcher(questionnaire).matches()) {
            throw new RejectedRequestException(
                    HttpStatus.BAD_REQUEST, "statistics.code.invalid", "questionnaire", questionnaire);
        }
        return questionnaire;
    }

    StatisticsQuery toQuery(Clock clock) {
        return new StatisticsRequest("municipality", period, from, to, municipality, null, careZone, null, null, null)
                .toQuery(clock);
    }
}
