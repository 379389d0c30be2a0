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
 * The report as a spreadsheet opens it in Belgium: a UTF-8 byte order mark (without it Excel reads
 * "Clôturées" as Windows-1252), semicolons between columns, decimal commas in Dutch and French,
 * the screen's words in the caller's language. A suppressed figure leaves its cell empty, as one
 * with nothing to measure does, and is named in the last column, so an empty cell is never read as
 * a zero nor a flag as a number.
 */
@Component
class StatisticsCsv {

    static final String MEDIA_TYPE = "text/csv";
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private final MessageSource messages;

    StatisticsCsv(MessageSource messages) {
        this.messages = messages;
    }

    String write(StatisticsReport report, Locale locale) {
        NumberFormat numbers = numbersFor(locale);
        StringBuilder csv = new StringBuilder(BYTE_ORDER_MARK);
        List<String> header = new ArrayList<>(List.of(
                text("statistics.column.group." + report.by(), locale),
                text("statistics.column.code", locale),
                text("statistics.column.period", locale)));
        for (Figure figure : Figure.values()) {
            header.add(figureName(figure.key(), locale));
        }
        header.add(text("statistics.column.hidden", locale));
        line(csv, header);
        for (StatisticsReport.Row row : report.rows()) {
            List<String> cells = new ArrayList<>();
            cells.add(row.name());
            cells.add(row.group() == null ? "" : row.group());
            cells.add(row.period() == null ? report.from() + "/" + report.to() : row.period());
            for (Figure figure : Figure.values()) {
                Number value = row.figures().get(figure.key());
                cells.add(value == null ? "" : numbers.format(value));
            }
            cells.add(row.suppressed().stream()
                    .map(key -> figureName(key, locale))
                    .collect(Collectors.joining("; ")));
            line(csv, cells);
        }
        return csv.toString();
    }

    /** The indicators, one figure a line: its indicator's number and name, the figure, its value; hidden ones flagged. */
    String write(IndicatorsReport report, Locale locale) {
        NumberFormat numbers = numbersFor(locale);
        StringBuilder csv = new StringBuilder(BYTE_ORDER_MARK);
        line(
                csv,
                List.of(
                        text("statistics.indicator.column.number", locale),
                        text("statistics.indicator.column.title", locale),
                        text("statistics.indicator.column.figure", locale),
                        text("statistics.indicator.column.value", locale),
                        text("statistics.column.hidden", locale)));
        for (IndicatorsReport.Indicator indicator : report.indicators()) {
            if (indicator.values().isEmpty()) {
                line(csv, List.of(String.valueOf(indicator.number()), indicator.name(), "", "", ""));
            }
            for (IndicatorsReport.Value value : indicator.values()) {
                line(
                        csv,
                        List.of(
                                String.valueOf(indicator.number()),
                                indicator.name(),
                                value.label(),
                                value.value() == null ? "" : numbers.format(value.value()),
                                value.suppressed() ? value.label() : ""));
            }
        }
        return csv.toString();
    }

    private static NumberFormat numbersFor(Locale locale) {
        NumberFormat numbers = NumberFormat.getNumberInstance(
                "en".equals(locale.getLanguage()) ? Locale.UK : Locale.of(locale.getLanguage(), "BE"));
        numbers.setGroupingUsed(false);
        numbers.setMaximumFractionDigits(1);
        return numbers;
    }

    private String figureName(String key, Locale locale) {
        return text("statistics.figure." + key, locale);
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
