package jp.hikeshi.notification;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What an integrator's endpoint may subscribe to, each with the {@code type} its JSON events
 * carry. The test event is sent on request only, to one endpoint, and cannot be subscribed to.
 */
public enum IntegrationEvent {

	/** A member of staff reported something. */
	REPORT_RECEIVED("report.received"),
	/** The incident moved from one state to another. */
	STATE_CHANGED("incident.state_changed"),
	/** A report owed is due soon or due today (each stage once per deadline). */
	DUTY_DUE_SOON("duty.due_soon"),
	/** A report owed is past its deadline. */
	DUTY_OVERDUE("duty.overdue"),
	/** A report owed was filed. */
	DUTY_FILED("duty.filed"),
	/** The incident was closed. */
	INCIDENT_CLOSED("incident.closed"),
	/** "Send a test event" on the settings page or through the API. */
	TEST("webhook.test");

	private final String type;

	IntegrationEvent(String type) {
		this.type = type;
	}

	/** The {@code type} of the JSON event: {@code incident.state_changed}. */
	public String type() {
		return this.type;
	}

	public boolean isSubscribable() {
		return this != TEST;
	}

	/** The events an endpoint may choose, in the order the pages list them. */
	public static List<IntegrationEvent> subscribable() {
		return Arrays.stream(values()).filter(IntegrationEvent::isSubscribable).toList();
	}

	/** The event an endpoint may subscribe to with this name ({@code DUTY_FILED}), as the database keeps it. */
	public static Optional<IntegrationEvent> ofName(String name) {
		return Arrays.stream(values()).filter(event -> event.isSubscribable() && event.name().equals(name)).findFirst();
	}

	/** The event with this type ({@code duty.filed}), if it is one an endpoint may subscribe to. */
	public static Optional<IntegrationEvent> ofType(String type) {
		return Arrays.stream(values()).filter(event -> event.isSubscribable() && event.type.equals(type)).findFirst();
	}

}
