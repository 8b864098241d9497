package jp.hikeshi.incident;

/**
 * A condition of a move, named once. Each {@link Transition} lists the guards it needs; the
 * aggregate checks exactly those (other modules add theirs through {@link TransitionGuard}).
 * Input guards concern what the move brings; state guards what the incident must hold, and
 * are shown on the page as "what is needed to move on".
 */
public enum Guard {

	/** A reason is given (dismissing, reopening, going back a step). */
	REASON_GIVEN(true),
	/** The escalation names a category and a severity. */
	CATEGORY_AND_SEVERITY(true),
	/** The team has a responsible person (責任者). */
	RESPONSIBLE_NAMED(true),
	/** Going back, to a re-entry point earlier than the present state. */
	EARLIER_REENTRY_POINT(true),
	/** Every initial-response checklist item is done or not applicable with a reason. */
	INITIAL_RESPONSE_RESOLVED(false),
	/** Whether the incident will be disclosed is decided (事案の公表). */
	DISCLOSURE_DECIDED(false),
	/** Every checklist point for the kind of incident is resolved. */
	KIND_POINTS_RESOLVED(false),
	/** The recovery is confirmed and reported to the executive. */
	RECOVERY_CONFIRMED_AND_REPORTED(false),
	/** Every required item of the record is filled in. */
	RECORD_COMPLETE(false),
	/** The executive approved the closing. */
	CLOSING_APPROVED(false);

	private final boolean input;

	Guard(boolean input) {
		this.input = input;
	}

	/** Whether it concerns the move's input rather than the incident's state. */
	public boolean isInput() {
		return this.input;
	}

}
