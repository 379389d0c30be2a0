package be.bruzel.statisticsservice.statistics;

import be.bruzel.platform.support.csv.SpreadsheetCells;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The report as a spreadsheet opens it in Belgium: semicolons between columns, decimal commas in
 * Dutch and French, headers in the caller's language, {@code x} where a figure is suppressed and
 * nothing where there is nothing to measure.
 */
@Component
class StatisticsCsv {

    static final String MEDIA_TYPE = "text/csv";
    private static final String SUPPRESSED = "x";

    private final MessageSource messages;

    StatisticsCsv(MessageSource messages) {
        this.messages = messages;
    }

    String write(StatisticsReport report, Locale locale) {
        NumberFormat numbers = NumberFormat.getNumberInstance(
                "en".equals(locale.getLanguage()) ? Locale.UK : Locale.of(locale.getLanguage(), "BE"));
        numbers.setGroupingUsed(false);
        numbers.setMaximumFractionDigits(1);
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>(List.of(
                text("statistics.column.group." + report.by(), locale),
                text("statistics.column.name", locale),
                text("statistics.column.period", locale)));
        for (Figure figure : Figure.values()) {
            header.add(text("statistics.figure." + figure.key(), locale));
        }
        line(csv, header);
        for (StatisticsReport.Row row : report.rows()) {
            List<String> cells = new ArrayList<>();
            cells.add(row.group() == null ? "" : row.group());
            cells.add(row.name());
            cells.add(row.period() == null ? report.from() + "/" + report.to() : row.period());
            for (Figure figure : Figure.values()) {
                Number value = row.figures().get(figure.key());
                cells.add(
                        row.suppressed().contains(figure.key())
                                ? SUPPRESSED
                                : value == null ? "" : numbers.format(value));
            }
            line(csv, cells);
        }
        return csv.toString();
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private static void line(StringBuilder csv, List<String> cells) {
        csv.append(cells.stream().map(StatisticsCsv::quoted).collect(Collectors.joining(";")))
                .append("\r\n");
    }

    /**
     * RFC 4180: a cell with a separator, a quote or a line break is quoted, its quotes doubled; one a
     * spreadsheet would run as a formula is text.
     */
    private static String quoted(String value) {
        String cell = SpreadsheetCells.neutralised(value);
        if (cell.contains(";") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            return "\"" + cell.replace("\"", "\"\"") + "\"";
        }
        return cell;
    }
}
