package be.bruzel.platform.support.csv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpreadsheetCellsTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "=HYPERLINK(\"http://evil.example\",\"x\")",
                "+1+cmd|' /C calc'!A0",
                "-2+3",
                "@SUM(A1)",
                "\t=1",
                "\r=1"
            })
    void aCellThatASpreadsheetWouldRunIsWrittenAsTextAndReadBackAsItWas(String formula) {
        String written = SpreadsheetCells.neutralised(formula);

        assertThat(written).startsWith("'").endsWith(formula);
        assertThat(SpreadsheetCells.restored(written)).isEqualTo(formula);
    }

    @ParameterizedTest
    @ValueSource(strings = {"OCMW Jette", "-12", "+32", "-4,5", "50.8503", "", "'quoted on purpose"})
    void numbersAndOrdinaryTextStayAsTheyAre(String cell) {
        assertThat(SpreadsheetCells.neutralised(cell)).isEqualTo(cell);
        assertThat(SpreadsheetCells.restored(cell)).isEqualTo(cell);
    }
}
