package be.bruzel.platform.support.csv;

import java.util.regex.Pattern;

/**
 * CSV files are opened in spreadsheets, which run a cell that begins with {@code = + - @} (or a tab
 * or carriage return) as a formula: a name typed into the platform could then fetch or change what
 * is on the reader's computer. Such a cell is written with a leading apostrophe, which spreadsheets
 * show as text; plain numbers, negative ones included, stay numbers.
 */
public final class SpreadsheetCells {

    private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+([.,]\\d+)?");
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private SpreadsheetCells() {}

    public static String neutralised(String cell) {
        if (cell == null
                || cell.isEmpty()
                || FORMULA_STARTS.indexOf(cell.charAt(0)) < 0
                || NUMBER.matcher(cell).matches()) {
            return cell;
        }
        return "'" + cell;
    }

    /** The cell as it was before {@link #neutralised}: an import of the platform's own export reads what was written. */
    public static String restored(String cell) {
        if (cell != null
                && cell.length() > 1
                && cell.charAt(0) == '\''
                && FORMULA_STARTS.indexOf(cell.charAt(1)) >= 0) {
            return cell.substring(1);
        }
        return cell;
    }
}
