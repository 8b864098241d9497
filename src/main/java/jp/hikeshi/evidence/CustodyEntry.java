package jp.hikeshi.evidence;

import java.time.Instant;

/** One link of the chain of custody; the database refuses to change or remove it. */
public record CustodyEntry(Instant occurredAt, String actor, Action action, String detail, Boolean hashOk) {

	/** What happened to the evidence. */
	public enum Action {

		COLLECTED, DOWNLOADED, VERIFIED, HANDED_OVER, HOLD_SET, DELETED

	}

}
