package jp.hikeshi.drill;

import java.util.List;

import jp.hikeshi.account.Actor;
import jp.hikeshi.incident.RefusalWitness;
import jp.hikeshi.incident.Transition;
import jp.hikeshi.incident.Unmet;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the guards that refused a drill's moves for its debrief. The refused command's
 * transaction rolls back, so this one is its own; it writes beside the drill, never the
 * incident's row (which the command still holds locked).
 */
@Component
class DrillRefusals implements RefusalWitness {

	private final DrillService drills;

	DrillRefusals(DrillService drills) {
		this.drills = drills;
	}

	@Override
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void refused(long incidentId, Actor actor, Transition transition, List<Unmet> unmet) {
		this.drills.recordRefusal(incidentId, actor.username(), transition, unmet);
	}

}
