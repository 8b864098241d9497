package jp.hikeshi.incident.web;

import jakarta.validation.constraints.Size;

import jp.hikeshi.incident.Category;
import jp.hikeshi.incident.LeakKind;
import jp.hikeshi.incident.Move;
import jp.hikeshi.incident.Severity;
import jp.hikeshi.shared.PlainText;

/**
 * The security lead escalates to the executive. Category and severity are the aggregate's
 * guards, so that a missing one is reported the same way as every other guard.
 */
record EscalateForm(Category category, LeakKind leakKind, Severity severity,
		@Size(max = 4000) @PlainText(multiline = true) String note, long version) {

	static EscalateForm empty(long version) {
		return new EscalateForm(null, null, null, null, version);
	}

	Move toMove() {
		return Move.escalate(this.category, this.leakKind, this.severity, this.note);
	}

}
