package be.bruzel.statisticsservice.statistics;

import be.bruzel.platform.events.ReferralSubmitted;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The zone's needs questionnaires as answered, one row per submission, in codes: plain SQL. */
@Repository
class AnsweredQuestionnaires {

    private final JdbcClient jdbc;

    AnsweredQuestionnaires(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps the answers of each submission once, however many of its referrals (or replays) bring them. */
    void record(Collection<ReferralSubmitted> submitted) {
        for (ReferralSubmitted event : submitted) {
            ReferralSubmitted.Answers answers = event.answers();
            if (answers == null || event.submissionId() == null) {
                continue;
            }
            int inserted = jdbc.sql("""
                    INSERT INTO questionnaire_submission (submission_id, questionnaire_code, questionnaire_version,
                        municipality_nis, care_zone_code, month, other_need, record_key)
                    VALUES (:submission, :code, :version, :municipality, :zone, :month, :otherNeed, :recordKey)
                    ON CONFLICT (submission_id) DO NOTHING
                    """)
                    .param("submission", event.submissionId())
                    .param("code", answers.questionnaireCode())
                    .param("version", answers.questionnaireVersion())
                    .param("municipality", event.municipalityNis())
                    .param("zone", event.careZoneCode())
                    .param(
                            "month",
                            YearMonth.from(event.occurredAt().atZone(ReferralFact.BRUSSELS))
                                    .atDay(1))
                    .param("otherNeed", answers.otherNeed())
                    .param("recordKey", (int) (event.submissionId().getLeastSignificantBits() & 0xff))
                    .update();
            if (inserted == 1) {
                // The other need's option is counted as the other need, not as one more answer.
                jdbc.sql("""
                        INSERT INTO questionnaire_answer (submission_id, option_code)
                        SELECT :submission, option FROM unnest(CAST(:options AS text[])) AS option
                        ON CONFLICT DO NOTHING
                        """)
                        .param("submission", event.submissionId())
                        .param(
                                "options",
                                answers.optionCodes().stream()
                                        .filter(option -> !option.equals(answers.otherNeedOption()))
                                        .toArray(String[]::new))
                        .update();
            }
        }
    }

    /** Submissions, other needs and answers per option, by municipality and month, within the query's range and filters. */
    List<AnswerTable.Counted> counts(String questionnaire, StatisticsQuery query) {
        String where = """
                s.questionnaire_code = :code AND s.month BETWEEN :from AND :to
                AND (CAST(:zone AS text) IS NULL OR s.care_zone_code = :zone)
                AND (CAST(:municipality AS text) IS NULL OR s.municipality_nis = :municipality)
                """;
        List<AnswerTable.Counted> counted = new ArrayList<>();
        bind(jdbc.sql("""
                        SELECT s.municipality_nis, s.month, count(*) AS submissions, sum(s.record_key) AS keys,
                            count(*) FILTER (WHERE s.other_need) AS other_needs,
                            coalesce(sum(s.record_key) FILTER (WHERE s.other_need), 0) AS other_keys
                        FROM questionnaire_submission s
                        WHERE %s
                        GROUP BY s.municipality_nis, s.month
                        """.formatted(where)), questionnaire, query).query(row -> {
            String municipality = Objects.toString(row.getString("municipality_nis"), "");
            YearMonth month = YearMonth.from(row.getDate("month").toLocalDate());
            counted.add(new AnswerTable.Counted(
                    municipality, month, AnswerTable.ANSWERED, row.getLong("submissions"), row.getLong("keys")));
            counted.add(new AnswerTable.Counted(
                    municipality,
                    month,
                    AnswerTable.OTHER_NEEDS,
                    row.getLong("other_needs"),
                    row.getLong("other_keys")));
        });
        counted.addAll(bind(jdbc.sql("""
                        SELECT s.municipality_nis, s.month, a.option_code, count(*) AS answers, sum(s.record_key) AS keys
                        FROM questionnaire_answer a JOIN questionnaire_submission s USING (submission_id)
                        WHERE %s
                        GROUP BY s.municipality_nis, s.month, a.option_code
                        """.formatted(where)), questionnaire, query)
                .query((row, number) -> new AnswerTable.Counted(
                        Objects.toString(row.getString("municipality_nis"), ""),
                        YearMonth.from(row.getDate("month").toLocalDate()),
                        AnswerTable.OPTION + row.getString("option_code"),
                        row.getLong("answers"),
                        row.getLong("keys")))
                .list());
        return counted;
    }

    private static JdbcClient.StatementSpec bind(
            JdbcClient.StatementSpec statement, String questionnaire, StatisticsQuery query) {
        return statement
                .param("code", questionnaire)
                .param("from", query.from().atDay(1))
                .param("to", query.to().atDay(1))
                .param("zone", query.filter(StatisticsQuery.Dimension.CARE_ZONE).orElse(null))
                .param(
                        "municipality",
                        query.filter(StatisticsQuery.Dimension.MUNICIPALITY).orElse(null));
    }
}
