package jp.hikeshi.prevention;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jp.hikeshi.account.AccountService;
import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentNotFoundException;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.shared.BusinessRuleViolation;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The prevention plan of an incident (根本原因と再発防止の計画): its root cause, and prevention
 * measures followed up until done. Recorded by the security lead and the response team; a
 * measure is marked done by its owner or the lead, also after the incident has closed. Each
 * change goes on the incident's timeline, and the closing asks for the plan ({@link PreventionGuard}).
 */
@Service
@Transactional
public class PreventionService {

	/** A due date further out than this is a typo, not a plan. */
	static final int MAX_YEARS_AHEAD = 5;

	private final RootCauseAnalysisRepository analyses;

	private final PreventionMeasureRepository measures;

	private final IncidentService incidents;

	private final AccountService accounts;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	PreventionService(RootCauseAnalysisRepository analyses, PreventionMeasureRepository measures,
			IncidentService incidents, AccountService accounts, Clock clock, ApplicationEventPublisher events) {
		this.analyses = analyses;
		this.measures = measures;
		this.incidents = incidents;
		this.accounts = accounts;
		this.clock = clock;
		this.events = events;
	}

	/** The root cause: the causes chosen and the explanation, on the version the actor saw. */
	public record RootCauses(Set<RootCause> causes, String note, long version) {

		public RootCauses {
			causes = (causes == null || causes.isEmpty()) ? EnumSet.noneOf(RootCause.class) : EnumSet.copyOf(causes);
			note = (note == null || note.isBlank()) ? null : note.strip();
		}

	}

	/** A new prevention measure. */
	public record NewMeasure(Measure.Kind kind, String description, String owner, LocalDate dueOn) {
	}

	// --- commands ---

	public void recordRootCauses(long incidentId, Actor actor, RootCauses command) {
		this.incidents.findForTeam(incidentId, actor);
		this.analyses.createIfAbsent(incidentId);
		RootCauseAnalysis analysis = this.analyses.findForUpdate(incidentId)
			.orElseThrow(() -> new IncidentNotFoundException(incidentId));
		if (analysis.getVersion() != command.version()) {
			throw new ObjectOptimisticLockingFailureException(RootCauseAnalysis.class, incidentId);
		}
		Set<RootCause> causesBefore = analysis.getCauses();
		String noteBefore = analysis.getNote();
		analysis.change(command.causes(), command.note());
		if (!causesBefore.equals(command.causes())) {
			this.events.publishEvent(new PreventionEvents.RootCausesChanged(incidentId, actor.username(),
					causesBefore, command.causes()));
		}
		if (!Objects.equals(noteBefore, command.note())) {
			this.events.publishEvent(new PreventionEvents.RootCauseNoteChanged(incidentId, actor.username(),
					noteBefore, command.note()));
		}
	}

	public long addMeasure(long incidentId, Actor actor, NewMeasure command) {
		Incident incident = this.incidents.findForTeam(incidentId, actor);
		if (command.kind() == null) {
			throw BusinessRuleViolation.onField("kind", "measure.kindRequired");
		}
		if (command.description() == null || command.description().isBlank()) {
			throw BusinessRuleViolation.onField("description", "measure.descriptionRequired");
		}
		String owner = command.owner();
		if (owner == null || owner.isBlank()) {
			throw BusinessRuleViolation.onField("owner", "measure.ownerRequired");
		}
		if (this.accounts.findByUsername(owner).filter(UserAccount::isEnabled).isEmpty()) {
			throw BusinessRuleViolation.onField("owner", "measure.ownerUnknown");
		}
		LocalDate discovered = LocalDate.ofInstant(incident.getDiscoveredAt(), this.incidents.zone());
		LocalDate dueOn = command.dueOn();
		if (dueOn == null || dueOn.isBefore(discovered) || dueOn.isAfter(today().plusYears(MAX_YEARS_AHEAD))) {
			throw BusinessRuleViolation.onField("dueOn", "measure.dueOnInvalid", MAX_YEARS_AHEAD);
		}
		String description = command.description().strip();
		PreventionMeasure measure = this.measures.save(new PreventionMeasure(incidentId, command.kind(), description,
				owner, dueOn, actor.username(), this.clock.instant()));
		this.events.publishEvent(new PreventionEvents.MeasureAdded(incidentId, actor.username(), measure.getId(),
				command.kind(), description, owner, dueOn));
		return measure.getId();
	}

