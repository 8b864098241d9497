package jp.hikeshi.drill;

import jp.hikeshi.incident.HistoryEvent;
import jp.hikeshi.incident.TimelineEntry.Kind;

/** What a drill puts on its incident's timeline. */
final class DrillEvents {

	private DrillEvents() {
	}

	/** The lead read an inject out to the team: it is now part of what the team knows. */
	record InjectRead(long incidentId, String actor, int minute, String text) implements HistoryEvent {

		@Override
		public Line line() {
			return Line.of(Kind.DRILL_INJECT, this.minute, null, null, this.text);
		}

	}

	/** The drill was ended; the debrief follows. */
	record Ended(long incidentId, String actor) implements HistoryEvent {

		@Override
		public Line line() {
			return Line.of(Kind.DRILL_ENDED, null, null, null, null);
		}

	}

}
