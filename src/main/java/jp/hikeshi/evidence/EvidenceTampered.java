package jp.hikeshi.evidence;

/**
 * Evidence whose content does not match its recorded hash, or whose hash does not carry the
 * installation's seal: not served as if it were fine. The finding is kept on the chain of custody
 * before this is thrown (the transaction does not roll back for it). {@code refusal}: why a
 * "download anyway" was refused (no reason given), with what was typed; {@code null} otherwise.
 */
public class EvidenceTampered extends RuntimeException {

	private final long incidentId;

	private final long evidenceId;

	private final String refusal;

	private final String typed;

	EvidenceTampered(long incidentId, long evidenceId, String refusal, String typed) {
		super("Evidence " + evidenceId + " does not match its recorded hash or seal");
		this.incidentId = incidentId;
		this.evidenceId = evidenceId;
		this.refusal = refusal;
		this.typed = typed;
	}

	public long incidentId() {
		return this.incidentId;
	}

	public long evidenceId() {
		return this.evidenceId;
	}

	public String refusal() {
		return this.refusal;
	}

	public String typed() {
		return this.typed;
	}

}
