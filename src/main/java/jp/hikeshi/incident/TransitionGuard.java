package jp.hikeshi.incident;

import java.util.List;

/**
 * A guard another module adds to a transition: the reporting module, say, refuses to let
 * an incident leave step 2 while a report it owes is undecided. The incident module calls
 * these without knowing who implements them, so it depends on none of them.
 */
public interface TransitionGuard {

	/** What does not hold for this transition of this incident (empty: nothing). */
	List<Unmet> unmet(Incident incident, Transition transition);

}
