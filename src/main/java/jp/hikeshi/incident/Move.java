package jp.hikeshi.incident;

import java.util.List;

/**
 * A request to make a {@link Transition}, with what the move brings: a reason or note, the
 * re-entry point, the category and severity of an escalation, the team. Which of these a move
 * needs is the aggregate's to check, in one place.
 */
public record Move(Transition transition, String reason, IncidentState target, Category category, LeakKind leakKind,
		Severity severity, String responsible, List<Assignee> team) {

	public Move {
		team = (team == null) ? List.of() : List.copyOf(team);
	}

	public static Move of(Transition transition) {
		return new Move(transition, null, null, null, null, null, null, List.of());
	}

	public static Move withReason(Transition transition, String reason) {
		return new Move(transition, reason, null, null, null, null, null, List.of());
	}

	public static Move reenter(IncidentState target, String reason) {
		return new Move(Transition.REENTER, reason, target, null, null, null, null, List.of());
	}

	/** @param note what the lead tells the executive (optional) */
	public static Move escalate(Category category, LeakKind leakKind, Severity severity, String note) {
		return new Move(Transition.ESCALATE, note, null, category, leakKind, severity, null, List.of());
	}

	public static Move formTeam(String responsible, List<Assignee> team) {
		return new Move(Transition.FORM_TEAM, null, null, null, null, null, responsible, team);
	}

}
