package jp.hikeshi.prevention;

import java.time.LocalDate;
import java.util.Set;

import jp.hikeshi.incident.HistoryEvent;
import jp.hikeshi.incident.TimelineEntry.Kind;

/** What the prevention plan records that belongs on the incident's timeline. */
public final class PreventionEvents {

	private PreventionEvents() {
	}

	/** The causes chosen changed (published only when they did). */
	public record RootCausesChanged(long incidentId, String actor, Set<RootCause> before, Set<RootCause> after)
			implements HistoryEvent {

		@Override
		public Line line() {
			return Line.of(Kind.ROOT_CAUSES_CHANGED, null, this.before, this.after, null);
		}

	}

	/**
	 * The explanation of the root cause changed (published only when it did). The line keeps the
	 * new explanation as its note; the one before is in the line that recorded it.
	 */
	public record RootCauseNoteChanged(long incidentId, String actor, String before, String after)
			implements HistoryEvent {

		@Override
		public Line line() {
			return Line.of(Kind.ROOT_CAUSE_NOTE_CHANGED, null, null, null, this.after);
		}

	}

	public record MeasureAdded(long incidentId, String actor, long measureId, Measure.Kind kind, String description,
			String owner, LocalDate dueOn) implements HistoryEvent {

		@Override
		public Line line() {
			return Line.of(Kind.MEASURE_ADDED, this.kind, this.owner, this.dueOn, this.description);
		}

	}

	public record MeasureCompleted(long incidentId, String actor, long measureId, Measure.Kind kind,
			String description, LocalDate doneOn) implements HistoryEvent {

		@Override
		public Line line() {
			return Line.of(Kind.MEASURE_COMPLETED, this.kind, null, this.doneOn, this.description);
		}

	}

}
