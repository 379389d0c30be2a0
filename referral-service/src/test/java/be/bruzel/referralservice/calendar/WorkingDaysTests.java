package be.bruzel.referralservice.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class WorkingDaysTests {

    @Test
    void easterAndTheHolidaysThatHangOnItFallOnTheirDays() {
        assertThat(WorkingDays.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(WorkingDays.publicHolidays(2026))
                .contains(
                        LocalDate.of(2026, 4, 6),
                        LocalDate.of(2026, 5, 14),
                        LocalDate.of(2026, 5, 25),
                        LocalDate.of(2026, 7, 21),
                        LocalDate.of(2026, 11, 11))
                .hasSize(10);
    }

    @Test
    void weekendsAndPublicHolidaysDoNotCount() {
        assertThat(WorkingDays.between(LocalDate.of(2026, 3, 6), LocalDate.of(2026, 3, 9)))
                .isEqualTo(1);
        assertThat(WorkingDays.between(LocalDate.of(2026, 4, 3), LocalDate.of(2026, 4, 7)))
                .isEqualTo(1);
        assertThat(WorkingDays.between(LocalDate.of(2026, 12, 24), LocalDate.of(2027, 1, 4)))
                .isEqualTo(5);
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2026, 11, 11))).isFalse();
    }
}
