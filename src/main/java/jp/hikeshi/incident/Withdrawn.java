package jp.hikeshi.incident;

/** What re-entering an earlier step withdraws, each with its own timeline line. */
public enum Withdrawn {

	/** Re-entering containment: the initial-response checklist must be worked again. */
	INITIAL_CHECKLIST,
	/** Recovery failed or never happened: it must be confirmed (and reported) again. */
	RECOVERY_CONFIRMATION,
	/** The executive approves the closing again, for the response as it now stands. */
	CLOSING_APPROVAL

}
