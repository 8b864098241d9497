package jp.hikeshi.incident;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A guard that does not hold, as a message code and its arguments: "2 checklist items are
 * open: …". The pages show these in the "what is needed to move on" panel, and a refused
 * transition reports them. As a {@link MessageSourceResolvable} it reads in the reader's
 * language with its arguments translated: a role or state by its label, a list of items
 * (checklist points, record items, reports) by their labels, joined.
 */
public record Unmet(String code, List<Object> arguments) implements MessageSourceResolvable, java.io.Serializable {

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

	/** The form field this guard concerns, where the refused move has one. */
	public String field() {
		return switch (this.code) {
			case "incident.guard.reasonRequired" -> "reason";
			case "incident.guard.categoryRequired" -> "category";
			case "incident.guard.severityRequired" -> "severity";
			case "incident.guard.responsibleRequired" -> "responsible";
			case "incident.guard.reentryTarget" -> "target";
			case "incident.record.occurredInFuture", "incident.record.occurredAfterDiscovered" -> "occurredAt";
			case "incident.record.discoveredInFuture" -> "discoveredAt";
			case "incident.record.discoveredAfterReport" -> "discoveredLateReason";
			case "incident.checklist.reasonRequired" -> "reason";
			case "incident.recovery.checksRequired" -> "checks";
			default -> null;
		};
	}

	@Override
	public String[] getCodes() {
		return new String[] { this.code };
	}

	@Override
	public Object[] getArguments() {
		List<Object> translated = new ArrayList<>();
		for (Object argument : this.arguments) {
			if (argument instanceof List<?> list) {
				translated.add(joined(list));
			}
			else if (this.code.equals("incident.guard.role")) {
				translated.add(label("Role." + argument, argument));
			}
			else if (this.code.equals("incident.guard.notFromState")) {
				translated.add(label("IncidentState." + argument, argument));
			}
			else {
				translated.add(argument);
			}
		}
		return translated.toArray();
	}

	@Override
	public String getDefaultMessage() {
		return null;
	}

	/** The items, each by its label (or as typed, for the company's own points), joined by {@code list.pair}. */
	private MessageSourceResolvable joined(List<?> items) {
		MessageSourceResolvable rest = null;
		for (int i = items.size() - 1; i >= 0; i--) {
			MessageSourceResolvable item = label(itemPrefix() + items.get(i), items.get(i));
			rest = (rest == null) ? item
					: new DefaultMessageSourceResolvable(new String[] { "list.pair" }, new Object[] { item, rest });
		}
		return (rest != null) ? rest : new DefaultMessageSourceResolvable(new String[0], new Object[0], "");
	}

	private static MessageSourceResolvable label(String code, Object fallback) {
		return new DefaultMessageSourceResolvable(new String[] { code }, null, String.valueOf(fallback));
	}

}
