package jp.hikeshi.investigation;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jp.hikeshi.account.AccountService;
import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.investigation.Investigation.ExecutiveReport;
import jp.hikeshi.investigation.Investigation.FiveW1H;
import jp.hikeshi.investigation.Investigation.OutsideHelp;
import jp.hikeshi.investigation.Investigation.Remediation;
import jp.hikeshi.shared.BusinessRuleViolation;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The investigation of an incident, recorded by the security lead and the response team. Each
 * change goes on the incident's timeline; dates cannot lie before the incident was noticed nor
 * after today.
 */
@Service
@Transactional
public class InvestigationService {

	private final ApplicationEventPublisher events;

	private final JdbcTemplate jdbc;

	private final IncidentService incidents;

	private final AccountService accounts;

	private final Clock clock;

	InvestigationService(JdbcTemplate jdbc, IncidentService incidents, AccountService accounts, Clock clock,
			ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
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
				this.jdbc.query("select id, kind, description, owner, done_on from remediation_action where incident_id = ? order by id",
						(rs, row) -> new Remediation(rs.getLong(1), Remediation.Kind.valueOf(rs.getString(2)), rs.getString(3),
								rs.getString(4), date(rs.getDate(5))), incidentId),
				this.jdbc.query("select id, helper, asked_on, request, advice, recorded_by from outside_help where incident_id = ? order by asked_on, id",
						(rs, row) -> new OutsideHelp(rs.getLong(1), rs.getString(2), date(rs.getDate(3)), rs.getString(4),
								rs.getString(5), rs.getString(6)), incidentId),
				this.jdbc.query("select id, reported_on, summary, reported_by from executive_report where incident_id = ? order by reported_on, id",
						(rs, row) -> new ExecutiveReport(rs.getLong(1), date(rs.getDate(2)), rs.getString(3), rs.getString(4)),
						incidentId));
	}

	/** 5W1H; why and where go to the required-items record, where they belong. */
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
		java.util.Set<Investigation.Item> changed = Investigation.Item.changed(before, facts);
		if (!changed.isEmpty()) {
			this.events.publishEvent(new InvestigationEvents.FactsUpdated(incidentId, actor.username(), changed));
		}
	}

	public void addRemediation(long incidentId, Actor actor, Remediation.Kind kind, String description, String owner,
			LocalDate doneOn) {
		Incident incident = this.incidents.findForTeam(incidentId, actor);
		if (kind == null) {
			throw BusinessRuleViolation.onField("kind", "remediation.kindRequired");
		}
		required(description, "description", "remediation.descriptionRequired");
		if (owner == null || owner.isBlank()) {
			throw BusinessRuleViolation.onField("owner", "remediation.ownerRequired");
		}
		if (this.accounts.findByUsername(owner).filter(UserAccount::isEnabled).isEmpty()) {
			throw BusinessRuleViolation.onField("owner", "remediation.ownerUnknown");
		}
		if (doneOn != null) {
			checkDate(incident, doneOn, "doneOn");
		}
		Long id = this.jdbc.queryForObject("""
				insert into remediation_action (incident_id, kind, description, owner, done_on, created_by, created_at)
				values (?, ?, ?, ?, ?, ?, ?) returning id""", Long.class, incidentId, kind.name(), description.strip(), owner,
				doneOn == null ? null : Date.valueOf(doneOn), actor.username(), Timestamp.from(this.clock.instant()));
		this.events.publishEvent(new InvestigationEvents.RemediationRecorded(incidentId, actor.username(), id, kind,
				description.strip(), owner));
	}

	/** A repair recorded as in progress is finished. */
	public void completeRemediation(long incidentId, long remediationId, Actor actor, LocalDate doneOn) {
		Incident incident = this.incidents.findForTeam(incidentId, actor);
		checkDate(incident, doneOn, "doneOn");
		Remediation remediation = this.jdbc.query(
				"select id, kind, description, owner, done_on from remediation_action where id = ? and incident_id = ? and done_on is null",
				(rs, row) -> new Remediation(rs.getLong(1), Remediation.Kind.valueOf(rs.getString(2)), rs.getString(3),
						rs.getString(4), null), remediationId, incidentId)
			.stream()
			.findFirst()
			.orElseThrow(() -> new BusinessRuleViolation("remediation.unknown"));
		this.jdbc.update("update remediation_action set done_on = ? where id = ?", Date.valueOf(doneOn), remediationId);
		this.events.publishEvent(new InvestigationEvents.RemediationCompleted(incidentId, actor.username(),
				remediationId, remediation.kind(), remediation.description(), doneOn));
	}

	public void addOutsideHelp(long incidentId, Actor actor, String helper, LocalDate askedOn, String request,
			String advice) {
		Incident incident = this.incidents.findForTeam(incidentId, actor);
		required(helper, "helper", "help.helperRequired");
		required(request, "request", "help.requestRequired");
		checkDate(incident, askedOn, "askedOn");
		this.jdbc.update("""
				insert into outside_help (incident_id, helper, asked_on, request, advice, recorded_by)
				values (?, ?, ?, ?, ?, ?)""", incidentId, helper.strip(), Date.valueOf(askedOn), request.strip(),
				(advice == null || advice.isBlank()) ? null : advice.strip(), actor.username());
		this.events.publishEvent(
				new InvestigationEvents.OutsideHelpAsked(incidentId, actor.username(), helper.strip(), askedOn, request.strip()));
	}

	/** 経営者への報告: what was reported to the executive and when (security lead). */
	public void addExecutiveReport(long incidentId, Actor actor, LocalDate reportedOn, String summary) {
		Incident incident = this.incidents.find(incidentId, actor);
		if (!actor.has(Role.SECURITY_LEAD)) {
			throw new BusinessRuleViolation("executiveReport.leadOnly");
		}
		required(summary, "summary", "executiveReport.summaryRequired");
		checkDate(incident, reportedOn, "reportedOn");
		this.jdbc.update("insert into executive_report (incident_id, reported_on, summary, reported_by) values (?, ?, ?, ?)",
				incidentId, Date.valueOf(reportedOn), summary.strip(), actor.username());
		this.events.publishEvent(
				new InvestigationEvents.ExecutiveReported(incidentId, actor.username(), reportedOn, summary.strip()));
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


	private static String summary(FiveW1H facts) {
		return String.join(" / ", java.util.stream.Stream.of(facts.when(), facts.who(), facts.whom(), facts.what(),
				facts.how()).filter(v -> v != null && !v.isBlank()).toList());
	}

	private static LocalDate date(Date date) {
		return (date == null) ? null : date.toLocalDate();
	}

}
