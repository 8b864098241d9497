package jp.hikeshi.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import jp.hikeshi.calendar.LegalDeadlines;
import jp.hikeshi.reporting.Deadline;
import jp.hikeshi.reporting.DeadlineRule;
import jp.hikeshi.reporting.DutyType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a deadline is reminded: the stages by the PPC's way of counting (a day ends at 24:00 in
 * Japan), and which reports nobody may silence.
 */
class ReminderStagesTest {

	private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	/** A 速報 discovered on 2 December: target day 3 is 4 December, the limit day 5 is 6 December. */
	private static final Deadline PRELIMINARY = new Deadline(DeadlineRule.DAYS_3_TO_5, LocalDate.of(2026, 12, 4),
			LocalDate.of(2026, 12, 6), LegalDeadlines.endOf(LocalDate.of(2026, 12, 6)));

	/** A 確報 whose last day is 4 January. */
	private static final Deadline FINAL = new Deadline(DeadlineRule.DAYS_30, null, LocalDate.of(2027, 1, 4),
			LegalDeadlines.endOf(LocalDate.of(2027, 1, 4)));

	@Test
	void aDayDeadlineIsDueSoonPastItsTargetOrTheDayBeforeDueOnItsLastDayAndOverdueAfterMidnightInJapan() {
		assertThat(Reminders.stageOf(PRELIMINARY, at(2026, 12, 3, 12, 0))).isNull();
		assertThat(Reminders.stageOf(PRELIMINARY, at(2026, 12, 4, 23, 59))).isNull();
		assertThat(Reminders.stageOf(PRELIMINARY, at(2026, 12, 5, 0, 0))).isEqualTo(Reminders.Stage.DUE_SOON);
		assertThat(Reminders.stageOf(PRELIMINARY, at(2026, 12, 6, 0, 0))).isEqualTo(Reminders.Stage.DUE_TODAY);
		assertThat(Reminders.stageOf(PRELIMINARY, at(2026, 12, 6, 23, 59))).isEqualTo(Reminders.Stage.DUE_TODAY);
		assertThat(Reminders.stageOf(PRELIMINARY, at(2026, 12, 7, 0, 0))).isEqualTo(Reminders.Stage.OVERDUE);

		assertThat(Reminders.stageOf(FINAL, at(2027, 1, 2, 12, 0))).isNull();
		assertThat(Reminders.stageOf(FINAL, at(2027, 1, 3, 0, 0))).isEqualTo(Reminders.Stage.DUE_SOON);
		assertThat(Reminders.stageOf(FINAL, at(2027, 1, 4, 9, 0))).isEqualTo(Reminders.Stage.DUE_TODAY);
		assertThat(Reminders.stageOf(FINAL, at(2027, 1, 5, 0, 0))).isEqualTo(Reminders.Stage.OVERDUE);
	}

	@Test
	void seventyTwoHoursAreDueSoonInTheirLastDayDueTodayInTheirLastTwelveHoursThenOverdue() {
		Instant end = at(2026, 12, 10, 15, 0);
		Deadline gdpr = new Deadline(DeadlineRule.HOURS_72, null, null, end);
		assertThat(Reminders.stageOf(gdpr, end.minusSeconds(30 * 3600))).isNull();
		assertThat(Reminders.stageOf(gdpr, end.minusSeconds(20 * 3600))).isEqualTo(Reminders.Stage.DUE_SOON);
		assertThat(Reminders.stageOf(gdpr, end.minusSeconds(12 * 3600))).isEqualTo(Reminders.Stage.DUE_TODAY);
		assertThat(Reminders.stageOf(gdpr, end)).isEqualTo(Reminders.Stage.OVERDUE);
	}

	@Test
	void promptlyAndNoDeadlineAreNeverRemindedByDate() {
		assertThat(Reminders.stageOf(new Deadline(DeadlineRule.PROMPTLY, null, null, null), Instant.now())).isNull();
		assertThat(Reminders.stageOf(new Deadline(DeadlineRule.NONE, null, null, null), Instant.now())).isNull();
	}

	@Test
	void theReportsTheLawRequiresAreRemindedUnderTheMandatoryRow() {
		for (DutyType legal : new DutyType[] { DutyType.PPC_PRELIMINARY, DutyType.PPC_FINAL, DutyType.PERSON_NOTICE,
				DutyType.MYNUMBER_PRELIMINARY, DutyType.MYNUMBER_FINAL, DutyType.EU_AUTHORITY, DutyType.EU_SUBJECTS }) {
			assertThat(Rule.forDuty(legal)).as(legal.name()).isEqualTo(Rule.LEGAL_DEADLINE);
		}
		for (DutyType other : new DutyType[] { DutyType.POLICE, DutyType.MINISTRY, DutyType.MINISTRY_FINAL,
				DutyType.CLIENT, DutyType.IPA }) {
			assertThat(Rule.forDuty(other)).as(other.name()).isEqualTo(Rule.OTHER_DEADLINE);
		}
		assertThat(Rule.LEGAL_DEADLINE.isMandatory()).isTrue();
		assertThat(Rule.OTHER_DEADLINE.isMandatory()).isFalse();
	}

	private static Instant at(int year, int month, int day, int hour, int minute) {
		return ZonedDateTime.of(LocalDate.of(year, month, day), LocalTime.of(hour, minute), JAPAN).toInstant();
	}

	@Test
	void withoutDelayIsRemindedAfterADayThreeDaysAndAWeekCountedFromItsClock() {
		Instant from = at(2026, 12, 2, 10, 0);
		assertThat(Reminders.promptlyWaited(from, from.plusSeconds(23 * 3600))).isNull();
		assertThat(Reminders.promptlyWaited(from, from.plusSeconds(24 * 3600))).isEqualTo(1);
		assertThat(Reminders.promptlyWaited(from, from.plusSeconds(71 * 3600))).isEqualTo(1);
		assertThat(Reminders.promptlyWaited(from, from.plusSeconds(72 * 3600))).isEqualTo(3);
		assertThat(Reminders.promptlyWaited(from, from.plusSeconds(7 * 24 * 3600))).isEqualTo(7);
		assertThat(Reminders.promptlyWaited(from, from.plusSeconds(40 * 24 * 3600))).isEqualTo(7);
		assertThat(Reminders.promptlyWaited(null, from)).isNull();
	}

}
