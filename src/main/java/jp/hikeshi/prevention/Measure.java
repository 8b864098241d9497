package jp.hikeshi.prevention;

import java.time.LocalDate;

/**
 * A prevention measure (再発防止策): technical, rules or training; who does it by when. It stays
 * open, and on the lead's and the executive's pages, until it is done — also after the incident
 * has closed.
 */
public record Measure(long id, long incidentId, String incidentReference, Kind kind, String description, String owner,
		LocalDate dueOn, LocalDate doneOn, String doneBy) {

	public boolean isDone() {
		return this.doneOn != null;
	}

	public boolean isOverdue(LocalDate today) {
		return !isDone() && this.dueOn.isBefore(today);
	}

	/** What kind of measure (技術・ルール・教育). */
	public enum Kind {

		TECHNICAL, RULES, TRAINING

	}

}
