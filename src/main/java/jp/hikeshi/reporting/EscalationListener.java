package jp.hikeshi.reporting;

import jp.hikeshi.incident.IncidentEvents;
import jp.hikeshi.incident.IncidentService;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** When an incident is escalated, its reporting case opens with what the category already tells. */
@Component
class EscalationListener {

	private final ReportingService reporting;

	private final IncidentService incidents;

	EscalationListener(ReportingService reporting, IncidentService incidents) {
		this.reporting = reporting;
		this.incidents = incidents;
	}

	@EventListener
	void on(IncidentEvents.Escalated event) {
		this.incidents.findByReference(event.reference()).ifPresent(this.reporting::open);
	}

}
