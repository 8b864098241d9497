package jp.hikeshi.incident;

import java.util.List;

import jp.hikeshi.account.Actor;

/**
 * Told when a guard refused a move on a drill (訓練), so the debrief can show what stopped the
 * team. The refusal rolls back the caller's transaction: a witness that keeps it writes in a
 * transaction of its own, and must not touch the incident's row, which the refused command
 * still holds locked.
 */
public interface RefusalWitness {

	void refused(long incidentId, Actor actor, Transition transition, List<Unmet> unmet);

}
