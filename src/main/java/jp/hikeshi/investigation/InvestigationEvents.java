package jp.hikeshi.investigation;

import java.time.LocalDate;
import java.util.Set;

import jp.hikeshi.incident.HistoryEvent;
import jp.hikeshi.incident.TimelineEntry.Kind;
import jp.hikeshi.investigation.Investigation.Remediation;

/** What the investigation records that belongs on the incident's timeline. */
public final class InvestigationEvents {

	private InvestigationEvents() {
	}

	/** The 5W1H items whose text changed. */
	public record FactsUpdated(long incidentId, String actor, Set<Investigation.Item> changed) implements HistoryEvent {

		@Override
		public Line line() {
			return Line.of(Kind.INVESTIGATION_UPDATED, null, null, this.changed, null);
		}

	}

	public record RemediationRecorded(long incidentId, String actor, long remediationId, Remediation.Kind kind,
			String description, String owner) implements HistoryEvent {

		@Override
		public Line line() {
			return Line.of(Kind.REMEDIATION_RECORDED, this.kind, this.owner, null, this.description);
		}

	}

	public record RemediationCompleted(long incidentId, String actor, long remediationId, Remediation.Kind kind,
			String description, LocalDate doneOn) implements HistoryEvent {

		@Override
		public Line line() {
			return Line.of(Kind.REMEDIATION_COMPLETED, this.kind, null, this.doneOn, this.description);
		}

	}

	public record OutsideHelpAsked(long incidentId, String actor, String helper, LocalDate askedOn, String request)
			implements HistoryEvent {

		@Override
		public Line line() {
			return Line.of(Kind.OUTSIDE_HELP_ASKED, this.helper, null, this.askedOn, this.request);
		}

	}

	public record ExecutiveReported(long incidentId, String actor, LocalDate reportedOn, String summary)
			implements HistoryEvent {

		@Override
		public Line line() {
			return Line.of(Kind.EXECUTIVE_REPORTED, null, null, this.reportedOn, this.summary);
		}

	}

}
