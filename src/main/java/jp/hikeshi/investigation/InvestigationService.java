package jp.hikeshi.investigation;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;

import jp.hikeshi.account.AccountService;
import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.investigation.Investigation.ExecutiveReport;
import jp.hikeshi.investigation.Investigation.FiveW1H;
import jp.hikeshi.investigation.Investigation.OutsideHelp;
import jp.hikeshi.investigation.InvestigationCommands.AskForHelp;
import jp.hikeshi.investigation.InvestigationCommands.RecordRemediation;
import jp.hikeshi.investigation.InvestigationCommands.ReportToExecutive;
import jp.hikeshi.shared.BusinessRuleViolation;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The investigation of an incident, recorded by the security lead and the response team. Each
 * change goes on the incident's timeline; dates cannot lie before the incident was noticed nor
 * after today.
 *
 * <p>Repairs are an aggregate of their own ({@link RemediationAction}): they change once, when
 * finished, and two people may finish one at the same moment. 5W1H, the help asked and the
 * reports to the executive are rows written once (or one upsert) and read back whole: plain
 * JDBC says that in fewer moving parts.
 */
@Service
@Transactional
public class InvestigationService {

	private final ApplicationEventPublisher events;

	private final JdbcTemplate jdbc;

	private final RemediationActionRepository remediations;

	private final IncidentService incidents;

	private final AccountService accounts;

	private final Clock clock;

	InvestigationService(JdbcTemplate jdbc, RemediationActionRepository remediations, IncidentService incidents,
			AccountService accounts, Clock clock, ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.remediations = remediations;
		this.incidents = incidents;
		this.accounts = accounts;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Investigation of(long incidentId, Actor actor) {
		Incident incident = this.incidents.find(incidentId, actor);
		FiveW1H facts = this.jdbc.query(
				"select when_text, who_text, whom_text, what_text, how_text, started_on from investigation where incident_id = ?",
				(rs, row) -> new FiveW1H(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5), incident.getRecord().getAssumedCause(),
						incident.getRecord().getAffectedSystemsStatus(), date(rs.getDate(6))),
				incidentId).stream().findFirst().orElse(new FiveW1H(null, null, null, null, null,
						incident.getRecord().getAssumedCause(), incident.getRecord().getAffectedSystemsStatus()));
		return new Investigation(facts,
				this.remediations.findByIncidentIdOrderById(incidentId).stream().map(RemediationAction::view).toList(),
				this.jdbc.query("select id, helper, asked_on, request, advice, recorded_by from outside_help where incident_id = ? order by asked_on, id",
						(rs, row) -> new OutsideHelp(rs.getLong(1), rs.getString(2), date(rs.getDate(3)), rs.getString(4),
								rs.getString(5), rs.getString(6)), incidentId),
				this.jdbc.query("select id, reported_on, summary, reported_by from executive_report where incident_id = ? order by reported_on, id",
						(rs, row) -> new ExecutiveReport(rs.getLong(1), date(rs.getDate(2)), rs.getString(3), rs.getString(4)),
						incidentId));
	}

	/**
	 * 5W1H; why and where go to the required-items record, where they belong. The timeline
	 * names the items that changed; saving the same facts again adds nothing to it.
	 */
	public void updateFacts(long incidentId, long version, Actor actor, FiveW1H facts) {
		Incident incident = this.incidents.findForTeam(incidentId, actor);
		if (facts.startedOn() != null) {
			LocalDate today = LocalDate.ofInstant(this.clock.instant(), this.incidents.zone());
			LocalDate recovered = (incident.getRecoveryConfirmedAt() == null) ? today
					: LocalDate.ofInstant(incident.getRecoveryConfirmedAt(), this.incidents.zone());
			if (facts.startedOn().isAfter(today) || facts.startedOn().isAfter(recovered)) {
				throw BusinessRuleViolation.onField("startedOn", "investigation.startedAfterRecovery");
			}
		}
		FiveW1H before = of(incidentId, actor).facts();
		this.jdbc.update("""
				insert into investigation (incident_id, when_text, who_text, whom_text, what_text, how_text, started_on, updated_by, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (incident_id) do update set when_text = excluded.when_text, who_text = excluded.who_text,
				    whom_text = excluded.whom_text, what_text = excluded.what_text, how_text = excluded.how_text,
				    started_on = excluded.started_on, updated_by = excluded.updated_by, updated_at = excluded.updated_at""",
				incidentId, facts.when(), facts.who(), facts.whom(), facts.what(), facts.how(),
				facts.startedOn() == null ? null : Date.valueOf(facts.startedOn()), actor.username(),
				Timestamp.from(this.clock.instant()));
		this.incidents.updateCauseAndSystems(incidentId, version, actor, facts.why(), facts.where());
		Set<Investigation.Item> changed = Investigation.Item.changed(before, facts);
		if (!changed.isEmpty()) {
			this.events.publishEvent(new InvestigationEvents.FactsUpdated(incidentId, actor.username(), changed));
		}
	}

