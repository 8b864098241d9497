package jp.hikeshi.incident;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A request to make a {@link Transition}, with what the move brings: a reason or note, the
 * re-entry point, the categories and severity of an escalation, the team. Which of these a move
 * needs is the aggregate's to check, in one place.
 * @param category the primary category of an escalation
 * @param additionalCategories the incident's other categories (never {@code null})
 */
public record Move(Transition transition, String reason, IncidentState target, Category category,
		Set<Category> additionalCategories, LeakKind leakKind, Severity severity, String responsible,
		List<Assignee> team) {

	public Move {
		additionalCategories = (additionalCategories == null || additionalCategories.isEmpty()) ? Set.of()
				: Set.copyOf(EnumSet.copyOf(additionalCategories));
		team = (team == null) ? List.of() : List.copyOf(team);
	}

	public static Move of(Transition transition) {
		return new Move(transition, null, null, null, null, null, null, null, List.of());
	}

	public static Move withReason(Transition transition, String reason) {
		return new Move(transition, reason, null, null, null, null, null, null, List.of());
	}

	public static Move reenter(IncidentState target, String reason) {
		return new Move(Transition.REENTER, reason, target, null, null, null, null, null, List.of());
	}

	/** @param note what the lead tells the executive (optional) */
	public static Move escalate(Category category, LeakKind leakKind, Severity severity, String note) {
		return escalate(category, Set.of(), leakKind, severity, note);
	}

	/**
	 * @param category the primary category
	 * @param additional the incident's other categories (ransomware that also leaked data)
	 * @param note what the lead tells the executive (optional)
	 */
	public static Move escalate(Category category, Set<Category> additional, LeakKind leakKind, Severity severity,
			String note) {
		return new Move(Transition.ESCALATE, note, null, category, additional, leakKind, severity, null, List.of());
	}

	public static Move formTeam(String responsible, List<Assignee> team) {
		return new Move(Transition.FORM_TEAM, null, null, null, null, null, null, responsible, team);
	}

}
