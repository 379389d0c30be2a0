package be.bruzel.referralservice.questionnaire;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What was answered on each referral, in plain SQL: personal data, gone when the referral's is erased. */
@Repository
class ReferralAnswers {

    private final JdbcClient jdbc;

    ReferralAnswers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void keep(Collection<UUID> referralIds, Questionnaire.Answers answers) {
        jdbc.sql("""
                INSERT INTO referral_answers (referral_id, questionnaire_code, questionnaire_version, option_codes,
                    other_need)
                SELECT referral, :code, :version, :options, :otherNeed FROM unnest(CAST(:referrals AS uuid[])) AS referral
                """)
                .param("referrals", referralIds.toArray(UUID[]::new))
                .param("code", answers.questionnaireCode())
                .param("version", answers.version())
                .param("options", answers.optionCodes().toArray(String[]::new))
                .param("otherNeed", answers.otherNeed())
                .update();
    }

    Optional<Questionnaire.Answers> of(UUID referralId) {
        return jdbc.sql("SELECT * FROM referral_answers WHERE referral_id = :referral")
                .param("referral", referralId)
                .query((row, number) -> new Questionnaire.Answers(
                        row.getString("questionnaire_code"),
                        row.getInt("questionnaire_version"),
                        List.of((String[]) row.getArray("option_codes").getArray()),
                        row.getString("other_need")))
                .optional();
    }

    void erase(Collection<UUID> referralIds) {
        if (referralIds.isEmpty()) {
            return;
        }
        jdbc.sql("DELETE FROM referral_answers WHERE referral_id IN (:referrals)")
                .param("referrals", referralIds)
                .update();
    }
}
