package jp.hikeshi.incident;

/**
 * One line of the required-items record and whether it is filled in. The ten items of the
 * guide's table, then METI's industry, contact and disclosure status.
 */
public record RequiredItem(Key key, boolean filled) {

	/** The items, in the guide's order. */
	public enum Key {

		CATEGORY, COMPANY, TEAM, OCCURRED_AT, DISCOVERED_AT, EVENTS, TIMELINE, ASSUMED_CAUSE, AFFECTED_SYSTEMS,
		SYSTEM_CONFIGURATION, INDUSTRY, CONTACT, DISCLOSURE

	}

}
