package jp.hikeshi.incident.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jp.hikeshi.incident.Category;

/**
 * One of the company's own playbook points, new or changed: its wording, the categories it is
 * for (none: every category) and whether it is in use. The wording's rules are the
 * {@link jp.hikeshi.incident.PlaybookService}'s, reported on the {@code text} field. An unticked
 * box sends nothing: {@code active} is then {@code null}, not a conversion error.
 */
public record PlaybookPointForm(String text, List<Category> categories, Boolean active) {

	/** The form to add a point: in use unless switched off later. */
	static PlaybookPointForm newPoint() {
		return new PlaybookPointForm(null, List.of(), Boolean.TRUE);
	}

	boolean inUse() {
		return Boolean.TRUE.equals(this.active);
	}

	Set<Category> categorySet() {
		return (this.categories == null || this.categories.isEmpty()) ? EnumSet.noneOf(Category.class)
				: EnumSet.copyOf(this.categories);
	}

}
