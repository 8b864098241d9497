package jp.hikeshi.reporting;

import jp.hikeshi.incident.IncidentEvents;
import jp.hikeshi.incident.IncidentService;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * When an incident is escalated, its reporting case opens with what the categories already
 * tell; when the lead corrects the categories or 発覚, the duties are worked out again.
 */
@Component
class EscalationListener {

	private final ReportingService reporting;

	private final IncidentService incidents;

	EscalationListener(ReportingService reporting, IncidentService incidents) {
		this.reporting = reporting;
		this.incidents = incidents;
	}

	/*
	 * Before the escalation commits, in its transaction: the lines this writes on the timeline
	 * cannot be added while the incident is still publishing its own events.
	 */
	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void on(IncidentEvents.Escalated event) {
		this.incidents.findByReference(event.reference())
			.ifPresent(incident -> this.reporting.openOnEscalation(incident, event.actor()));
	}

	/** Every deadline counts from 発覚: a corrected one moves them all. */
	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void on(IncidentEvents.DiscoveryChanged event) {
		this.incidents.findByReference(event.reference())
			.ifPresent(incident -> this.reporting.recalculate(incident, event.actor()));
	}

	/** Other kinds call for other reports: the police for a theft, IPA for ransomware. */
	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void on(IncidentEvents.CategoriesChanged event) {
		this.incidents.findByReference(event.reference())
			.ifPresent(incident -> this.reporting.recalculate(incident, event.actor()));
	}

	/** The incident names other systems of the register: step 2 proposes what they hold. */
	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void on(IncidentEvents.SystemsChosen event) {
		this.incidents.findByReference(event.reference())
			.ifPresent(incident -> this.reporting.proposeFromSystems(incident, event.actor()));
	}

}
