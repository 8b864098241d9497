package jp.hikeshi.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The PPC's counting (DOMAIN.md §4.1) against the holidays shipped with the app: the day the
 * company knew is day 1, in Japan; the 確報's last day moves past weekends, national holidays
 * and 12/29–1/3; the 速報's days do not move.
 */
class LegalDeadlinesTest {

	private final LegalDeadlines deadlines = new LegalDeadlines(LegalDeadlinesTest::shipped);

	@ParameterizedTest(name = "knew {0} JST, day {1} is {2}, due {3}")
	@CsvSource(textBlock = """
			# knew (JST),       n,  day n (no roll), due
			# DOMAIN.md's examples
			2026-01-10T10:00,   30, 2026-02-08,      2026-02-09
			2026-12-29T10:00,   30, 2027-01-27,      2027-01-27
			# month ends and leap years
			2026-01-31T10:00,   30, 2026-03-01,      2026-03-02
			2024-01-31T10:00,   30, 2024-02-29,      2024-02-29
			2024-02-01T10:00,   30, 2024-03-01,      2024-03-01
			2023-02-01T10:00,   30, 2023-03-02,      2023-03-02
			2024-12-31T23:59,   60, 2025-02-28,      2025-02-28
			# Golden Week with substitute holidays: 2025 (5/6 for Sunday 5/4), 2026 (5/6 for Sunday 5/3)
			2025-04-04T10:00,   30, 2025-05-03,      2025-05-07
			2026-04-04T10:00,   30, 2026-05-03,      2026-05-07
			2026-04-07T10:00,   30, 2026-05-06,      2026-05-07
			2024-03-31T10:00,   30, 2024-04-29,      2024-04-30
			# Silver Week 2026: Sat 9/19 to 秋分の日 9/23, with the citizens' holiday 9/22
			2026-08-21T10:00,   30, 2026-09-19,      2026-09-24
			2026-08-24T10:00,   30, 2026-09-22,      2026-09-24
			# other substitute holidays
			2025-01-25T10:00,   30, 2025-02-23,      2025-02-25
			2025-10-25T10:00,   30, 2025-11-23,      2025-11-25
			2027-02-19T10:00,   30, 2027-03-20,      2027-03-23
			# the year end (12/29–1/3), then the first Sunday of 2026
			2026-11-30T10:00,   30, 2026-12-29,      2027-01-04
			2025-12-02T10:00,   30, 2025-12-31,      2026-01-05
			# 60 days (ground (3): an improper purpose)
			2026-01-10T10:00,   60, 2026-03-10,      2026-03-10
			2026-03-05T10:00,   60, 2026-05-03,      2026-05-07
			2026-10-31T10:00,   60, 2026-12-29,      2027-01-04
			2025-11-02T10:00,   60, 2025-12-31,      2026-01-05
			# knowing just before midnight JST: that day is day 1
			2026-01-09T23:59,   30, 2026-02-07,      2026-02-09
			""")
	void theFinalReportIsDueOnTheNextOpenDay(LocalDateTime knewInJapan, int n, LocalDate dayN, LocalDate due) {
		Instant knewAt = knewInJapan.atZone(LegalDeadlines.JAPAN).toInstant();
		assertThat(this.deadlines.day(knewAt, n)).isEqualTo(dayN);
		assertThat(this.deadlines.dayRolledForward(knewAt, n)).isEqualTo(due);
		assertThat(this.deadlines.isClosed(due)).isFalse();
	}

	@ParameterizedTest(name = "{0} is day one {1}")
	@CsvSource(textBlock = """
			2026-12-01T14:59:59Z, 2026-12-01
			2026-12-01T15:00:00Z, 2026-12-02
			2026-12-01T16:00:00Z, 2026-12-02
			2026-12-31T15:00:00Z, 2027-01-01
			2024-02-28T15:30:00Z, 2024-02-29
			""")
	void dayOneIsTheDayInJapanWhateverTheZone(Instant knewAt, LocalDate dayOne) {
		assertThat(this.deadlines.dayOne(knewAt)).isEqualTo(dayOne);
		assertThat(this.deadlines.day(knewAt, 1)).isEqualTo(dayOne);
	}

	@Test
	void thePreliminaryDaysDoNotMove() {
		// 2026-12-02 01:00 JST: day 3 is Friday 12/4, day 5 is Sunday 12/6 and stays there
		Instant knewAt = Instant.parse("2026-12-01T16:00:00Z");
		assertThat(this.deadlines.day(knewAt, 3)).isEqualTo("2026-12-04");
		assertThat(this.deadlines.day(knewAt, 5)).isEqualTo("2026-12-06");
		assertThat(this.deadlines.dayRolledForward(knewAt, 5)).isEqualTo("2026-12-07");
	}

	@Test
	void daysAreCountedFromOne() {
		Instant knewAt = Instant.parse("2026-12-01T16:00:00Z");
		assertThatIllegalArgumentException().isThrownBy(() -> this.deadlines.day(knewAt, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> this.deadlines.dayRolledForward(knewAt, -1));
	}

	@ParameterizedTest(name = "{0} closed: {1}")
	@CsvSource(textBlock = """
			2026-12-28, false
			2026-12-29, true
			2026-12-31, true
			2027-01-01, true
			2027-01-03, true
			2027-01-04, false
			2026-09-22, true
			2026-05-06, true
			2026-05-07, false
			2026-02-07, true
			2026-02-08, true
			2024-02-29, false
			2027-03-22, true
			""")
	void closedDaysAreWeekendsHolidaysAndTheYearEnd(LocalDate day, boolean closed) {
		assertThat(this.deadlines.isClosed(day)).isEqualTo(closed);
	}

	@Test
	void aDeadlineAfterTheHolidayDataStillSkipsWeekendsAndTheYearEndButNotItsHolidays() {
		assertThat(this.deadlines.coveredUntil()).isEqualTo("2027-12-31");
		Instant knewAt = LocalDateTime.parse("2027-12-01T10:00").atZone(LegalDeadlines.JAPAN).toInstant();
		assertThat(this.deadlines.dayRolledForward(knewAt, 30)).isEqualTo("2028-01-04");
		// 成人の日 2028 is Monday 10 January, which the data does not hold yet: the page warns
		Instant later = LocalDateTime.parse("2027-12-12T10:00").atZone(LegalDeadlines.JAPAN).toInstant();
		LocalDate due = this.deadlines.dayRolledForward(later, 30);
		assertThat(due).isEqualTo("2028-01-10").isAfter(this.deadlines.coveredUntil());
	}

	@Test
	void withoutAnyHolidayDataEveryDayIsBeyondIt() {
		LegalDeadlines none = new LegalDeadlines(() -> Holidays.of(java.util.List.of()));
		assertThat(none.coveredUntil()).isBefore(LocalDate.of(1900, 1, 1));
		assertThat(none.isClosed(LocalDate.parse("2026-05-06"))).isFalse();
	}

	@ParameterizedTest(name = "{0} ends at {1}")
	@CsvSource(textBlock = """
			2026-12-05, 2026-12-05T15:00:00Z
			2026-12-31, 2026-12-31T15:00:00Z
			2024-02-29, 2024-02-29T15:00:00Z
			""")
	void aDayEndsAtMidnightInJapan(LocalDate lastDay, Instant end) {
		assertThat(LegalDeadlines.endOf(lastDay)).isEqualTo(end);
	}

	static Holidays shipped() {
		try (InputStream in = new ClassPathResource(HolidayCalendar.SHIPPED_FILE).getInputStream()) {
			return Holidays.of(HolidayCsv.parse(in));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
