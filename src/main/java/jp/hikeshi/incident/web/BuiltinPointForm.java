package jp.hikeshi.incident.web;

/**
 * A point of the guide, as the company uses it: in use or not, and the company's own wording
 * (empty: the guide's). The wording's rules are the {@link jp.hikeshi.incident.PlaybookService}'s,
 * reported on the {@code text} field.
 */
public record BuiltinPointForm(String text, Boolean active) {

	/** An unticked box sends nothing: not in use. */
	boolean inUse() {
		return Boolean.TRUE.equals(this.active);
	}

}
