package jp.hikeshi.reporting;

import java.time.Instant;
import java.util.List;

/**
 * What a rule says of one duty for an incident: it applies, it may apply (要判断: the facts
 * cannot decide yet, and the clock runs all the same), or it does not; why (message codes);
 * how its deadline is counted, and from when.
 */
public record Verdict(DutyType type, Status status, List<String> reasons, DeadlineRule deadline, Instant clockFrom) {

	static Verdict none(DutyType type) {
		return new Verdict(type, Status.NONE, List.of(), DeadlineRule.NONE, null);
	}

	public enum Status {

		APPLIES, PROVISIONAL, NONE

	}

}
