package jp.hikeshi.incident;

/** Where an incident stands in the guide's three steps (DOMAIN.md §2). */
public enum IncidentState {

	/** 検知と連絡受付: someone reported signs of an incident. */
	REPORTED(Step.DETECT),
	/** The security lead is judging whether it needs a response. */
	TRIAGE(Step.DETECT),
	/** Not an incident; the reason is on the timeline. Can be reopened. */
	DISMISSED(Step.DETECT),
	/** Reported to the executive; waiting for a response team. */
	ESCALATED(Step.DETECT),
	/** 対応体制の構築: the executive named the responsible person and assignees. */
	TEAM_FORMED(Step.DETECT),
	/** 初動対応: cutting off, isolating, stopping — without destroying records. */
	CONTAINMENT(Step.DETECT),
	/** 報告・公表: first, follow-up and final reports; authorities. */
	DISCLOSURE(Step.REPORT),
	/** 調査・対応, 証拠保全, 復旧. */
	RECOVERY(Step.RECOVER),
	/** 再発防止: root cause and new measures. */
	PREVENTION(Step.RECOVER),
	CLOSED(Step.RECOVER);

	private final Step step;

	IncidentState(Step step) {
		this.step = step;
	}

	public Step step() {
		return this.step;
	}

	/** Whether work is still going on (not dismissed, not closed). */
	public boolean isOpen() {
		return this != DISMISSED && this != CLOSED;
	}

	/** The response is complete: every step is done. */
	public boolean isClosed() {
		return this == CLOSED;
	}

	/** The guide's three steps. */
	public enum Step {

		/** ステップ1: 検知・初動対応. */
		DETECT,
		/** ステップ2: 報告・公表. */
		REPORT,
		/** ステップ3: 復旧・再発防止. */
		RECOVER

	}

}
