package jp.hikeshi.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentEvents;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.organisation.OrganisationService;
import jp.hikeshi.reporting.Deadline;
import jp.hikeshi.reporting.DueDuty;
import jp.hikeshi.reporting.ReportingEvents;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The events integrators receive: each listener runs just before the change commits and writes
 * one delivery per endpoint that subscribed, in the same transaction, unique per occurrence and
 * endpoint; the reminder scan adds the deadlines' stages. The body is written once, so every try
 * sends the same event: an id, a type, a timestamp and the incident's id, reference, state and
 * link, with a few codes — never a description, a title, a name or personal data.
 */
@Component
class IntegrationFeed {

	/** After every message to a person: a report still happening goes out before any integration. */
	static final int PRIORITY = 6;

	private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

	private final JdbcTemplate jdbc;

	private final IncidentService incidents;

	private final NotificationSettings settings;

	private final OrganisationService organisations;

	private final Dispatcher dispatcher;

	private final Clock clock;

	private volatile Subscriptions cached;

	IntegrationFeed(JdbcTemplate jdbc, IncidentService incidents, NotificationSettings settings,
			OrganisationService organisations, Dispatcher dispatcher, Clock clock) {
		this.jdbc = jdbc;
		this.incidents = incidents;
		this.settings = settings;
		this.organisations = organisations;
		this.dispatcher = dispatcher;
		this.clock = clock;
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void on(IncidentEvents.Reported event) {
		List<Long> endpoints = subscribers(IntegrationEvent.REPORT_RECEIVED);
		if (endpoints.isEmpty()) {
			return;
		}
		Incident incident = this.incidents.findByReference(event.reference()).orElseThrow();
		Map<String, Object> data = facts(incident);
		if (incident.getStillHappening() != null) {
			data.put("stillHappening", incident.getStillHappening().name());
		}
		queue(IntegrationEvent.REPORT_RECEIVED, key(incident, "reported"), incident, data, endpoints);
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void on(IncidentEvents.StateChanged event) {
		List<Long> endpoints = subscribers(IntegrationEvent.STATE_CHANGED);
		if (endpoints.isEmpty()) {
			return;
		}
		Incident incident = this.incidents.findByReference(event.reference()).orElseThrow();
		Map<String, Object> data = facts(incident);
		data.put("state", event.to().name());
		data.put("from", event.from().name());
		data.put("to", event.to().name());
		queue(IntegrationEvent.STATE_CHANGED,
				key(incident, "state:" + event.from() + ":" + event.to() + ":" + this.clock.millis()), incident, data,
				endpoints);
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void on(IncidentEvents.Closed event) {
		List<Long> endpoints = subscribers(IntegrationEvent.INCIDENT_CLOSED);
		if (endpoints.isEmpty()) {
			return;
		}
		Incident incident = this.incidents.findByReference(event.reference()).orElseThrow();
		queue(IntegrationEvent.INCIDENT_CLOSED, key(incident, "closed:" + this.clock.millis()), incident,
				facts(incident), endpoints);
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void on(ReportingEvents.DutyFiled event) {
		List<Long> endpoints = subscribers(IntegrationEvent.DUTY_FILED);
		if (endpoints.isEmpty()) {
			return;
		}
		Incident incident = this.incidents.findById(event.incidentId()).orElseThrow();
		Map<String, Object> data = facts(incident);
		data.put("dutyType", event.duty().name());
		if (event.filedOn() != null) {
			data.put("filedOn", event.filedOn().toString());
		}
		queue(IntegrationEvent.DUTY_FILED, key(incident, "filed:" + event.duty() + ":" + this.clock.millis()), incident,
				data, endpoints);
	}

	/**
	 * A report owed reached a stage of its deadline: due soon and due today are
	 * {@code duty.due_soon} (each once), overdue is {@code duty.overdue}.
	 * @param occurrence the reminder's key, which names the duty, the stage and the deadline
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void dutyDue(String occurrence, Incident incident, DueDuty duty, Reminders.Stage stage) {
		IntegrationEvent event = (stage == Reminders.Stage.OVERDUE) ? IntegrationEvent.DUTY_OVERDUE
				: IntegrationEvent.DUTY_DUE_SOON;
		List<Long> endpoints = subscribers(event);
		if (endpoints.isEmpty() || incident == null) {
			return;
		}
		Map<String, Object> data = facts(incident);
		data.put("dutyType", duty.duty().getType().name());
		data.put("stage", stage.name());
		Deadline deadline = duty.deadline();
		if (deadline.isDay()) {
			data.put("dueDay", deadline.lastDay().toString());
		}
		else if (deadline.end() != null) {
			data.put("dueAt", ISO.format(deadline.end().atZone(zone()).toOffsetDateTime()));
		}
		queue(event, occurrence, incident, data, endpoints);
	}

	/**
	 * A test event for one endpoint, whatever it subscribed to.
	 * @return the event's id (its {@code webhook-id})
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	String test(long endpointId) {
		return queue(IntegrationEvent.TEST, "hook-test:" + UUID.randomUUID(), null, new LinkedHashMap<>(),
				List.of(endpointId)).get(0);
	}

	/** The endpoints changed on this node: the next event reads them again (and again once the change commits). */
	void forget() {
		this.cached = null;
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					IntegrationFeed.this.cached = null;
				}
			});
		}
	}

