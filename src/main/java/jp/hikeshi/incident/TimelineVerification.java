package jp.hikeshi.incident;

import java.util.List;

/** The result of checking a timeline's hash chain: how many entries, and what does not hold. */
public record TimelineVerification(int entries, List<Problem> problems) {

	public boolean intact() {
		return this.problems.isEmpty();
	}

	/** One finding: at which entry, and a message code. */
	public record Problem(int sequence, String code) {
	}

}
