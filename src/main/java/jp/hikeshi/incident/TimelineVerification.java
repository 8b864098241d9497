package jp.hikeshi.incident;

import java.time.Instant;
import java.util.List;

/**
 * The result of checking a timeline: how many entries, what does not hold, and up to which entry
 * the seals were added at the upgrade that brought them rather than when each was written (so a
 * change made before that upgrade cannot be told; {@code null} when every entry was sealed as
 * it was written).
 */
public record TimelineVerification(int entries, List<Problem> problems, Upgrade sealedAtUpgrade) {

	public TimelineVerification(int entries, List<Problem> problems) {
		this(entries, problems, null);
	}

	public boolean intact() {
		return this.problems.isEmpty();
	}

	/**
	 * One finding: at which entry, a message code, and the message keys of the labels it names
	 * (the state the incident shows, the state its history ends in), for {@code {1}}, {@code {2}}.
	 */
	public record Problem(int sequence, String code, List<String> labels) {

		public Problem(int sequence, String code, String... labels) {
			this(sequence, code, List.of(labels));
		}

		/** The message key of the label at {@code index}, or {@code ""} where there is none. */
		public String label(int index) {
			return (index < this.labels.size()) ? this.labels.get(index) : "";
		}

	}

	/** Entries 1 to {@code upTo} were sealed at {@code at}, when the seals came. */
	public record Upgrade(int upTo, Instant at) {
	}

}
