package jp.hikeshi.reporting;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import jp.hikeshi.calendar.LegalDeadlines;

/**
 * A duty's deadline: a calendar day in Japan that ends at 24:00 JST (with, for a 速報, the
 * earlier day that is the target), a moment (GDPR's 72 hours), "promptly", or none.
 * @param targetDay the day to aim for, before the limit ({@code null} when there is none)
 * @param lastDay the last day, whose end is the limit ({@code null} unless counted in days)
 * @param end when it passes ({@code null} for "promptly" and none)
 */
public record Deadline(DeadlineRule rule, LocalDate targetDay, LocalDate lastDay, Instant end) {

	/** Under this many days left (today or tomorrow), a deadline is near. */
	static final int DUE_SOON_DAYS = 2;

	static final Duration DUE_SOON_HOURS = Duration.ofHours(24);

	static Deadline none() {
		return new Deadline(DeadlineRule.NONE, null, null, null);
	}

	static Deadline promptly() {
		return new Deadline(DeadlineRule.PROMPTLY, null, null, null);
	}

	static Deadline onDay(DeadlineRule rule, LocalDate targetDay, LocalDate lastDay) {
		return new Deadline(rule, targetDay, lastDay, LegalDeadlines.endOf(lastDay));
	}

	static Deadline at(Instant end) {
		return new Deadline(DeadlineRule.HOURS_72, null, null, end);
	}

	public boolean isDay() {
		return this.lastDay != null;
	}

	public boolean isMoment() {
		return this.lastDay == null && this.end != null;
	}

	/** Whole days from today (in Japan) to the last day: 0 on the day, negative when it has passed. */
	public Long daysLeft(LocalDate todayInJapan) {
		return (this.lastDay == null) ? null : ChronoUnit.DAYS.between(todayInJapan, this.lastDay);
	}

	/** How this deadline stands now. */
	public Urgency urgency(Instant now) {
		return switch (this.rule) {
			case NONE -> Urgency.NO_DEADLINE;
			case PROMPTLY -> Urgency.PROMPTLY;
			case HOURS_72 -> now.isAfter(this.end) ? Urgency.OVERDUE
					: now.plus(DUE_SOON_HOURS).isAfter(this.end) ? Urgency.DUE_SOON : Urgency.ON_TRACK;
			default -> {
				LocalDate today = LocalDate.ofInstant(now, LegalDeadlines.JAPAN);
				long left = daysLeft(today);
				// past a 速報's target (day 3), the limit (day 5) is near whatever the count of days says
				boolean pastTarget = this.targetDay != null && today.isAfter(this.targetDay);
				yield (left < 0) ? Urgency.OVERDUE
						: (left < DUE_SOON_DAYS || pastTarget) ? Urgency.DUE_SOON : Urgency.ON_TRACK;
			}
		};
	}

	/**
	 * How urgent a duty is, most urgent first. 「速やかに」 counts as due now, never as calm; a
	 * notice without a deadline (IPA) is last.
	 */
	public enum Urgency {

		OVERDUE, DUE_SOON, PROMPTLY, ON_TRACK, NO_DEADLINE;

		/** Whether it needs doing now: overdue, near, or to be done promptly. */
		public boolean dueNow() {
			return this == OVERDUE || this == DUE_SOON || this == PROMPTLY;
		}

	}

}
