package be.bruzel.statisticsservice.statistics;

import be.bruzel.platform.events.ReferralSubmitted;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The zone's needs questionnaires as answered, one row per submission, in codes: plain SQL. */
@Repository
class AnsweredQuestionnaires {

    private final JdbcClient jdbc;

    AnsweredQuestionnaires(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Keeps the answers of each submission once, however many of its referrals (or replays) bring them: a batch in
     * two statements, whatever its size.
     */
    void record(Collection<ReferralSubmitted> submitted) {
        Map<UUID, ReferralSubmitted> submissions = new LinkedHashMap<>();
        for (ReferralSubmitted event : submitted) {
            if (event.answers() != null && event.submissionId() != null) {
                submissions.putIfAbsent(event.submissionId(), event);
            }
        }
        if (submissions.isEmpty()) {
            return;
        }
        List<ReferralSubmitted> rows = List.copyOf(submissions.values());
        jdbc.sql("""
                INSERT INTO questionnaire_submission (submission_id, questionnaire_code, questionnaire_version,
                    municipality_nis, care_zone_code, month, other_need, record_key)
                SELECT * FROM unnest(CAST(:submissions AS uuid[]), CAST(:codes AS text[]), CAST(:versions AS integer[]),
                    CAST(:municipalities AS text[]), CAST(:zones AS text[]), CAST(:months AS date[]),
                    CAST(:otherNeeds AS boolean[]), CAST(:recordKeys AS smallint[]))
                ON CONFLICT (submission_id) DO NOTHING
                """)
                .param("submissions", column(rows, event -> event.submissionId().toString()))
                .param("codes", column(rows, event -> event.answers().questionnaireCode()))
                .param(
                        "versions",
                        column(rows, event -> String.valueOf(event.answers().questionnaireVersion())))
                .param("municipalities", column(rows, ReferralSubmitted::municipalityNis))
                .param("zones", column(rows, ReferralSubmitted::careZoneCode))
                .param(
                        "months",
                        column(
                                rows,
                                event -> YearMonth.from(event.occurredAt().atZone(ReferralFact.BRUSSELS))
                                        .atDay(1)
                                        .toString()))
                .param(
                        "otherNeeds",
                        column(rows, event -> String.valueOf(event.answers().otherNeed())))
                .param(
                        "recordKeys",
                        column(
                                rows,
                                event -> String.valueOf(event.submissionId().getLeastSignificantBits() & 0xff)))
                .update();
        // The other need's option is counted as the other need, not as one more answer.
        List<String[]> answers = rows.stream()
                .flatMap(event -> event.answers().optionCodes().stream()
                        .filter(option -> !option.equals(event.answers().otherNeedOption()))
                        .map(option -> new String[] {event.submissionId().toString(), option}))
                .toList();
        jdbc.sql("""
                INSERT INTO questionnaire_answer (submission_id, option_code)
                SELECT * FROM unnest(CAST(:submissions AS uuid[]), CAST(:options AS text[]))
                ON CONFLICT DO NOTHING
                """)
                .param("submissions", answers.stream().map(answer -> answer[0]).toArray(String[]::new))
                .param("options", answers.stream().map(answer -> answer[1]).toArray(String[]::new))
                .update();
    }

    /** One column of rows as text, cast in SQL: the driver binds text arrays natively. */
    private static String[] column(List<ReferralSubmitted> rows, Function<ReferralSubmitted, String> value) {
        return rows.stream().map(value).toArray(String[]::new);
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

    /** The submissions with an other need no option names, over every questionnaire, within the query's range and zone. */
    AnswerTable.Counted otherNeeds(StatisticsQuery query) {
        return jdbc.sql("""
                        SELECT count(*) AS other_needs, coalesce(sum(record_key), 0) AS keys FROM questionnaire_submission
                        WHERE other_need AND month BETWEEN :from AND :to
                          AND (CAST(:zone AS text) IS NULL OR care_zone_code = :zone)
                        """)
                .param("from", query.from().atDay(1))
                .param("to", query.to().atDay(1))
                .param("zone", query.filter(StatisticsQuery.Dimension.CARE_ZONE).orElse(null))
                .query((row, number) -> new AnswerTable.Counted(
                        "", query.from(), AnswerTable.OTHER_NEEDS, row.getLong("other_needs"), row.getLong("keys")))
                .single();
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
