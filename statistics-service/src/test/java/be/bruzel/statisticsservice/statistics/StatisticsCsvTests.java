package be.bruzel.statisticsservice.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

class StatisticsCsvTests {

    private final StatisticsCsv csv = new StatisticsCsv(messages());

    @Test
    void aGroupNameThatASpreadsheetWouldRunAsAFormulaIsWrittenAsText() {
        StatisticsReport report = januaryBy(
                "organisation",
                new StatisticsReport.Row(
                        "evil",
                        "=HYPERLINK(\"http://evil.example\";\"x\")",
                        "2026-01",
                        Map.of("submitted", 7),
                        List.of()));

        String written = csv.write(report, Locale.of("nl"));

        assertThat(written)
                .contains("\"'=HYPERLINK(\"\"http://evil.example\"\";\"\"x\"\")\"")
                .doesNotContain(";=", ";\"=")
                .contains(";7;");
    }

    @Test
    void aSuppressedFigureLeavesItsCellEmptyAndIsNamedInTheLastColumn() {
        StatisticsReport report = januaryBy(
                "municipality",
                new StatisticsReport.Row(
                        "21010", "Jette", "2026-01", figures("submitted", 12, "declined", null), List.of("declined")));

        List<String> lines = csv.write(report, Locale.of("fr")).lines().toList();

        assertThat(lines.getFirst()).startsWith("\uFEFFCommune;Code;Période;Envoyées;");
        assertThat(lines.getLast())
                .startsWith("Jette;21010;2026-01;12;")
                .doesNotContain("x")
                .endsWith(";Refusées, plus personne");
    }

    /** January 2026 by month, with this one row. */
    private static StatisticsReport januaryBy(String by, StatisticsReport.Row row) {
        return new StatisticsReport(by, "month", YearMonth.of(2026, 1), YearMonth.of(2026, 1), 5, 2, List.of(row));
    }

    private static Map<String, Number> figures(String first, Number firstValue, String second, Number secondValue) {
        Map<String, Number> figures = new HashMap<>();
        figures.put(first, firstValue);
        figures.put(second, secondValue);
        return figures;
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setUseCodeAsDefaultMessage(true);
        return messages;
    }
}
