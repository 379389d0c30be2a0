package be.bruzel.statisticsservice.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import be.bruzel.statisticsservice.disclosure.CellKeyPerturbation;
import be.bruzel.statisticsservice.statistics.StatisticsQuery.Dimension;
import be.bruzel.statisticsservice.statistics.StatisticsQuery.Grain;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class AnswerTableTests {

    private static final YearMonth MARCH = YearMonth.of(2026, 3);
    private static final YearMonth APRIL = YearMonth.of(2026, 4);
    private static final StatisticsQuery SPRING =
            new StatisticsQuery(Dimension.MUNICIPALITY, Grain.MONTH, MARCH, APRIL, Map.of());
    private static final Map<String, String> NAMES = Map.of("21010", "Jette", "21008", "Ganshoren");

    private static AnswerTable.Counted counted(String municipality, YearMonth month, String figure, long count) {
        return new AnswerTable.Counted(municipality, month, figure, count, count * 7);
    }

    private static NeedsReport report(List<AnswerTable.Counted> counted, int noise) {
        return AnswerTable.of(
                "welzijn-jette", SPRING, counted, 5, new CellKeyPerturbation(noise, 5), NAMES::get, "Totaal");
    }

    private static NeedsReport.Row row(NeedsReport report, String municipality, String period) {
        return report.rows().stream()
                .filter(row -> Objects.equals(row.municipality(), municipality) && Objects.equals(row.period(), period))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void eachMunicipalityAndMonthCountsItsSubmissionsOtherNeedsAndOptions() {
        NeedsReport report = report(
                List.of(
                        counted("21010", MARCH, AnswerTable.ANSWERED, 12),
                        counted("21010", MARCH, AnswerTable.OTHER_NEEDS, 0),
                        counted("21010", MARCH, AnswerTable.OPTION + "alone-often", 12),
                        counted("21010", APRIL, AnswerTable.ANSWERED, 9),
                        counted("21010", APRIL, AnswerTable.OTHER_NEEDS, 0),
                        counted("21010", APRIL, AnswerTable.OPTION + "alone-often", 9)),
                0);

        assertThat(report.options()).containsExactly("alone-often");
        assertThat(row(report, "21010", "2026-03").name()).isEqualTo("Jette");
        assertThat(row(report, "21010", "2026-03").answered()).isEqualTo(12);
        assertThat(row(report, "21010", "2026-03").answers()).containsEntry("alone-often", 12L);
        assertThat(row(report, "21010", null).answered()).isEqualTo(21);
        assertThat(row(report, null, null).name()).isEqualTo("Totaal");
        assertThat(row(report, null, null).answers()).containsEntry("alone-often", 21L);
        assertThat(report.rows()).allSatisfy(row -> assertThat(row.suppressed()).isEmpty());
    }

    @Test
    void aSmallCountIsSuppressedWithTheCellThatWouldRevealIt() {
        NeedsReport report = report(
                List.of(
                        counted("21010", MARCH, AnswerTable.ANSWERED, 20),
                        counted("21010", MARCH, AnswerTable.OTHER_NEEDS, 2),
                        counted("21010", MARCH, AnswerTable.OPTION + "home", 18),
                        counted("21010", APRIL, AnswerTable.ANSWERED, 20),
                        counted("21010", APRIL, AnswerTable.OTHER_NEEDS, 9),
                        counted("21010", APRIL, AnswerTable.OPTION + "home", 11)),
                0);

        NeedsReport.Row march = row(report, "21010", "2026-03");
        assertThat(march.otherNeeds()).isNull();
        // Otherwise 20 submissions less 18 at home would give the 2 other needs...
        assertThat(march.suppressed()).containsExactlyInAnyOrder(AnswerTable.OTHER_NEEDS, "answers.home");
        NeedsReport.Row april = row(report, "21010", "2026-04");
        // ...and April's 9 taken from the total of 11 would give March's 2, and so on.
        assertThat(april.suppressed()).containsExactlyInAnyOrder(AnswerTable.OTHER_NEEDS, "answers.home");
        assertThat(april.answered()).isEqualTo(20);
        assertThat(row(report, "21010", null).otherNeeds()).isEqualTo(11);
    }

    @Test
    void theOptionsOfACellAreProtectedTogetherWithItsSubmissions() {
        NeedsReport report = report(
                List.of(
                        counted("21010", MARCH, AnswerTable.ANSWERED, 20),
                        counted("21010", MARCH, AnswerTable.OTHER_NEEDS, 0),
                        counted("21010", MARCH, AnswerTable.OPTION + "bills", 3),
                        counted("21010", MARCH, AnswerTable.OPTION + "home", 17)),
                0);

        NeedsReport.Row march = row(report, "21010", "2026-03");
        assertThat(march.answers()).containsEntry("bills", null);
        assertThat(march.suppressed()).contains("answers.bills").hasSizeGreaterThan(1);
    }

    @Test
    void publishedCountsArePerturbedButZeroStaysZero() {
        NeedsReport report = report(
                List.of(
                        counted("21010", MARCH, AnswerTable.ANSWERED, 40),
                        counted("21010", MARCH, AnswerTable.OTHER_NEEDS, 0)),
                2);

        assertThat(row(report, "21010", "2026-03").answered()).isBetween(38L, 42L);
        assertThat(row(report, "21010", "2026-03").otherNeeds()).isZero();
        assertThat(report.perturbedUpTo()).isEqualTo(2);
    }
}
