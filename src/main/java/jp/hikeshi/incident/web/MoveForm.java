package jp.hikeshi.incident.web;

import jakarta.validation.constraints.Size;

import jp.hikeshi.incident.IncidentState;
import jp.hikeshi.shared.PlainText;

/** A transition's button: the version seen, and a reason and target where the transition takes them. */
public class MoveForm {

	private long version;

	@Size(max = 4000)
	@PlainText(multiline = true)
	private String reason;

	private IncidentState target;

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

	public String getReason() {
		return this.reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

	public IncidentState getTarget() {
		return this.target;
	}

	public void setTarget(IncidentState target) {
		this.target = target;
	}

}
