package jp.hikeshi.drill;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jp.hikeshi.incident.IncidentState;
import jp.hikeshi.incident.Transition;
import jp.hikeshi.incident.Unmet;
import jp.hikeshi.reporting.DutyType;

/**
 * A drill looked back on: how long each step took, the guards that stopped the team, the
 * reports it identified against those the scenario expected, and what the team noted.
 * @param current the step the drill was in at its end (or is in now), and for how long
 */
public record Debrief(Drill drill, String reference, IncidentState state, List<Step> steps, Step current,
		List<Refusal> refusals, Set<DutyType> expected, Set<DutyType> identified, List<DrillService.Note> notes) {

	/** Expected and identified. */
	public Set<DutyType> matched() {
		Set<DutyType> matched = copy(this.expected);
		matched.retainAll(this.identified);
		return matched;
	}

	/** Expected, not identified. */
	public Set<DutyType> missed() {
		Set<DutyType> missed = copy(this.expected);
		missed.removeAll(this.identified);
		return missed;
	}

	/** Identified, not expected. */
	public Set<DutyType> extra() {
		Set<DutyType> extra = copy(this.identified);
		extra.removeAll(this.expected);
		return extra;
	}

	/** What the drill found: missed reports, guards that stopped the team and notes, counted once each. */
	public int findings() {
		return missed().size() + this.refusals.size() + this.notes.size();
	}

	private static Set<DutyType> copy(Set<DutyType> duties) {
		return duties.isEmpty() ? EnumSet.noneOf(DutyType.class) : EnumSet.copyOf(duties);
	}

	/**
	 * The time spent in {@code from} before moving to {@code to} ({@code null}: still there).
	 */
	public record Step(IncidentState from, IncidentState to, Instant since, Instant until) {

		public long minutes() {
			return Duration.between(this.since, this.until).toMinutes();
		}

	}

	/** A move a guard refused: who tried it, when, and the guard. */
	public record Refusal(Instant at, String actor, Transition transition, Unmet guard) {
	}

}