	/**
	 * Done: by its owner or the security lead, also after the incident has closed. The measure
	 * is locked first, so of two completions at once one is made and the other told it is done.
	 */
	public void complete(long incidentId, long measureId, Actor actor, LocalDate doneOn) {
		PreventionMeasure measure = this.measures.findForUpdate(incidentId, measureId)
			.orElseThrow(() -> new IncidentNotFoundException(incidentId));
		if (!actor.username().equals(measure.getOwner())) {
			// anyone but the owner must see the incident (a 404 otherwise) and be the lead
			this.incidents.find(incidentId, actor);
			if (!actor.has(Role.SECURITY_LEAD)) {
				throw new BusinessRuleViolation("measure.ownerOrLeadOnly");
			}
		}
		if (doneOn == null || doneOn.isAfter(today())) {
			throw BusinessRuleViolation.onField("doneOn", "measure.doneOnInvalid");
		}
		measure.complete(actor.username(), doneOn);
		this.events.publishEvent(new PreventionEvents.MeasureCompleted(incidentId, actor.username(), measureId,
				measure.getKind(), measure.getDescription(), doneOn));
	}

	// --- what the pages and the other modules read ---

	/** The plan as its page shows it, for those who may see the incident (a 404 for anyone else). */
	@Transactional(readOnly = true)
	public PreventionPlan plan(long incidentId, Actor actor) {
		return planOf(this.incidents.find(incidentId, actor));
	}

	/**
	 * The plan of an incident the caller has already loaded for its reader (through
	 * {@link IncidentService}, which checked that they may see it): for the incident report and
	 * the texts filed with the authorities.
	 */
	@Transactional(readOnly = true)
	public PreventionPlan planOf(Incident incident) {
		long id = incident.getId();
		List<Measure> measures = this.measures.findByIncidentIdOrderByDueOnAscIdAsc(id)
			.stream()
			.map(measure -> measure.view(incident.getReference()))
			.toList();
		return this.analyses.findById(id)
			.map(analysis -> new PreventionPlan(id, analysis.getCauses(), analysis.getNote(), analysis.getVersion(),
					measures))
			.orElseGet(() -> new PreventionPlan(id, EnumSet.noneOf(RootCause.class), null, 0, measures));
	}

	/** Every open measure, whoever asks: for reminders. Oldest due date first. */
	@Transactional(readOnly = true)
	public List<Measure> openMeasures() {
		List<PreventionMeasure> open = this.measures.findByDoneOnIsNullOrderByDueOnAscIdAsc();
		Map<Long, String> references = references(open.stream().map(PreventionMeasure::getIncidentId).toList());
		return open.stream().map(measure -> measure.view(references.get(measure.getIncidentId()))).toList();
	}

	/**
	 * The measures still open: all of them for the security lead and the executive, one's own
	 * for everyone else. Oldest due date first.
	 */
	@Transactional(readOnly = true)
	public List<Measure> openMeasures(Actor actor) {
		List<PreventionMeasure> open = actor.seesEverything() ? this.measures.findByDoneOnIsNullOrderByDueOnAscIdAsc()
				: this.measures.findByDoneOnIsNullAndOwnerOrderByDueOnAscIdAsc(actor.username());
		Map<Long, String> references = references(open.stream().map(PreventionMeasure::getIncidentId).toList());
		return open.stream().map(measure -> measure.view(references.get(measure.getIncidentId()))).toList();
	}

	public LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), this.incidents.zone());
	}

	private Map<Long, String> references(Collection<Long> incidentIds) {
		return this.incidents.findAllById(Set.copyOf(incidentIds))
			.stream()
			.collect(Collectors.toMap(Incident::getId, Incident::getReference, (one, other) -> one));
	}

}
