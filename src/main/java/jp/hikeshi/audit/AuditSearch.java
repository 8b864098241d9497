package jp.hikeshi.audit;

import java.time.Instant;
import java.util.Set;

/**
 * What the administrator looks for on the audit trail; every part may be left out.
 * @param actions the kinds, none for all
 * @param person a name, as the person acting or as the subject, in any case (a name tried at a
 * failed sign-in included)
 * @param address the start of an address ({@code 10.0.} finds the whole range)
 * @param from the first instant included
 * @param until the first instant no longer included
 */
public record AuditSearch(Set<AuditAction> actions, String person, String address, Instant from, Instant until) {

	public AuditSearch {
		actions = (actions == null) ? Set.of() : Set.copyOf(actions);
		person = blankToNull(person);
		address = blankToNull(address);
	}

	public static AuditSearch everything() {
		return new AuditSearch(Set.of(), null, null, null, null);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
