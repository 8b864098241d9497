package jp.hikeshi.reporting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.People;
import jp.hikeshi.account.Role;
import jp.hikeshi.calendar.LegalDeadlines;
import jp.hikeshi.incident.Category;
import jp.hikeshi.incident.HistoryEvent;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentState;
import jp.hikeshi.incident.IncidentNotFoundException;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.incident.LeakKind;
import jp.hikeshi.organisation.Industry;
import jp.hikeshi.organisation.Organisation;
import jp.hikeshi.organisation.OrganisationService;
import jp.hikeshi.prevention.PreventionService;
import jp.hikeshi.register.Register;
import jp.hikeshi.shared.BusinessRuleViolation;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Step 2 of an incident: the security lead records the facts, Hikeshi works out the reports
 * owed and their deadlines, the lead records each filing or waiver, drafts announcements, and
 * the executive approves them. Only the security lead and the executive see any of it.
 */
@Service
@Transactional
public class ReportingService {

	private final ApplicationEventPublisher events;

	private final ReportingCaseRepository cases;

	private final IncidentService incidents;

	private final OrganisationService organisations;

	private final Clock clock;

	private final PreventionService prevention;

	private final EntityManager entityManager;

	private final LegalDeadlines calendar;

	private final People people;

	private final Register register;

	ReportingService(ReportingCaseRepository cases, IncidentService incidents, OrganisationService organisations,
			Clock clock, ApplicationEventPublisher events, PreventionService prevention, EntityManager entityManager,
			LegalDeadlines calendar, People people, Register register) {
		this.register = register;
		this.events = events;
		this.people = people;
		this.calendar = calendar;
		this.entityManager = entityManager;
		this.cases = cases;
		this.incidents = incidents;
		this.organisations = organisations;
		this.clock = clock;
		this.prevention = prevention;
	}

	/** The case of an incident, opened with what its category already tells where there is none yet. */
	public ReportingCase caseFor(long incidentId, Actor actor) {
		Incident incident = visibleIncident(incidentId, actor);
		ReportingCase reportingCase = this.cases.findByIncidentId(incidentId).orElseGet(() -> open(incident, actor.username()));
		// returned whole: the pages read duties and announcements after the transaction
		reportingCase.getDuties().size();
		reportingCase.getAnnouncements().size();
		reportingCase.getDataSets().size();
		return reportingCase;
	}

	/** Everything the reporting page shows, loaded in one transaction. */
	public View view(long incidentId, Actor actor) {
		Incident incident = visibleIncident(incidentId, actor);
		ReportingCase reportingCase = caseFor(incidentId, actor);
		return new View(incident, reportingCase, dutiesOf(reportingCase, incident), reportingCase.lapsedDuties());
	}

	/** The reporting page's content. */
	public record View(Incident incident, ReportingCase reportingCase, List<DueDuty> duties, List<Duty> lapsed) {
	}

	/**
	 * Opens the case when an incident is escalated, so that its duties show from the start: the
	 * personal-data duties as 要判断 until the lead assesses the leak, with their clocks running from 発覚.
	 */
	ReportingCase open(Incident incident, String actor) {
		return this.cases.findByIncidentId(incident.getId()).orElseGet(() -> {
			ReportingCase opened = this.cases
				.save(new ReportingCase(incident.getId(), initialFacts(incident), context(incident), now()));
			if (!incident.getSystemIds().isEmpty()) {
				// what the register says the named systems hold counts from the start
				recordProposals(incident.getId(), actor, opened.propose(held(incident),
						context(incident), now()));
			}
			return opened;
		});
	}

