package jp.hikeshi.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Counts the PPC's deadlines as the PPC counts them (GL 通則編 3-5-3-3, 3-5-3-4): the Japanese
 * calendar day on which the company knew is day 1, whatever the company's display zone; a
 * day-deadline ends at 24:00 JST of its last day; the 確報 (final report) deadline of 30 or 60
 * days moves forward past 行政機関の休日 — the days government offices are closed: Saturdays,
 * Sundays, national holidays and 29 December to 3 January (行政機関の休日に関する法律 第1条; the
 * move itself is its 第2条).
 * The 速報 (preliminary report) targets of day 3 and day 5 do not move.
 */
@Component
public class LegalDeadlines {

	public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	/** 年末年始: government offices close from 29 December to 3 January. */
	private static final MonthDay YEAR_END_FROM = MonthDay.of(12, 29);

	private static final MonthDay NEW_YEAR_UNTIL = MonthDay.of(1, 3);

	private final Supplier<Holidays> holidays;

	@Autowired
	LegalDeadlines(HolidayCalendar calendar) {
		this(calendar::current);
	}

	/** Counts against holidays from elsewhere: a test's fixed list. */
	LegalDeadlines(Supplier<Holidays> holidays) {
		this.holidays = holidays;
	}

	/** The Japanese calendar day on which the company knew: day 1. Always Asia/Tokyo. */
	public LocalDate dayOne(Instant knewAt) {
		return LocalDate.ofInstant(knewAt, JAPAN);
	}

	/** The n-th day counting dayOne as day 1, no roll-over (速報: n = 3 target, 5 limit). */
	public LocalDate day(Instant knewAt, int n) {
		if (n < 1) {
			throw new IllegalArgumentException("Days are counted from 1 (the day the company knew), not " + n);
		}
		return dayOne(knewAt).plusDays(n - 1L);
	}

	/**
	 * The n-th day counting dayOne as day 1, moved forward past Saturdays, Sundays, national
	 * holidays and 12/29–1/3 (行政機関の休日, 確報 30/60 days).
	 */
	public LocalDate dayRolledForward(Instant knewAt, int n) {
		Holidays known = this.holidays.get();
		LocalDate day = day(knewAt, n);
		while (isClosed(day, known)) {
			day = day.plusDays(1);
		}
		return day;
	}

	/** Whether a day is a 行政機関の休日 (Sat, Sun, national holiday, 12/29–1/3). */
	public boolean isClosed(LocalDate day) {
		return isClosed(day, this.holidays.get());
	}

	/**
	 * The last day the holiday data covers (31 Dec of the last year in the table); a deadline
	 * after it is shown with a warning.
	 */
	public LocalDate coveredUntil() {
		return this.holidays.get().coveredUntil();
	}

	/** The instant a day-deadline ends: 24:00 JST of that day. */
	public static Instant endOf(LocalDate lastDay) {
		return lastDay.plusDays(1).atStartOfDay(JAPAN).toInstant();
	}

	private static boolean isClosed(LocalDate day, Holidays holidays) {
		DayOfWeek weekday = day.getDayOfWeek();
		MonthDay monthDay = MonthDay.from(day);
		return weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY || !monthDay.isBefore(YEAR_END_FROM)
				|| !monthDay.isAfter(NEW_YEAR_UNTIL) || holidays.isHoliday(day);
	}

}
