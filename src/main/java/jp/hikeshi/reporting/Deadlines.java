package jp.hikeshi.reporting;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * When each report is due, counted from 発覚 (when the company became aware) in the
 * organisation's time zone: a day-counted deadline ends at midnight local time at the end of
 * its last day. Duties to be done "promptly" (速やかに) have no date.
 */
public final class Deadlines {

	/** 速報: 概ね3〜5日以内 — Hikeshi takes the outer bound. */
	static final int PRELIMINARY_DAYS = 5;

	static final int FINAL_DAYS = 30;

	static final int FINAL_DAYS_IMPROPER_PURPOSE = 60;

	static final Duration EU_WINDOW = Duration.ofHours(72);

	/** From how long before a deadline a duty counts as due soon. */
	public static final Duration DUE_SOON = Duration.ofDays(2);

	private Deadlines() {
	}

	public static Optional<Instant> of(DutyType type, Instant discoveredAt, Facts facts, ZoneId zone) {
		return switch (type) {
			case PPC_PRELIMINARY -> Optional.of(endOfDay(discoveredAt, PRELIMINARY_DAYS, zone));
			case PPC_FINAL -> Optional.of(endOfDay(discoveredAt,
					facts.improperPurpose() ? FINAL_DAYS_IMPROPER_PURPOSE : FINAL_DAYS, zone));
			case EU_AUTHORITY -> Optional.of(discoveredAt.plus(EU_WINDOW));
			default -> Optional.empty();
		};
	}

	/** The end (24:00) of the given number of days after the local day of discovery. */
	static Instant endOfDay(Instant discoveredAt, int days, ZoneId zone) {
		return discoveredAt.atZone(zone).toLocalDate().plusDays(days + 1L).atTime(LocalTime.MIDNIGHT).atZone(zone)
			.toInstant();
	}

	/** How a deadline stands now. */
	public static Urgency urgency(Instant deadline, Instant now) {
		if (deadline == null) {
			return Urgency.PROMPTLY;
		}
		if (now.isAfter(deadline)) {
			return Urgency.OVERDUE;
		}
		return now.plus(DUE_SOON).isAfter(deadline) ? Urgency.DUE_SOON : Urgency.ON_TRACK;
	}

	/** Whether a deadline has passed, is close, is comfortable, or there is none but "promptly". */
	public enum Urgency {

		OVERDUE, DUE_SOON, ON_TRACK, PROMPTLY

	}

}
