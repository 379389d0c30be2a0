package be.bruzel.statisticsservice.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

class StatisticsCsvTests {

    private final StatisticsCsv csv = new StatisticsCsv(messages());

    @Test
    void aGroupNameThatASpreadsheetWouldRunAsAFormulaIsWrittenAsText() {
        StatisticsReport report = new StatisticsReport(
                "organisation",
                "month",
                YearMonth.of(2026, 1),
                YearMonth.of(2026, 1),
                5,
                List.of(new StatisticsReport.Row(
                        "evil",
                        "=HYPERLINK(\"http://evil.example\";\"x\")",
                        "2026-01",
                        Map.of("submitted", 7),
                        List.of())));

        String written = csv.write(report, Locale.of("nl"));

        assertThat(written)
                .contains("\"'=HYPERLINK(\"\"http://evil.example\"\";\"\"x\"\")\"")
                .doesNotContain(";=", ";\"=")
                .contains(";7;");
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setUseCodeAsDefaultMessage(true);
        return messages;
    }
}
