package jp.hikeshi.incident;

import java.util.List;

/**
 * A guard that does not hold, as a message code and its arguments: "2 checklist items are
 * open: …". The pages show these in the "what is needed to move on" panel, and a refused
 * transition reports them.
 */
public record Unmet(String code, List<Object> arguments) implements java.io.Serializable {

	public Unmet(String code, Object... arguments) {
		this(code, List.of(arguments));
	}

	public Object[] args() {
		return this.arguments.toArray();
	}

	/** The items a guard names (open checklist points, missing record items), if any. */
	public List<?> items() {
		return this.arguments.stream().filter(List.class::isInstance).map(List.class::cast).findFirst().orElse(List.of());
	}

	/** The message-key prefix of {@link #items()}. */
	public String itemPrefix() {
		if (this.code.startsWith("duty.")) {
			return "DutyType.";
		}
		return this.code.equals("incident.guard.requiredItemsMissing") ? "RequiredItem.Key." : "ChecklistPoint.";
	}

}
