package jp.hikeshi.incident.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import jp.hikeshi.incident.ChecklistItem;
import jp.hikeshi.shared.PlainText;

/** Marking one checklist item done, not applicable (with a reason) or open again. */
public class ChecklistForm {

	private long version;

	@NotNull
	private ChecklistItem.Status status;

	@Size(max = 1000)
	@PlainText
	private String reason;

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

	public ChecklistItem.Status getStatus() {
		return this.status;
	}

	public void setStatus(ChecklistItem.Status status) {
		this.status = status;
	}

	public String getReason() {
		return this.reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

}
