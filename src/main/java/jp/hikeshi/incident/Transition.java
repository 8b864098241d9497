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
 * The one table of allowed moves: from which states, to which state, by which role, and which
 * {@link Guard}s apply. The aggregate enforces it and the pages read it, so no template repeats a
 * rule.
 */
public enum Transition {

	TAKE(EnumSet.of(REPORTED), TRIAGE, Role.SECURITY_LEAD),
	DISMISS(EnumSet.of(TRIAGE), DISMISSED, Role.SECURITY_LEAD, Guard.REASON_GIVEN),
	REOPEN(EnumSet.of(DISMISSED), TRIAGE, Role.SECURITY_LEAD, Guard.REASON_GIVEN),
	ESCALATE(EnumSet.of(TRIAGE), ESCALATED, Role.SECURITY_LEAD, Guard.CATEGORY_AND_SEVERITY),
	FORM_TEAM(EnumSet.of(ESCALATED), TEAM_FORMED, Role.EXECUTIVE, Guard.RESPONSIBLE_NAMED),
	START_CONTAINMENT(EnumSet.of(TEAM_FORMED), CONTAINMENT, Role.SECURITY_LEAD),
	FINISH_CONTAINMENT(EnumSet.of(CONTAINMENT), DISCLOSURE, Role.SECURITY_LEAD, Guard.INITIAL_RESPONSE_RESOLVED),
	START_RECOVERY(EnumSet.of(DISCLOSURE), RECOVERY, Role.SECURITY_LEAD, Guard.DISCLOSURE_DECIDED),
	START_PREVENTION(EnumSet.of(RECOVERY), PREVENTION, Role.SECURITY_LEAD, Guard.KIND_POINTS_RESOLVED,
			Guard.RECOVERY_CONFIRMED_AND_REPORTED),
	/** The executive's approval of the closing; the state stays. */
	APPROVE_CLOSING(EnumSet.of(PREVENTION), PREVENTION, Role.EXECUTIVE),
	CLOSE(EnumSet.of(PREVENTION), CLOSED, Role.SECURITY_LEAD, Guard.RECORD_COMPLETE, Guard.CLOSING_APPROVED),
	/** Back to an earlier state of the response (recovery failed, re-infection), with a reason. */
	REENTER(EnumSet.of(DISCLOSURE, RECOVERY, PREVENTION, CLOSED), null, Role.SECURITY_LEAD, Guard.REASON_GIVEN,
			Guard.EARLIER_REENTRY_POINT);

	/** States a response can be re-entered at. */
	public static final List<IncidentState> REENTRY_POINTS = List.of(CONTAINMENT, DISCLOSURE, RECOVERY);

	private final Set<IncidentState> from;

	private final IncidentState to;

	private final Role role;

	private final List<Guard> guards;

	Transition(Set<IncidentState> from, IncidentState to, Role role, Guard... guards) {
		this.from = from;
		this.to = to;
		this.role = role;
		this.guards = List.of(guards);
	}

	/** The conditions this move needs, in the order a refusal names them. */
	public List<Guard> guards() {
		return this.guards;
	}

	/** Whether the move is refused without a reason (dismissing, reopening, going back a step). */
	public boolean needsReason() {
		return this.guards.contains(Guard.REASON_GIVEN);
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
