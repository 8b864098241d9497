package jp.hikeshi.evidence;

import jp.hikeshi.incident.HistoryEvent;
import jp.hikeshi.incident.TimelineEntry.Kind;

/** What happens to evidence that belongs on the incident's timeline. */
public final class EvidenceEvents {

	private EvidenceEvents() {
	}

	public record Collected(long incidentId, String actor, long evidenceId, String fileName, String sha256)
			implements HistoryEvent {

		@Override
		public Line line() {
			return Line.of(Kind.EVIDENCE_COLLECTED, this.fileName, null, this.sha256, null);
		}

	}

	public record Deleted(long incidentId, String actor, long evidenceId, String fileName, String sha256,
			String reason) implements HistoryEvent {

		@Override
		public Line line() {
			return Line.of(Kind.EVIDENCE_DELETED, this.fileName, null, this.sha256, this.reason);
		}

	}

	/** Content that did not match its hash or seal, downloaded all the same, and why. */
	public record DownloadedDespiteMismatch(long incidentId, String actor, long evidenceId, String fileName,
			String reason) implements HistoryEvent {

		@Override
		public Line line() {
			return Line.of(Kind.EVIDENCE_TAMPERED_DOWNLOAD, this.fileName, null, null, this.reason);
		}

	}

	public record HandedOver(long incidentId, String actor, long evidenceId, String fileName, String recipient)
			implements HistoryEvent {

		@Override
		public Line line() {
			return Line.of(Kind.EVIDENCE_HANDED_OVER, this.fileName, null, this.recipient, null);
		}

	}

	public record Held(long incidentId, String actor, long evidenceId, String fileName) implements HistoryEvent {

		@Override
		public Line line() {
			return Line.of(Kind.EVIDENCE_HELD, this.fileName, null, null, null);
		}

	}

}
