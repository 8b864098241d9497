package jp.hikeshi.reporting;

import java.time.Duration;
import java.time.Instant;

import jp.hikeshi.calendar.LegalDeadlines;

/**
 * How a duty's deadline is counted from the moment the company knew (DOMAIN.md §4.1). Day
 * counts take that moment's day in Japan as day 1, whatever the company's display zone.
 */
public enum DeadlineRule {

	/** No deadline: a notice the government asks for (IPA), never shown as due. */
	NONE,
	/** 速やかに / 遅滞なく: due now, no date. */
	PROMPTLY,
	/** 概ね3〜5日: a target at the end of day 3 and a limit at the end of day 5; no roll-over (product rule). */
	DAYS_3_TO_5,
	/** 30日以内, rolled past 行政機関の休日 (GL 3-5-3-4 ※2). */
	DAYS_30,
	/** 60日以内 where an improper purpose is possible (規則8条2項), rolled likewise. */
	DAYS_60,
	/** GDPR Art. 33: 72 hours from becoming aware. */
	HOURS_72;

	static final Duration GDPR_WINDOW = Duration.ofHours(72);

	/** The deadline of a duty whose clock started at {@code from}. */
	public Deadline due(Instant from, LegalDeadlines calendar) {
		return switch (this) {
			case NONE -> Deadline.none();
			case PROMPTLY -> Deadline.promptly();
			case DAYS_3_TO_5 -> Deadline.onDay(this, calendar.day(from, 3), calendar.day(from, 5));
			case DAYS_30 -> Deadline.onDay(this, null, calendar.dayRolledForward(from, 30));
			case DAYS_60 -> Deadline.onDay(this, null, calendar.dayRolledForward(from, 60));
			case HOURS_72 -> Deadline.at(from.plus(GDPR_WINDOW));
		};
	}

}