	/**
	 * The incident's systems changed: what the register says they hold is proposed, and the
	 * proposals of a system no longer named go. Before the case opens, nothing: it takes them
	 * when it opens.
	 */
	void proposeFromSystems(Incident incident, String actor) {
		this.cases.findByIncidentIdForUpdate(incident.getId()).ifPresent(reportingCase -> {
			this.entityManager.lock(reportingCase, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
			ReportingCase.Proposals proposals = reportingCase.propose(held(incident), context(incident), now());
			this.cases.save(reportingCase);
			recordProposals(incident.getId(), actor, proposals);
			recordOutcome(incident.getId(), actor, proposals.change());
		});
	}

	/** The lead confirms a data set the register proposed. */
	public void confirmDataSet(long incidentId, long version, Actor actor, long dataSetId) {
		requireLead(actor);
		DataSet confirmed = act(incidentId, version, actor,
				c -> c.confirmDataSet(dataSetId, actor.username(), now()));
		publish(new ReportingEvents.DataSetConfirmed(incidentId, actor.username(), confirmed.getDescription()));
	}

	private void recordProposals(long incidentId, String actor, ReportingCase.Proposals proposals) {
		Map<Long, String> names = this.register
			.systems(java.util.stream.Stream.concat(proposals.added().stream(), proposals.withdrawn().stream())
				.map(DataSet::getProposedFromSystemId)
				.collect(Collectors.toSet()))
			.stream()
			.collect(Collectors.toMap(Register.SystemEntry::id, Register.SystemEntry::name));
		proposals.added()
			.forEach(set -> publish(new ReportingEvents.DataSetProposed(incidentId, actor, set.getDescription(),
					names.get(set.getProposedFromSystemId()), set.peopleAtMost())));
		proposals.withdrawn()
			.forEach(set -> publish(new ReportingEvents.DataSetWithdrawn(incidentId, actor, set.getDescription(),
					names.get(set.getProposedFromSystemId()))));
	}

	/** The personal data the register says each of the incident's systems holds, as step 2 records it. */
	private Map<Long, List<DataSet.Details>> held(Incident incident) {
		Map<Long, List<DataSet.Details>> held = new java.util.LinkedHashMap<>();
		for (Register.SystemEntry system : this.register.systems(incident.getSystemIds())) {
			if (system.holdsPersonalData()) {
				held.put(system.id(), system.dataSets().stream().map(data -> proposal(system, data)).toList());
			}
		}
		return held;
	}

	/** A data set as the register describes it: the key's state unknown until the lead says, the medium the system. */
	private static DataSet.Details proposal(Register.SystemEntry system, Register.DataEntry data) {
		String description = (data.client() == null) ? data.description()
				: data.description() + "（" + data.client().name() + "）";
		if (description.length() > DataSet.MAX_DESCRIPTION) {
			description = description.substring(0, DataSet.MAX_DESCRIPTION);
		}
		String medium = (system.name().length() > DataSet.MAX_MEDIUM) ? system.name().substring(0, DataSet.MAX_MEDIUM)
				: system.name();
		return new DataSet.Details(description, data.items(), medium, DataSet.Owner.valueOf(data.whose().name()),
				data.sensitive(), data.financial(), data.myNumber(), null, data.peopleCount(), data.encrypted(),
				data.encryptionMethod(), data.encrypted() ? DataSet.KeyState.UNKNOWN : null, false, false);
	}

	/**
	 * New facts; each fact that changed, and the reports owed if they changed, go on the timeline.
	 * @param publicTitle the title announcements carry (公表用の件名), or {@code null}
	 */
	/**
	 * Opens the case as the incident is escalated; the reports that apply and those to be decided
	 * go on the timeline at once, so the history shows from when each clock ran.
	 */
	void openOnEscalation(Incident incident, String actor) {
		if (this.cases.findByIncidentId(incident.getId()).isPresent()) {
			// opened before the escalation (its page was visited): what the categories tell now
			recalculate(incident, actor);
			return;
		}
		ReportingCase reportingCase = open(incident, actor);
		Set<DutyType> none = Set.of();
		ReportingCase.Change opened = new ReportingCase.Change(List.of(), none, reportingCase.dutyTypes(false), none,
				reportingCase.dutyTypes(true), List.of());
		recordChange(incident.getId(), actor, reportingCase, opened);
	}

	/** New facts, the public title as it was. */
	public void updateFacts(long incidentId, long version, Actor actor, Facts facts, String secondaryDamage) {
		String publicTitle = this.cases.findByIncidentId(incidentId).map(ReportingCase::getPublicTitle).orElse(null);
		updateFacts(incidentId, version, actor, facts, secondaryDamage, publicTitle);
	}

	public void updateFacts(long incidentId, long version, Actor actor, Facts facts, String secondaryDamage,
			String publicTitle) {
		requireLead(actor);
		Incident incident = visibleIncident(incidentId, actor);
		ReportingCase reportingCase = lockedCase(incidentId, version, actor);
		ReportingCase.Change change = reportingCase.updateFacts(facts, secondaryDamage, publicTitle, context(incident),
				now());
		this.cases.save(reportingCase);
		recordChange(incidentId, actor, reportingCase, change);
	}

	/** A set of personal data that leaked or may have: the duties are worked out again. */
	public void addDataSet(long incidentId, long version, Actor actor, DataSet.Details details) {
		requireLead(actor);
		Incident incident = visibleIncident(incidentId, actor);
		ReportingCase reportingCase = lockedCase(incidentId, version, actor);
		ReportingCase.Change change = reportingCase.addDataSet(details, context(incident), now());
		this.cases.save(reportingCase);
		publish(new ReportingEvents.DataSetAdded(incidentId, actor.username(), details.description().strip(),
				peopleAtMost(details)));
		recordChange(incidentId, actor, reportingCase, change);
	}

	public void changeDataSet(long incidentId, long version, Actor actor, long dataSetId, DataSet.Details details) {
		requireLead(actor);
		Incident incident = visibleIncident(incidentId, actor);
		ReportingCase reportingCase = lockedCase(incidentId, version, actor);
		ReportingCase.Change change = reportingCase.changeDataSet(dataSetId, details, context(incident), now());
		this.cases.save(reportingCase);
		publish(new ReportingEvents.DataSetChanged(incidentId, actor.username(), details.description().strip(),
				peopleAtMost(details)));
		recordChange(incidentId, actor, reportingCase, change);
	}

	public void removeDataSet(long incidentId, long version, Actor actor, long dataSetId) {
		requireLead(actor);
		Incident incident = visibleIncident(incidentId, actor);
		ReportingCase reportingCase = lockedCase(incidentId, version, actor);
		String description = reportingCase.getDataSets()
			.stream()
			.filter(d -> d.getId() == dataSetId)
			.map(DataSet::getDescription)
			.findFirst()
			.orElse(null);
		ReportingCase.Change change = reportingCase.removeDataSet(dataSetId, context(incident), now());
		this.cases.save(reportingCase);
		publish(new ReportingEvents.DataSetRemoved(incidentId, actor.username(), description));
		recordChange(incidentId, actor, reportingCase, change);
	}

	/**
	 * The facts and the data sets at once, in one transaction, as a script sends them whole (the
	 * API's PUT): the data sets with an id are changed, those without are added, those left out are
	 * removed. The same checks as the page's forms, all made before anything changes, so that one
	 * data set refused saves nothing; the same timeline lines, except that a data set sent
	 * unchanged writes none; the duties worked out once, from the whole.
	 * @param version the case's version the caller saw; {@code null} to take the case as it is now
	 */
	public void replaceFacts(long incidentId, Long version, Actor actor, Facts facts, String secondaryDamage,
			List<ReportingCase.DataSetChange> dataSets) {
		requireLead(actor);
		Incident incident = visibleIncident(incidentId, actor);
		ReportingCase reportingCase = lockedCase(incidentId, version, actor);
		ReportingCase.Replaced replaced = reportingCase.replaceFacts(facts, secondaryDamage, dataSets,
				context(incident), now());
		this.cases.save(reportingCase);
		String by = actor.username();
		recordFacts(incidentId, by, replaced.change());
		replaced.added()
			.forEach(set -> publish(new ReportingEvents.DataSetAdded(incidentId, by, set.description(), peopleAtMost(set))));
		replaced.changed()
			.forEach(set -> publish(new ReportingEvents.DataSetChanged(incidentId, by, set.description(), peopleAtMost(set))));
		replaced.removed().forEach(name -> publish(new ReportingEvents.DataSetRemoved(incidentId, by, name)));
		recordOutcome(incidentId, by, replaced.change());
	}

	/** Works an incident's duties out again, e.g. after its categories changed; a line only if they changed. */
	void recalculate(Incident incident, String actor) {
		this.cases.findByIncidentIdForUpdate(incident.getId()).ifPresent(reportingCase -> {
			ReportingCase.Change change = reportingCase.recalculate(context(incident), suggestsVirusOrAccess(incident),
					now());
			this.cases.save(reportingCase);
			recordChange(incident.getId(), actor, reportingCase, change);
		});
	}

	private void recordChange(long incidentId, Actor actor, ReportingCase reportingCase, ReportingCase.Change change) {
		recordChange(incidentId, actor.username(), reportingCase, change);
	}

	/** Each fact that changed, each threshold passed, and the duties if they changed, go on the timeline. */
	private void recordChange(long incidentId, String actor, ReportingCase reportingCase,
			ReportingCase.Change change) {
		recordFacts(incidentId, actor, change);
		recordOutcome(incidentId, actor, change);
	}

	private void recordFacts(long incidentId, String actor, ReportingCase.Change change) {
		for (Fact.Changed fact : change.facts()) {
			publish(new ReportingEvents.FactChanged(incidentId, actor, fact.fact(), fact.before(), fact.after()));
		}
	}

	/** The thresholds passed and the duties, if they changed. */
	private void recordOutcome(long incidentId, String actor, ReportingCase.Change change) {
		for (ReportingCase.Passed passed : change.passed()) {
			publish(new ReportingEvents.ThresholdPassed(incidentId, actor, passed.threshold(), passed.people()));
		}
		if (change.dutiesChanged()) {
			publish(new ReportingEvents.DutiesRecalculated(incidentId, actor, change.dutiesBefore(),
					change.dutiesAfter()));
		}
		if (change.provisionalChanged()) {
			publish(new ReportingEvents.DutiesProvisional(incidentId, actor, change.provisionalBefore(),
					change.provisionalAfter()));
		}
	}

	private static Integer peopleAtMost(DataSet.Details details) {
		return (details.maximumCount() != null) ? details.maximumCount() : details.confirmedCount();
	}

	public void file(long incidentId, long version, Actor actor, long dutyId, ReportingCase.Filing filing) {
		requireLead(actor);
		Incident incident = visibleIncident(incidentId, actor);
		if (incident.isDrill()) {
			// 訓練のため届出不要: a drill never records a filing, so nothing reads as reported for real
			throw new BusinessRuleViolation("duty.drill.practiceOnly");
		}
		LocalDate lateAfter = LocalDate.ofInstant(incident.getDiscoveredAt().plus(DeadlineRule.GDPR_WINDOW), zone());
		ReportingCase reportingCase = lockedCase(incidentId, version, actor);
		Duty duty = reportingCase.file(dutyId, filing, localDate(incident.getDiscoveredAt()), today(), lateAfter,
				actor.username(), now());
		// the client was told what the company knows: its data leaves the company's own reports
		ReportingCase.Change told = (duty.getType() == DutyType.CLIENT && !reportingCase.getFacts().clientInformed())
				? reportingCase.clientTold(context(incident), now()) : null;
		this.cases.save(reportingCase);
		publish(new ReportingEvents.DutyFiled(incidentId, actor.username(), duty.getType(), duty.getFiledOn(),
				duty.getFilingReference()));
		if (told != null) {
			recordChange(incidentId, actor, reportingCase, told);
		}
	}

	public void waive(long incidentId, long version, Actor actor, long dutyId, String reason) {
		requireLead(actor);
		Duty duty = act(incidentId, version, actor, c -> c.waive(dutyId, reason, actor.username(), now()));
		publish(new ReportingEvents.DutyWaived(incidentId, actor.username(), duty.getType(), duty.getWaiverReason()));
	}

	public void markNotYetDue(long incidentId, long version, Actor actor, long dutyId) {
		requireLead(actor);
		Duty duty = act(incidentId, version, actor, c -> c.markNotYetDue(dutyId, actor.username(), now()));
		publish(new ReportingEvents.DutyMarkedNotYetDue(incidentId, actor.username(), duty.getType()));
	}

	public void reopen(long incidentId, long version, Actor actor, long dutyId) {
		requireLead(actor);
		Duty duty = act(incidentId, version, actor, c -> c.reopen(dutyId, actor.username(), now()));
		publish(new ReportingEvents.DutyReopened(incidentId, actor.username(), duty.getType()));
	}

	/**
	 * A supplementary report (追完) to a report already filed, also after the incident is closed:
	 * what the company learned later reaches the authority. The reason is required and goes on
	 * the timeline with the day and the filing's reference; nothing else of the case changes.
	 */
	public void supplement(long incidentId, long version, Actor actor, long dutyId, LocalDate filedOn,
			String reference, String reason) {
		requireLead(actor);
		Incident incident = visibleIncident(incidentId, actor);
		if (incident.isDrill()) {
			throw new BusinessRuleViolation("duty.drill.practiceOnly");
		}
		if (UNTRIAGED.contains(incident.getState())) {
			throw new BusinessRuleViolation("duty.notTriaged");
		}
		if (reason == null || reason.isBlank()) {
			throw BusinessRuleViolation.onField("reason", "duty.supplement.reasonRequired");
		}
		if (filedOn == null) {
			throw BusinessRuleViolation.onField("filedOn", "duty.filedOnRequired");
		}
		if (filedOn.isBefore(localDate(incident.getDiscoveredAt()))) {
			throw BusinessRuleViolation.onField("filedOn", "duty.filedBeforeDiscovery");
		}
		if (filedOn.isAfter(today())) {
			throw BusinessRuleViolation.onField("filedOn", "duty.filedInFuture");
		}
		String given = (reference == null || reference.isBlank()) ? null : reference.strip();
		if (given != null && given.length() > Duty.MAX_REFERENCE_LENGTH) {
			throw BusinessRuleViolation.onField("filingReference", "duty.referenceTooLong", Duty.MAX_REFERENCE_LENGTH);
		}
		Duty duty = act(incident, version, actor, c -> c.supplementable(dutyId));
		publish(new ReportingEvents.DutySupplemented(incidentId, actor.username(), duty.getType(), filedOn, given,
				reason.strip()));
	}

	public void draftAnnouncement(long incidentId, long version, Actor actor, Announcement.Kind kind, String draft) {
		requireLead(actor);
		Announcement announcement = act(incidentId, version, actor,
				c -> c.draftAnnouncement(kind, draft, actor.username(), now()));
		publish(new ReportingEvents.AnnouncementDrafted(incidentId, actor.username(), announcement.getKind(),
				announcement.getTitle()));
	}

	/** The executive approves an announcement before it is published (DOMAIN.md §1). */
	public void approveAnnouncement(long incidentId, long version, Actor actor, long announcementId) {
		if (!permissionsFor(actor).approve()) {
			throw new BusinessRuleViolation("announcement.executiveOnly");
		}
		Announcement announcement = act(incidentId, version, actor,
				c -> c.approveAnnouncement(announcementId, actor.username(), now()));
		publish(new ReportingEvents.AnnouncementApproved(incidentId, actor.username(), announcement.getKind(),
				announcement.getTitle()));
	}

	public void publishAnnouncement(long incidentId, long version, Actor actor, long announcementId, LocalDate on) {
		requireLead(actor);
		Incident incident = visibleIncident(incidentId, actor);
		Announcement announcement = act(incidentId, version, actor,
				c -> c.publishAnnouncement(announcementId, on, localDate(incident.getDiscoveredAt()), today()));
		publish(new ReportingEvents.AnnouncementPublished(incidentId, actor.username(), announcement.getKind(),
				announcement.getTitle(), announcement.getPublishedOn()));
	}

	public void updateInquiryDesk(long incidentId, long version, Actor actor, LocalDate openedOn, String contact,
			int inquiries) {
		requireLead(actor);
		Incident incident = visibleIncident(incidentId, actor);
		ReportingCase reportingCase = lockedCase(incidentId, version, actor);
		boolean changed = reportingCase.updateInquiryDesk(openedOn, contact, inquiries,
				localDate(incident.getDiscoveredAt()), today());
		this.cases.save(reportingCase);
		if (changed) {
			publish(new ReportingEvents.InquiryDeskChanged(incidentId, actor.username(),
					reportingCase.getInquiryDeskOpenedOn(), reportingCase.getInquiryDeskContact(),
					reportingCase.getInquiryCount()));
		}
	}

	/** Each applicable duty of a case with its deadline and urgency now. */
	@Transactional(readOnly = true)
	public List<DueDuty> dutiesOf(ReportingCase reportingCase, Incident incident) {
		return reportingCase.applicableDuties().stream().map(duty -> due(duty, reportingCase, incident)).toList();
	}

	/** Every duty still to be done, most urgent first: for the lead's and the executive's pages. */
	@Transactional(readOnly = true)
	public List<DueDuty> openDuties(Actor actor) {
		return actor.seesEverything() ? openDuties() : List.of();
	}

	/**
	 * Every duty still to be done in an open real incident, most urgent first, whoever asks: for
	 * reminders. A drill's duties (訓練) are practice and never owed.
	 */
	@Transactional(readOnly = true)
	public List<DueDuty> openDuties() {
		List<ReportingCase> open = this.cases.findWithOpenDuties();
		Map<Long, Incident> incidents = this.incidents
			.findAllById(open.stream().map(ReportingCase::getIncidentId).toList())
			.stream()
			.collect(Collectors.toMap(Incident::getId, Function.identity()));
		return open.stream()
			.filter(c -> incidents.containsKey(c.getIncidentId()) && incidents.get(c.getIncidentId()).getState().isOpen()
					&& !incidents.get(c.getIncidentId()).isDrill())
			.flatMap(c -> c.applicableDuties()
				.stream()
				.filter(d -> d.getState() == Duty.State.TO_DO || d.getState() == Duty.State.NOT_YET_DUE)
				.map(d -> due(d, c, incidents.get(c.getIncidentId()))))
			.sorted(Comparator.comparing(DueDuty::urgency).thenComparing(due -> due.deadline().end(),
					Comparator.nullsLast(Comparator.naturalOrder())))
			.toList();
	}

	/**
	 * The announcements drafted and waiting for the executive's approval, on incidents still
	 * open, oldest draft first: for the executive's home page. Empty for anyone who does not
	 * approve announcements.
	 */
	@Transactional(readOnly = true)
	public List<AnnouncementToApprove> announcementsToApprove(Actor actor) {
		if (!actor.seesEverything() || !permissionsFor(actor).approve()) {
			return List.of();
		}
		List<ReportingCase> cases = this.cases.findWithAnnouncementsToApprove();
		Map<Long, Incident> incidents = this.incidents
			.findAllById(cases.stream().map(ReportingCase::getIncidentId).toList())
			.stream()
			.collect(Collectors.toMap(Incident::getId, Function.identity()));
		return cases.stream()
			.filter(c -> incidents.containsKey(c.getIncidentId()) && incidents.get(c.getIncidentId()).getState().isOpen()
					&& !incidents.get(c.getIncidentId()).isDrill())
			.flatMap(c -> c.getAnnouncements()
				.stream()
				.filter(a -> !a.isApproved())
				.map(a -> new AnnouncementToApprove(c.getIncidentId(), incidents.get(c.getIncidentId()).getReference(),
						incidents.get(c.getIncidentId()).getTitle(), a.getKind(), a.getCreatedAt())))
			.sorted(Comparator.comparing(AnnouncementToApprove::draftedAt))
			.toList();
	}

	/**
	 * An announcement waiting for the executive's approval, as a list names it.
	 * @param title the incident's title, as the response team knows it
	 */
	public record AnnouncementToApprove(long incidentId, String reference, String title, Announcement.Kind kind,
			Instant draftedAt) {
	}

	/** The first line of every text prepared for a drill. */
	public static final String DRILL_MARK = "【訓練】これは訓練用の文書です。提出・送付しないでください。 [DRILL] Practice only: do not file or send.";

	/** A text to file, prepared from what the incident holds; a notice to the people addressed as its data sets suggest. */
	public String text(long incidentId, Actor actor, FilingTexts.Kind kind) {
		return text(incidentId, actor, kind, null);
	}

	/**
	 * A text to file, prepared from what the incident holds, dated today in the company's zone.
	 * @param addressee whom a notice to the people is addressed to; {@code null}: as its data sets suggest
	 */
	public String text(long incidentId, Actor actor, FilingTexts.Kind kind, FilingTexts.Addressee addressee) {
		Incident incident = visibleIncident(incidentId, actor);
		ReportingCase reportingCase = caseFor(incidentId, actor);
		Organisation organisation = this.organisations.current().orElseThrow();
		People.Directory directory = this.people.directory();
		String text = new FilingTexts(incident, reportingCase, organisation, this.prevention.planOf(incident), zone(),
				today(), directory::name)
			.text(kind, addressee);
		// a drill's text is practice: it says so before anything else, in both languages
		return incident.isDrill() ? DRILL_MARK + "\n\n" + text : text;
	}

	@Transactional(readOnly = true)
	public java.util.Optional<ReportingCase> existingCase(long incidentId) {
		return this.cases.findByIncidentId(incidentId);
	}

	public ZoneId zone() {
		return this.organisations.timeZone();
	}

	private DueDuty due(Duty duty, ReportingCase reportingCase, Incident incident) {
		Instant from = (duty.getClockFrom() != null) ? duty.getClockFrom() : incident.getDiscoveredAt();
		Deadline deadline = duty.getDeadlineRule().due(from, this.calendar);
		Deadline.Urgency urgency = duty.isSettled() ? Deadline.Urgency.ON_TRACK : deadline.urgency(now());
		return new DueDuty(incident.getId(), incident.getReference(), incident.getTitle(), duty, deadline, urgency,
				deadline.daysLeft(LocalDate.ofInstant(now(), LegalDeadlines.JAPAN)));
	}

	/** Runs a command on the locked case and saves it; returns what the command returns, for the event. */
	private <T> T act(long incidentId, long version, Actor actor, Function<ReportingCase, T> command) {
		ReportingCase reportingCase = lockedCase(incidentId, version, actor);
		T result = command.apply(reportingCase);
		this.cases.save(reportingCase);
		return result;
	}

	/** As {@link #act(long, long, Actor, Function)}, whatever the incident's state: the caller has checked it. */
	private <T> T act(Incident incident, long version, Actor actor, Function<ReportingCase, T> command) {
		ReportingCase reportingCase = lockedCase(incident, version, actor);
		T result = command.apply(reportingCase);
		this.cases.save(reportingCase);
		return result;
	}

	/** Puts a line on the incident's timeline, in this transaction. */
	private void publish(HistoryEvent event) {
		this.events.publishEvent(event);
	}

	/**
	 * The case, locked, as the page that sent the change saw it. Its version moves with every
	 * change, also of a duty or an announcement alone, so that a second click or a page left
	 * open meanwhile is refused rather than deciding twice. {@code null}: the case as it is now
	 * (a script that sends everything whole and does not ask what it replaces).
	 */
	private ReportingCase lockedCase(long incidentId, Long version, Actor actor) {
		Incident incident = visibleIncident(incidentId, actor);
		requireInStepTwo(incident);
		return lockedCase(incident, version, actor);
	}

	/**
	 * Step 2 is changed only between triage and closing (#16). Before the security lead has judged
	 * the report an incident, no case with duties is made from posted facts; after the incident
	 * is closed, what it reported stands: only a late supplementary report (追完) is taken, with
	 * its reason ({@link #supplement}).
	 */
	private static void requireInStepTwo(Incident incident) {
		if (UNTRIAGED.contains(incident.getState())) {
			throw new BusinessRuleViolation("duty.notTriaged");
		}
		if (incident.getState() == IncidentState.CLOSED) {
			throw new BusinessRuleViolation("duty.incidentClosed");
		}
	}

	private static final Set<IncidentState> UNTRIAGED = java.util.EnumSet.of(IncidentState.REPORTED,
			IncidentState.TRIAGE, IncidentState.DISMISSED);

	private ReportingCase lockedCase(Incident incident, Long version, Actor actor) {
		long incidentId = incident.getId();
		ReportingCase reportingCase = this.cases.findByIncidentIdForUpdate(incidentId).orElseGet(() -> open(incident, actor.username()));
		if (version != null && reportingCase.getVersion() != version) {
			throw new ObjectOptimisticLockingFailureException(ReportingCase.class, reportingCase.getId());
		}
		this.entityManager.lock(reportingCase, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
		return reportingCase;
	}

	private Incident visibleIncident(long incidentId, Actor actor) {
		Incident incident = this.incidents.find(incidentId, actor);
		if (!actor.seesEverything()) {
			throw new IncidentNotFoundException(incidentId);
		}
		return incident;
	}

	/** What this person may do in step 2: the pages ask, and the checks below are the same rules. */
	public Permissions permissionsFor(Actor actor) {
		return new Permissions(actor.has(Role.SECURITY_LEAD), actor.has(Role.EXECUTIVE));
	}

	/**
	 * @param decide record the facts, file or waive reports, draft and publish announcements, keep the inquiry desk (the lead)
	 * @param approve approve an announcement before it is published (the executive)
	 */
	public record Permissions(boolean decide, boolean approve) {
	}

	private void requireLead(Actor actor) {
		if (!permissionsFor(actor).decide()) {
			throw new BusinessRuleViolation("duty.leadOnly");
		}
	}

	/** What the categories already tell (DOMAIN.md §5): the lead may change it, with a reason. */
	private static Facts initialFacts(Incident incident) {
		return Facts.suggestedBy(suggestsImproperPurpose(incident), suggestsVirusOrAccess(incident));
	}

	private static boolean suggestsVirusOrAccess(Incident incident) {
		Set<Category> categories = incident.getCategories();
		return categories.contains(Category.VIRUS_RANSOMWARE) || categories.contains(Category.UNAUTHORISED_ACCESS)
				|| categories.contains(Category.WEBSITE_DEFACEMENT) || incident.getLeakKind() == LeakKind.MALWARE
				|| incident.getLeakKind() == LeakKind.UNAUTHORISED_ACCESS;
	}

	/** Ransomware, unauthorised access, tampering and theft start with 不正の目的のおそれ and 犯罪の疑い. */
	static boolean suggestsImproperPurpose(Incident incident) {
		Set<Category> categories = incident.getCategories();
		return categories.contains(Category.VIRUS_RANSOMWARE) || categories.contains(Category.UNAUTHORISED_ACCESS)
				|| categories.contains(Category.WEBSITE_DEFACEMENT) || categories.contains(Category.STOLEN_DEVICE)
				|| (incident.getLeakKind() != null && incident.getLeakKind().isCriminal());
	}

	private ReportingCase.Context context(Incident incident) {
		Industry industry = this.organisations.current().map(Organisation::getIndustry).orElse(null);
		return new ReportingCase.Context(incident.getCategories(), incident.getLeakKind(), industry,
				incident.getDiscoveredAt(), suggestsImproperPurpose(incident));
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), zone());
	}

	private LocalDate localDate(Instant instant) {
		return LocalDate.ofInstant(instant, zone());
	}

}
