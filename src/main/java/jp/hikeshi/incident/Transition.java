package jp.hikeshi.incident;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;

import static jp.hikeshi.incident.IncidentState.CLOSED;
import static jp.hikeshi.incident.IncidentState.CONTAINMENT;
import static jp.hikeshi.incident.IncidentState.DISCLOSURE;
import static jp.hikeshi.incident.IncidentState.DISMISSED;
import static jp.hikeshi.incident.IncidentState.ESCALATED;
import static jp.hikeshi.incident.IncidentState.PREVENTION;
import static jp.hikeshi.incident.IncidentState.RECOVERY;
import static jp.hikeshi.incident.IncidentState.REPORTED;
import static jp.hikeshi.incident.IncidentState.TEAM_FORMED;
import static jp.hikeshi.incident.IncidentState.TRIAGE;

/**
 * The one table of allowed moves: from which states, to which state, by which role, and whether
 * a reason is needed. The aggregate enforces it and the pages read it, so no template repeats a rule.
 */
public enum Transition {

	TAKE(EnumSet.of(REPORTED), TRIAGE, Role.SECURITY_LEAD),
	DISMISS(EnumSet.of(TRIAGE), DISMISSED, Role.SECURITY_LEAD, true),
	REOPEN(EnumSet.of(DISMISSED), TRIAGE, Role.SECURITY_LEAD, true),
	ESCALATE(EnumSet.of(TRIAGE), ESCALATED, Role.SECURITY_LEAD),
	FORM_TEAM(EnumSet.of(ESCALATED), TEAM_FORMED, Role.EXECUTIVE),
	START_CONTAINMENT(EnumSet.of(TEAM_FORMED), CONTAINMENT, Role.SECURITY_LEAD),
	FINISH_CONTAINMENT(EnumSet.of(CONTAINMENT), DISCLOSURE, Role.SECURITY_LEAD),
	START_RECOVERY(EnumSet.of(DISCLOSURE), RECOVERY, Role.SECURITY_LEAD),
	START_PREVENTION(EnumSet.of(RECOVERY), PREVENTION, Role.SECURITY_LEAD),
	/** The executive's approval of the closing; the state stays. */
	APPROVE_CLOSING(EnumSet.of(PREVENTION), PREVENTION, Role.EXECUTIVE),
	CLOSE(EnumSet.of(PREVENTION), CLOSED, Role.SECURITY_LEAD),
	/** Back to an earlier state of the response (recovery failed, re-infection), with a reason. */
	REENTER(EnumSet.of(DISCLOSURE, RECOVERY, PREVENTION, CLOSED), null, Role.SECURITY_LEAD, true);

	/** States a response can be re-entered at. */
	public static final List<IncidentState> REENTRY_POINTS = List.of(CONTAINMENT, DISCLOSURE, RECOVERY);

	private final Set<IncidentState> from;

	private final IncidentState to;

	private final Role role;

	private final boolean needsReason;

	Transition(Set<IncidentState> from, IncidentState to, Role role) {
		this(from, to, role, false);
	}

	Transition(Set<IncidentState> from, IncidentState to, Role role, boolean needsReason) {
		this.from = from;
		this.to = to;
		this.role = role;
		this.needsReason = needsReason;
	}

	/** Whether the move is refused without a reason (dismissing, reopening, going back a step). */
	public boolean needsReason() {
		return this.needsReason;
	}

	/** Whether the move takes its own form (a category and severity, a team) rather than a button. */
	public boolean hasOwnForm() {
		return this == ESCALATE || this == FORM_TEAM;
	}

	public boolean isAllowedFrom(IncidentState state) {
		return this.from.contains(state);
	}

	/** The state it leads to; {@code null} for {@link #REENTER}, which names its target. */
	public IncidentState to() {
		return this.to;
	}

	public Role role() {
		return this.role;
	}

	public boolean mayBePerformedBy(Actor actor) {
		return actor.has(this.role);
	}

	/** The moves possible from a state, in the order the pages offer them. */
	public static List<Transition> from(IncidentState state) {
		return Arrays.stream(values()).filter(transition -> transition.isAllowedFrom(state)).toList();
	}

	/** Re-entry points earlier than the given state. */
	public static List<IncidentState> reentryPointsBefore(IncidentState state) {
		return REENTRY_POINTS.stream().filter(point -> point.ordinal() < state.ordinal()).toList();
	}

}