	/** The ids of the deliveries' events, one per endpoint. */
	private List<String> queue(IntegrationEvent event, String occurrence, Incident incident, Map<String, Object> data,
			List<Long> endpoints) {
		if (incident != null && incident.isDrill()) {
			// a drill never reaches the company's outside tools
			return List.of();
		}
		Instant now = this.clock.instant();
		String timestamp = ISO.format(OffsetDateTime.ofInstant(now.truncatedTo(ChronoUnit.SECONDS), zone()));
		String link = null;
		if (incident != null) {
			link = "/incidents/" + incident.getId();
			data.put("link", this.settings.publicBaseUrl(this.settings.cachedCompany()) + link);
		}
		List<String> ids = new ArrayList<>();
		List<Object[]> rows = new ArrayList<>();
		for (long endpoint : endpoints) {
			String id = UUID.randomUUID().toString();
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("id", id);
			body.put("type", event.type());
			body.put("timestamp", timestamp);
			body.put("data", data);
			ids.add(id);
			rows.add(new Object[] { event.name(), occurrence, endpoint, (incident == null) ? null : incident.getId(),
					(incident == null) ? null : incident.getReference(), link, PRIORITY, Timestamp.from(now),
					Timestamp.from(now), Notifier.JSON.writeValueAsString(body) });
		}
		this.jdbc.batchUpdate("""
				insert into notification (rule, occurrence, channel, endpoint_id, incident_id, reference, link, priority,
				                          state, next_attempt_at, created_at, payload)
				values (?, ?, 'HOOK', ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?)
				on conflict (occurrence, channel, coalesce(recipient, ''), coalesce(webhook_id, 0), coalesce(endpoint_id, 0))
				do nothing""", rows);
		this.dispatcher.wakeAfterCommit();
		return ids;
	}

	/** What every event about an incident says: its id, reference and state (the link is added last). */
	private static Map<String, Object> facts(Incident incident) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("incidentId", incident.getId());
		data.put("reference", incident.getReference());
		data.put("state", incident.getState().name());
		if (incident.getSeverity() != null) {
			data.put("severity", incident.getSeverity().name());
		}
		return data;
	}

	private static String key(Incident incident, String what) {
		return "incident:" + incident.getId() + ":" + what;
	}

	private ZoneId zone() {
		return this.organisations.timeZone();
	}

	/**
	 * The enabled endpoints that want this event, kept for a few seconds: every report asks. A
	 * change on this node is seen at once, on another within that time.
	 */
	private List<Long> subscribers(IntegrationEvent event) {
		Subscriptions subscriptions = this.cached;
		Instant now = this.clock.instant();
		if (subscriptions == null || !now.isBefore(subscriptions.until())) {
			Map<IntegrationEvent, List<Long>> byEvent = new EnumMap<>(IntegrationEvent.class);
			this.jdbc.query("select id, events from integration_endpoint where enabled order by id", rs -> {
				long id = rs.getLong("id");
				for (String name : (String[]) rs.getArray("events").getArray()) {
					IntegrationEvent.ofName(name)
						.ifPresent(wanted -> byEvent.computeIfAbsent(wanted, e -> new ArrayList<>()).add(id));
				}
			});
			subscriptions = new Subscriptions(byEvent, now.plusSeconds(10));
			this.cached = subscriptions;
		}
		return subscriptions.byEvent().getOrDefault(event, List.of());
	}

	private record Subscriptions(Map<IntegrationEvent, List<Long>> byEvent, Instant until) {
	}

}
