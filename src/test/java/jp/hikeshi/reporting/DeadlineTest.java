package jp.hikeshi.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import jp.hikeshi.calendar.LegalDeadlines;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a deadline stands on a given day in Japan: a 速報 (target day 3, limit day 5), a 確報
 * (a last day), GDPR's 72 hours, 「速やかに」 and IPA's none.
 */
class DeadlineTest {

	private static final LocalDate TARGET = LocalDate.of(2026, 12, 3);

	private static final LocalDate LIMIT = LocalDate.of(2026, 12, 5);

	@ParameterizedTest(name = "速報 on {0} at {1} JST: {2}")
	@CsvSource({ "2026-12-01, 09:00, ON_TRACK", "2026-12-03, 23:59, ON_TRACK", "2026-12-04, 00:00, DUE_SOON",
			"2026-12-05, 23:59, DUE_SOON", "2026-12-06, 00:00, OVERDUE" })
	void aPreliminaryReportIsNearOnceItsTargetHasPassed(LocalDate day, LocalTime time, Deadline.Urgency expected) {
		Deadline deadline = Deadline.onDay(DeadlineRule.DAYS_3_TO_5, TARGET, LIMIT);
		assertThat(deadline.urgency(japan(day, time))).isEqualTo(expected);
	}

	@ParameterizedTest(name = "確報 due {0}, on {1}: {2}, {3} days left")
	@CsvSource({ "2027-02-09, 2027-02-06, ON_TRACK, 3", "2027-02-09, 2027-02-08, DUE_SOON, 1",
			"2027-02-09, 2027-02-09, DUE_SOON, 0", "2027-02-09, 2027-02-10, OVERDUE, -1" })
	void aFinalReportCountsCalendarDaysInJapan(LocalDate lastDay, LocalDate today, Deadline.Urgency expected,
			long left) {
		Deadline deadline = Deadline.onDay(DeadlineRule.DAYS_30, null, lastDay);
		assertThat(deadline.urgency(japan(today, LocalTime.NOON))).isEqualTo(expected);
		assertThat(deadline.daysLeft(today)).isEqualTo(left);
		assertThat(deadline.end()).isEqualTo(LegalDeadlines.endOf(lastDay));
	}

	@ParameterizedTest(name = "72 hours, {0} hours later: {1}")
	@CsvSource({ "1, ON_TRACK", "49, DUE_SOON", "72, DUE_SOON", "73, OVERDUE" })
	void gdprCountsHoursFromAwareness(long hours, Deadline.Urgency expected) {
		Instant aware = Instant.parse("2026-12-01T00:00:00Z");
		Deadline deadline = DeadlineRule.HOURS_72.due(aware, null);
		assertThat(deadline.urgency(aware.plusSeconds(hours * 3600))).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "PROMPTLY, PROMPTLY, true", "NONE, NO_DEADLINE, false" })
	void promptlyIsDueNowAndNoDeadlineNever(DeadlineRule rule, Deadline.Urgency expected, boolean dueNow) {
		Deadline deadline = rule.due(Instant.now(), null);
		assertThat(deadline.urgency(Instant.now())).isEqualTo(expected);
		assertThat(deadline.urgency(Instant.now()).dueNow()).isEqualTo(dueNow);
	}

	private static Instant japan(LocalDate day, LocalTime time) {
		return day.atTime(time).atZone(LegalDeadlines.JAPAN).toInstant();
	}

}
