package be.bruzel.referralservice.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Working days in Belgium: Monday to Friday, except the ten legal public holidays (New Year, Easter
 * Monday, Labour Day, Ascension, Whit Monday, National Day, Assumption, All Saints, Armistice,
 * Christmas). Deadlines to answer a referral are counted in these.
 */
public final class WorkingDays {

    private static final List<MonthDay> FIXED_HOLIDAYS = List.of(
            MonthDay.of(1, 1),
            MonthDay.of(5, 1),
            MonthDay.of(7, 21),
            MonthDay.of(8, 15),
            MonthDay.of(11, 1),
            MonthDay.of(11, 11),
            MonthDay.of(12, 25));

    private WorkingDays() {}

    public static boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY
                && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !publicHolidays(day.getYear()).contains(day);
    }

    /** Working days after {@code from} up to and including {@code to}: Friday to Monday is one. */
    public static int between(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    public static Set<LocalDate> publicHolidays(int year) {
        Set<LocalDate> holidays = new HashSet<>();
        FIXED_HOLIDAYS.forEach(day -> holidays.add(day.atYear(year)));
        LocalDate easter = easterSunday(year);
        holidays.add(easter.plusDays(1));
        holidays.add(easter.plusDays(39));
        holidays.add(easter.plusDays(50));
        return holidays;
    }

    /** The Gregorian computus (Meeus/Jones/Butcher). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
