package jp.hikeshi.incident.web;

import jakarta.validation.constraints.Size;

import jp.hikeshi.incident.IncidentState;
import jp.hikeshi.incident.Move;
import jp.hikeshi.incident.Transition;
import jp.hikeshi.shared.PlainText;

/** A transition's button: the version seen, and a reason and target where the transition takes them. */
record MoveForm(long version, @Size(max = 4000) @PlainText(multiline = true) String reason, IncidentState target) {

	static MoveForm empty(long version) {
		return new MoveForm(version, null, null);
	}

	Move toMove(Transition transition) {
		return (transition == Transition.REENTER) ? Move.reenter(this.target, this.reason)
				: Move.withReason(transition, this.reason);
	}

}
