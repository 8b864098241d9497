package jp.hikeshi.register;

import java.util.List;

/**
 * A system as someone wants it written down — from the page, a line group of an imported file or
 * the API: its details and the personal data it holds, in order. Nothing checked yet
 * ({@link SystemRules} does).
 */
public record SystemChange(RegisteredSystem.Details system, List<HeldData.Details> dataSets) {

	public SystemChange {
		dataSets = (dataSets == null) ? List.of() : List.copyOf(dataSets);
	}

}
