package jp.hikeshi.incident.web;

import jakarta.validation.constraints.Size;

import jp.hikeshi.incident.Category;
import jp.hikeshi.incident.LeakKind;
import jp.hikeshi.incident.Severity;
import jp.hikeshi.shared.PlainText;

/**
 * The security lead escalates to the executive. Category and severity are the aggregate's
 * guards, so that a missing one is reported the same way as every other guard.
 */
public class EscalateForm {

	private Category category;

	private LeakKind leakKind;

	private Severity severity;

	@Size(max = 4000)
	@PlainText(multiline = true)
	private String note;

	private long version;

	public Category getCategory() {
		return this.category;
	}

	public void setCategory(Category category) {
		this.category = category;
	}

	public LeakKind getLeakKind() {
		return this.leakKind;
	}

	public void setLeakKind(LeakKind leakKind) {
		this.leakKind = leakKind;
	}

	public Severity getSeverity() {
		return this.severity;
	}

	public void setSeverity(Severity severity) {
		this.severity = severity;
	}

	public String getNote() {
		return this.note;
	}

	public void setNote(String note) {
		this.note = note;
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
