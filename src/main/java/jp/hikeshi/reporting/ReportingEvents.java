package jp.hikeshi.reporting;

import java.util.Set;

import jp.hikeshi.incident.HistoryEvent;
import jp.hikeshi.incident.TimelineEntry.Kind;

/** What step 2 records that belongs on the incident's timeline. */
public final class ReportingEvents {

	private ReportingEvents() {
	}

	/** The reports owed were worked out again from changed facts. */
	public record DutiesRecalculated(long incidentId, String actor, Set<DutyType> before, Set<DutyType> after)
			implements HistoryEvent {

		@Override
		public Line line() {
			return Line.of(Kind.DUTIES_RECALCULATED, null, this.before, this.after, null);
		}

	}

}
