package jp.hikeshi.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The holidays shipped in {@code calendar/syukujitsu.csv}, written by hand, checked against the
 * holidays law (国民の祝日に関する法律) computed from its rules: Happy Monday days, the equinox
 * formula, 振替休日 (a holiday on a Sunday moves to the next day that is no holiday, 第3条第2項)
 * and 国民の休日 (a day between two holidays, 第3条第3項). 2020 and 2021 differ from the rules by
 * the Tokyo Olympics special law, and the differences are listed here one by one.
 */
class ShippedHolidaysTest {

	private final Holidays shipped = LegalDeadlinesTest.shipped();

	@ParameterizedTest(name = "{0}")
	@ValueSource(ints = { 2022, 2023, 2024, 2025, 2026, 2027 })
	void theShippedYearIsTheOneTheLawGives(int year) {
		assertThat(shippedIn(year)).isEqualTo(byTheRules(year));
	}

	@Test
	void in2020TheOlympicsMovedThreeHolidays() {
		Map<LocalDate, String> rules = byTheRules(2020);
		Map<LocalDate, String> shipped = shippedIn(2020);
		assertThat(without(rules, shipped)).containsExactlyEntriesOf(sorted(Map.of(
				LocalDate.of(2020, 7, 20), "海の日",
				LocalDate.of(2020, 8, 11), "山の日",
				LocalDate.of(2020, 10, 12), "スポーツの日")));
		assertThat(without(shipped, rules)).containsExactlyEntriesOf(sorted(Map.of(
				LocalDate.of(2020, 7, 23), "海の日",
				LocalDate.of(2020, 7, 24), "スポーツの日",
				LocalDate.of(2020, 8, 10), "山の日")));
	}

	@Test
	void in2021TheOlympicsMovedThreeHolidaysAndSundaysMountainDayGaveAMonday() {
		Map<LocalDate, String> rules = byTheRules(2021);
		Map<LocalDate, String> shipped = shippedIn(2021);
		assertThat(without(rules, shipped)).containsExactlyEntriesOf(sorted(Map.of(
				LocalDate.of(2021, 7, 19), "海の日",
				LocalDate.of(2021, 8, 11), "山の日",
				LocalDate.of(2021, 10, 11), "スポーツの日")));
		assertThat(without(shipped, rules)).containsExactlyEntriesOf(sorted(Map.of(
				LocalDate.of(2021, 7, 22), "海の日",
				LocalDate.of(2021, 7, 23), "スポーツの日",
				LocalDate.of(2021, 8, 8), "山の日",
				LocalDate.of(2021, 8, 9), "休日")));
	}

	/** The days the brief names, so that a mistake in the rules above cannot hide one in the file. */
	@ParameterizedTest(name = "{0} {1}")
	@CsvSource(textBlock = """
			2020-02-23, 天皇誕生日
			2020-07-23, 海の日
			2020-07-24, スポーツの日
			2020-08-10, 山の日
			2021-07-22, 海の日
			2021-07-23, スポーツの日
			2021-08-08, 山の日
			2021-08-09, 休日
			2024-03-20, 春分の日
			2024-09-22, 秋分の日
			2025-03-20, 春分の日
			2025-09-23, 秋分の日
			2026-03-20, 春分の日
			2026-09-23, 秋分の日
			2027-03-21, 春分の日
			2027-09-23, 秋分の日
			2025-02-24, 休日
			2025-05-06, 休日
			2025-11-24, 休日
			2026-05-06, 休日
			2027-03-22, 休日
			2026-09-22, 休日
			""")
	void theNamedDaysAreThere(LocalDate day, String name) {
		assertThat(this.shipped.nameOf(day)).contains(name);
	}

	@Test
	void theShippedDataCovers2020To2027() {
		assertThat(this.shipped.firstYear()).isEqualTo(2020);
		assertThat(this.shipped.lastYear()).isEqualTo(2027);
		assertThat(this.shipped.coveredUntil()).isEqualTo("2027-12-31");
	}

	private SortedMap<LocalDate, String> shippedIn(int year) {
		SortedMap<LocalDate, String> days = new TreeMap<>();
		this.shipped.byYear().get(year).forEach(holiday -> days.put(holiday.day(), holiday.name()));
		return days;
	}

	/** The holidays of a year from 2020 on, as the law's rules give them without special laws. */
	static SortedMap<LocalDate, String> byTheRules(int year) {
		SortedMap<LocalDate, String> days = new TreeMap<>();
		days.put(LocalDate.of(year, 1, 1), "元日");
		days.put(monday(year, 1, 2), "成人の日");
		days.put(LocalDate.of(year, 2, 11), "建国記念の日");
		days.put(LocalDate.of(year, 2, 23), "天皇誕生日");
		days.put(LocalDate.of(year, 3, equinox(20.8431, year)), "春分の日");
		days.put(LocalDate.of(year, 4, 29), "昭和の日");
		days.put(LocalDate.of(year, 5, 3), "憲法記念日");
		days.put(LocalDate.of(year, 5, 4), "みどりの日");
		days.put(LocalDate.of(year, 5, 5), "こどもの日");
		days.put(monday(year, 7, 3), "海の日");
		days.put(LocalDate.of(year, 8, 11), "山の日");
		days.put(monday(year, 9, 3), "敬老の日");
		days.put(LocalDate.of(year, 9, equinox(23.2488, year)), "秋分の日");
		days.put(monday(year, 10, 2), "スポーツの日");
		days.put(LocalDate.of(year, 11, 3), "文化の日");
		days.put(LocalDate.of(year, 11, 23), "勤労感謝の日");
		List<LocalDate> rest = new ArrayList<>();
		// 国民の休日: a day that is no holiday, between two holidays (only 祝日, not 振替休日)
		for (LocalDate day : days.keySet()) {
			LocalDate between = day.plusDays(1);
			if (!days.containsKey(between) && days.containsKey(between.plusDays(1))) {
				rest.add(between);
			}
		}
		// 振替休日: a holiday on a Sunday gives the nearest later day that is no holiday
		for (LocalDate day : days.keySet()) {
			if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
				LocalDate substitute = day.plusDays(1);
				while (days.containsKey(substitute)) {
					substitute = substitute.plusDays(1);
				}
				rest.add(substitute);
			}
		}
		rest.forEach(day -> days.put(day, "休日"));
		return days;
	}

	/** The n-th Monday of a month (ハッピーマンデー制度). */
	private static LocalDate monday(int year, int month, int n) {
		return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, DayOfWeek.MONDAY));
	}

	/**
	 * The day of an equinox by the usual approximation for 1980–2099 (the official day is fixed in
	 * February of the year before, by the National Astronomical Observatory's 暦要項).
	 */
	private static int equinox(double base, int year) {
		return (int) Math.floor(base + 0.242194 * (year - 1980) - Math.floor((year - 1980) / 4.0));
	}

	private static SortedMap<LocalDate, String> without(Map<LocalDate, String> days, Map<LocalDate, String> others) {
		SortedMap<LocalDate, String> rest = new TreeMap<>(days);
		others.forEach(rest::remove);
		return rest;
	}

	private static SortedMap<LocalDate, String> sorted(Map<LocalDate, String> days) {
		return new TreeMap<>(days);
	}

}
