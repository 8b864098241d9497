package jp.hikeshi.incident.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.Size;

import jp.hikeshi.incident.Category;
import jp.hikeshi.incident.LeakKind;
import jp.hikeshi.incident.Move;
import jp.hikeshi.incident.Severity;
import jp.hikeshi.shared.PlainText;

/**
 * The security lead escalates to the executive: a primary category, any others the incident
 * also is (checkboxes), a severity. Category and severity are the aggregate's guards, so that a
 * missing one is reported the same way as every other guard.
 */
record EscalateForm(Category category, List<Category> additionalCategories, LeakKind leakKind, Severity severity,
		@Size(max = 4000) @PlainText(multiline = true) String note, long version) {

	static EscalateForm empty(long version) {
		return new EscalateForm(null, List.of(), null, null, null, version);
	}

	Move toMove() {
		return Move.escalate(this.category, set(this.additionalCategories), this.leakKind, this.severity, this.note);
	}

	static Set<Category> set(List<Category> categories) {
		return (categories == null || categories.isEmpty()) ? EnumSet.noneOf(Category.class)
				: EnumSet.copyOf(categories);
	}

}
