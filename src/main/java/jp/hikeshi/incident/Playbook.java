package jp.hikeshi.incident;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The checklist points a company works through: the built-in points of DOMAIN.md §5 (which the
 * administrator may switch off or reword) and the company's own, each for the categories it
 * chooses. Read when an incident is escalated; the incident keeps its own copy.
 */
public record Playbook(List<Entry> entries) {

	/** The built-in points only, as shipped. */
	public static final Playbook DEFAULT = new Playbook(List.of());

	/**
	 * One line of the playbook.
	 * @param builtin the built-in point it changes, or {@code null} for the company's own
	 * @param text the company's wording, or {@code null} to keep the built-in one
	 * @param categories where a company point applies (empty: every category)
	 */
	public record Entry(Long id, ChecklistPoint builtin, String text, Set<Category> categories, boolean active) {
	}

	/** A point to put on an incident's checklist. */
	public record Point(ChecklistPoint builtin, ChecklistPoint.Group group, String text) {
	}

	/**
	 * The points for an incident of these kinds, initial response first; a company point applies
	 * when any of the categories is one it names.
	 */
	public List<Point> pointsFor(Set<Category> categories, LeakKind leakKind) {
		List<Point> points = new ArrayList<>();
		List<ChecklistPoint> builtins = new ArrayList<>(ChecklistPoint.initialResponse());
		builtins.addAll(ChecklistPoint.forKinds(categories, leakKind));
		for (ChecklistPoint builtin : builtins) {
			Optional<Entry> change = this.entries.stream().filter(e -> e.builtin() == builtin).findFirst();
			if (change.map(Entry::active).orElse(true)) {
				points.add(new Point(builtin, builtin.group(), change.map(Entry::text).orElse(null)));
			}
		}
		for (Entry entry : this.entries) {
			if (entry.builtin() == null && entry.active()
					&& (entry.categories().isEmpty() || categories.stream().anyMatch(entry.categories()::contains))) {
				points.add(new Point(null, ChecklistPoint.Group.COMPANY, entry.text()));
			}
		}
		return points;
	}

	static Set<Category> categories(String list) {
		Set<Category> categories = EnumSet.noneOf(Category.class);
		if (list != null && !list.isBlank()) {
			for (String name : list.split(",")) {
				categories.add(Category.valueOf(name.trim()));
			}
		}
		return categories;
	}

}