	public void addRemediation(long incidentId, Actor actor, RecordRemediation repair) {
		Incident incident = this.incidents.findForTeam(incidentId, actor);
		if (repair.kind() == null) {
			throw BusinessRuleViolation.onField("kind", "remediation.kindRequired");
		}
		required(repair.description(), "description", "remediation.descriptionRequired");
		if (repair.owner() == null || repair.owner().isBlank()) {
			throw BusinessRuleViolation.onField("owner", "remediation.ownerRequired");
		}
		if (this.accounts.findByUsername(repair.owner()).filter(UserAccount::isEnabled).isEmpty()) {
			throw BusinessRuleViolation.onField("owner", "remediation.ownerUnknown");
		}
		if (repair.doneOn() != null) {
			checkDate(incident, repair.doneOn(), "doneOn");
		}
		String description = repair.description().strip();
		RemediationAction saved = this.remediations.save(new RemediationAction(incidentId, repair.kind(), description,
				repair.owner(), repair.doneOn(), actor.username(), this.clock.instant()));
		this.events.publishEvent(new InvestigationEvents.RemediationRecorded(incidentId, actor.username(),
				saved.getId(), repair.kind(), description, repair.owner()));
	}

	/**
	 * A repair recorded as in progress is finished. Of two people finishing it at once, one
	 * succeeds; the other is refused as already done, or (if both read it before either wrote)
	 * told that it changed meanwhile.
	 */
	public void completeRemediation(long incidentId, long remediationId, Actor actor, LocalDate doneOn) {
		Incident incident = this.incidents.findForTeam(incidentId, actor);
		RemediationAction repair = this.remediations.findByIdAndIncidentId(remediationId, incidentId)
			.orElseThrow(() -> new BusinessRuleViolation("remediation.unknown"));
		checkDate(incident, doneOn, "doneOn");
		repair.complete(actor.username(), doneOn);
		// flushed here, so that a lost race surfaces as an optimistic-locking conflict of this call
		this.remediations.saveAndFlush(repair);
	}

	public void addOutsideHelp(long incidentId, Actor actor, AskForHelp help) {
		Incident incident = this.incidents.findForTeam(incidentId, actor);
		required(help.helper(), "helper", "help.helperRequired");
		required(help.request(), "request", "help.requestRequired");
		checkDate(incident, help.askedOn(), "askedOn");
		String helper = help.helper().strip();
		String request = help.request().strip();
		this.jdbc.update("""
				insert into outside_help (incident_id, helper, asked_on, request, advice, recorded_by)
				values (?, ?, ?, ?, ?, ?)""", incidentId, helper, Date.valueOf(help.askedOn()), request,
				(help.advice() == null || help.advice().isBlank()) ? null : help.advice().strip(), actor.username());
		this.events.publishEvent(
				new InvestigationEvents.OutsideHelpAsked(incidentId, actor.username(), helper, help.askedOn(), request));
	}

	/** Whether this person records reports to the executive: the security lead. */
	public boolean mayReportToExecutive(Actor actor) {
		return actor.has(Role.SECURITY_LEAD);
	}

	/** 経営者への報告: what was reported to the executive and when (security lead). */
	public void addExecutiveReport(long incidentId, Actor actor, ReportToExecutive report) {
		Incident incident = this.incidents.find(incidentId, actor);
		if (!mayReportToExecutive(actor)) {
			throw new BusinessRuleViolation("executiveReport.leadOnly");
		}
		required(report.summary(), "summary", "executiveReport.summaryRequired");
		checkDate(incident, report.reportedOn(), "reportedOn");
		String summary = report.summary().strip();
		this.jdbc.update("insert into executive_report (incident_id, reported_on, summary, reported_by) values (?, ?, ?, ?)",
				incidentId, Date.valueOf(report.reportedOn()), summary, actor.username());
		this.events.publishEvent(
				new InvestigationEvents.ExecutiveReported(incidentId, actor.username(), report.reportedOn(), summary));
	}

	private void checkDate(Incident incident, LocalDate date, String field) {
		LocalDate discovered = LocalDate.ofInstant(incident.getDiscoveredAt(), this.incidents.zone());
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), this.incidents.zone());
		if (date == null || date.isBefore(discovered) || date.isAfter(today)) {
			throw BusinessRuleViolation.onField(field, "investigation.dateInvalid");
		}
	}

	private static void required(String value, String field, String code) {
		if (value == null || value.isBlank()) {
			throw BusinessRuleViolation.onField(field, code);
		}
	}

	private static LocalDate date(Date date) {
		return (date == null) ? null : date.toLocalDate();
	}

}
