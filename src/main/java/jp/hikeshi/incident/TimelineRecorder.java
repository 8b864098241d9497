package jp.hikeshi.incident;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends what other modules publish to the incident's timeline, synchronously and in the
 * publisher's transaction: the history line and the fact it records commit or roll back
 * together. The incident's row is locked so that sequence numbers stay gapless; its version
 * does not move, so nobody's open page is made stale by history.
 */
@Component
class TimelineRecorder {

	private final IncidentRepository incidents;

	private final Clock clock;

	TimelineRecorder(IncidentRepository incidents, Clock clock) {
		this.incidents = incidents;
		this.clock = clock;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(HistoryEvent event) {
		Incident incident = this.incidents.findForUpdate(event.incidentId())
			.orElseThrow(() -> new IncidentNotFoundException(event.incidentId()));
		incident.record(event.actor(), event.line(), this.clock.instant().truncatedTo(ChronoUnit.MICROS));
		this.incidents.save(incident);
	}

}
