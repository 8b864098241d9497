package jp.hikeshi.reporting;

import jp.hikeshi.incident.IncidentEvents;
import jp.hikeshi.incident.IncidentService;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When an incident is escalated, its reporting case opens with what the categories already
 * tell; when the lead corrects the categories, the duties are worked out again.
 */
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

	/** Other kinds call for other reports: the police for a theft, IPA for ransomware. */
	@EventListener
	void on(IncidentEvents.CategoriesChanged event) {
		this.incidents.findByReference(event.reference())
			.ifPresent(incident -> this.reporting.recalculate(incident, event.actor()));
	}

}
