package jp.hikeshi.prevention;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jp.hikeshi.account.AccountService;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.account.Actor;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.shared.BusinessRuleViolation;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Root causes and prevention measures, followed up until done. Recorded by the security lead
 * and the response team; a measure is marked done by its owner or the lead, also after the
 * incident has closed. Each change goes on the incident's timeline.
 */
@Service
@Transactional
public class PreventionService {

	/** A due date further out than this is a typo, not a plan. */
	static final int MAX_YEARS_AHEAD = 5;

	private final ApplicationEventPublisher events;

	private final JdbcTemplate jdbc;

	private final IncidentService incidents;

	private final AccountService accounts;

	private final Clock clock;

	PreventionService(JdbcTemplate jdbc, IncidentService incidents, AccountService accounts, Clock clock,
			ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.incidents = incidents;
		this.accounts = accounts;
		this.clock = clock;
	}

	public void setRootCauses(long incidentId, Actor actor, Set<RootCause> causes) {
		this.incidents.findForTeam(incidentId, actor);
		Set<RootCause> before = rootCauses(incidentId, actor);
		this.jdbc.update("delete from root_cause where incident_id = ?", incidentId);
		for (RootCause cause : causes) {
			this.jdbc.update("insert into root_cause (incident_id, cause) values (?, ?)", incidentId, cause.name());
		}
		if (!before.equals(causes)) {
			this.events.publishEvent(new PreventionEvents.RootCausesChanged(incidentId, actor.username(), before, causes));
		}
	}

	public long addMeasure(long incidentId, Actor actor, Measure.Kind kind, String description, String owner,
			LocalDate dueOn) {
		Incident incident = this.incidents.findForTeam(incidentId, actor);
		if (kind == null) {
			throw BusinessRuleViolation.onField("kind", "measure.kindRequired");
		}
		if (description == null || description.isBlank()) {
			throw BusinessRuleViolation.onField("description", "measure.descriptionRequired");
		}
		if (owner == null || owner.isBlank()) {
			throw BusinessRuleViolation.onField("owner", "measure.ownerRequired");
		}
		if (this.accounts.findByUsername(owner).filter(UserAccount::isEnabled).isEmpty()) {
			throw BusinessRuleViolation.onField("owner", "measure.ownerUnknown");
		}
		LocalDate discovered = LocalDate.ofInstant(incident.getDiscoveredAt(), this.incidents.zone());
		if (dueOn == null || dueOn.isBefore(discovered) || dueOn.isAfter(today().plusYears(MAX_YEARS_AHEAD))) {
			throw BusinessRuleViolation.onField("dueOn", "measure.dueOnInvalid", MAX_YEARS_AHEAD);
		}
		Long id = this.jdbc.queryForObject("""
				insert into prevention_measure (incident_id, kind, description, owner, due_on, created_by, created_at)
				values (?, ?, ?, ?, ?, ?, ?) returning id""", Long.class, incidentId, kind.name(), description.strip(),
				owner, Date.valueOf(dueOn), actor.username(), Timestamp.from(this.clock.instant()));
		this.events.publishEvent(new PreventionEvents.MeasureAdded(incidentId, actor.username(), id, kind,
				description.strip(), owner, dueOn));
		return id;
	}

	/** Done: by its owner or the security lead, also after the incident has closed. */
	public void complete(long incidentId, long measureId, Actor actor, LocalDate doneOn) {
		Measure measure = measure(incidentId, measureId);
		if (!actor.username().equals(measure.owner())) {
			// anyone but the owner must see the incident (a 404 otherwise) and be the lead
			this.incidents.find(incidentId, actor);
			if (!actor.has(Role.SECURITY_LEAD)) {
				throw new BusinessRuleViolation("measure.ownerOrLeadOnly");
			}
		}
		if (measure.isDone()) {
			throw new BusinessRuleViolation("measure.alreadyDone");
		}
		if (doneOn == null || doneOn.isAfter(today())) {
			throw BusinessRuleViolation.onField("doneOn", "measure.doneOnInvalid");
		}
		this.jdbc.update("update prevention_measure set done_on = ?, done_by = ? where id = ?", Date.valueOf(doneOn),
				actor.username(), measureId);
		this.events.publishEvent(new PreventionEvents.MeasureCompleted(incidentId, actor.username(), measureId,
				measure.kind(), measure.description(), doneOn));
	}

	@Transactional(readOnly = true)
	public Set<RootCause> rootCauses(long incidentId, Actor actor) {
		this.incidents.find(incidentId, actor);
		return this.jdbc.queryForList("select cause from root_cause where incident_id = ?", String.class, incidentId)
			.stream()
			.map(RootCause::valueOf)
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(RootCause.class)));
	}

	@Transactional(readOnly = true)
	public List<Measure> measuresOf(long incidentId, Actor actor) {
		this.incidents.find(incidentId, actor);
		return this.jdbc.query(SELECT + " where m.incident_id = ? order by m.due_on, m.id", PreventionService::measure,
				incidentId);
	}

	/**
	 * The measures still open: all of them for the security lead and the executive, one's own
	 * for everyone else. Oldest due date first.
	 */
	@Transactional(readOnly = true)
	public List<Measure> openMeasures(Actor actor) {
		if (actor.seesEverything()) {
			return this.jdbc.query(SELECT + " where m.done_on is null order by m.due_on, m.id", PreventionService::measure);
		}
		return this.jdbc.query(SELECT + " where m.done_on is null and m.owner = ? order by m.due_on, m.id",
				PreventionService::measure, actor.username());
	}

	public LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), this.incidents.zone());
	}

	private static final String SELECT = """
			select m.id, m.incident_id, i.reference, m.kind, m.description, m.owner, m.due_on, m.done_on, m.done_by
			from prevention_measure m join incident i on i.id = m.incident_id""";

	private static Measure measure(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		Date done = rs.getDate(8);
		return new Measure(rs.getLong(1), rs.getLong(2), rs.getString(3), Measure.Kind.valueOf(rs.getString(4)),
				rs.getString(5), rs.getString(6), rs.getDate(7).toLocalDate(), done == null ? null : done.toLocalDate(),
				rs.getString(9));
	}

	private Measure measure(long incidentId, long measureId) {
		return this.jdbc.query(SELECT + " where m.incident_id = ? and m.id = ?", PreventionService::measure, incidentId,
				measureId).stream().findFirst().orElseThrow(() -> new jp.hikeshi.incident.IncidentNotFoundException(incidentId));
	}


	private static String names(Set<RootCause> causes) {
		return causes.stream().sorted().map(RootCause::name).collect(Collectors.joining(", "));
	}

}
