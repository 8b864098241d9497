package jp.hikeshi.notification;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jp.hikeshi.account.People;
import jp.hikeshi.account.Role;
import jp.hikeshi.incident.Assignee;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentEvents;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.incident.IncidentState;
import jp.hikeshi.incident.StillHappening;
import jp.hikeshi.incident.TimelineEntry;
import jp.hikeshi.reporting.ReportingEvents;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The rows of the table that follow from something a person did: each listener runs just before
 * the change commits and writes its notifications in the same transaction, so they exist exactly
 * when the change does. Nobody is told of their own action unless it leaves them a decision.
 */
@Component
class IncidentNotifications {

	private final Notifier notifier;

	private final IncidentService incidents;

	private final People people;

	private final Clock clock;

	IncidentNotifications(Notifier notifier, IncidentService incidents, People people, Clock clock) {
		this.notifier = notifier;
		this.incidents = incidents;
		this.people = people;
		this.clock = clock;
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void on(IncidentEvents.Reported event) {
		Incident incident = incident(event.reference());
		boolean stillHappening = incident.getStillHappening() == StillHappening.YES;
		Occurrence occurrence = Occurrence.of(Rule.NEW_REPORT, key(incident, "reported"), incident.getId(),
				incident.getReference(), stillHappening ? Notifier.variant("still") : Map.of(), page(incident));
		this.notifier.tell(stillHappening ? occurrence.first() : occurrence,
				others(this.people.holding(Role.SECURITY_LEAD), incident.getReportedBy()));
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void on(IncidentEvents.Escalated event) {
		Incident incident = incident(event.reference());
		this.notifier.tell(Occurrence.of(Rule.ESCALATED, key(incident, "escalated"), incident.getId(),
				incident.getReference(), Map.of("label", "Category." + event.category().name(), "label2",
						"Severity." + event.severity().name()), page(incident)),
				this.people.holding(Role.EXECUTIVE));
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void on(IncidentEvents.StateChanged event) {
		Incident incident = incident(event.reference());
		String actor = incident.lastChange().map(TimelineEntry::getActor).orElse(null);
		if (event.to() == IncidentState.TEAM_FORMED) {
			List<String> team = new ArrayList<>();
			team.add(incident.getResponsible());
			incident.getAssignees().stream().map(Assignee::username).forEach(team::add);
			this.notifier.tell(Occurrence.of(Rule.TEAM_ASSIGNED, key(incident, "team"), incident.getId(),
					incident.getReference(), Map.of(), page(incident)), others(team, actor));
		}
		if (event.to() == IncidentState.PREVENTION) {
			// each time the response reaches step 3's end, the closing waits for the executive again
			this.notifier.tell(Occurrence.of(Rule.DECISION_WAITING, key(incident, "closing:" + now()), incident.getId(),
					incident.getReference(), Notifier.variant("closing"), page(incident)),
					this.people.holding(Role.EXECUTIVE));
		}
		String reporterNews = (event.from() == IncidentState.REPORTED && event.to() == IncidentState.TRIAGE) ? "taken"
				: (event.to() == IncidentState.CLOSED) ? "closed"
				: (event.to() == IncidentState.DISMISSED) ? "dismissed" : null;
		if (reporterNews != null) {
			this.notifier.tell(Occurrence.of(Rule.REPORTER_UPDATE, key(incident, reporterNews + ":" + now()),
					incident.getId(), incident.getReference(), Notifier.variant(reporterNews),
					"/reports/" + incident.getId()), others(List.of(incident.getReportedBy()), actor));
		}
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void on(IncidentEvents.InformationAdded event) {
		Incident incident = incident(event.reference());
		List<String> told = new ArrayList<>(this.people.holding(Role.SECURITY_LEAD));
		if (incident.getResponsible() != null) {
			told.add(incident.getResponsible());
		}
		this.notifier.tell(Occurrence.of(Rule.REPORTER_INFORMATION, key(incident, "information:" + now()),
				incident.getId(), incident.getReference(), Map.of(), page(incident)), others(told, event.actor()));
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void on(ReportingEvents.AnnouncementDrafted event) {
		Incident incident = this.incidents.findById(event.incidentId()).orElseThrow();
		this.notifier.tell(Occurrence.of(Rule.DECISION_WAITING,
				"incident:" + incident.getId() + ":announcement:" + event.kind().name() + ":" + now(), incident.getId(),
				incident.getReference(), Map.of("variant", "announcement", "label", "AnnouncementKind." + event.kind().name()),
				"/incidents/" + incident.getId() + "/reporting"), this.people.holding(Role.EXECUTIVE));
	}

	private Incident incident(String reference) {
		return this.incidents.findByReference(reference).orElseThrow();
	}

	private long now() {
		return this.clock.instant().toEpochMilli();
	}

	private static String key(Incident incident, String what) {
		return "incident:" + incident.getId() + ":" + what;
	}

	private static String page(Incident incident) {
		return "/incidents/" + incident.getId();
	}

	/** Everyone but the person who did it. */
	private static List<String> others(List<String> usernames, String actor) {
		return usernames.stream().filter(username -> username != null && !username.equals(actor)).toList();
	}

}
