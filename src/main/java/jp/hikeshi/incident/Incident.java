package jp.hikeshi.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.incident.ChecklistItem.Status;
import jp.hikeshi.incident.TimelineEntry.Change;
import jp.hikeshi.incident.TimelineEntry.Kind;

import org.hibernate.annotations.NaturalId;
import org.hibernate.annotations.OptimisticLock;

import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * An incident, from the first report to the last prevention measure. The aggregate guards its
 * own transitions: one method per move of {@link Transition}, each checking the state, the
 * actor's role and the guards, then changing the state, appending to the timeline and
 * registering an event. There is no state setter. Every method takes the time from its caller,
 * truncated to what PostgreSQL stores, so the timeline's hashes verify after a reload.
 */
@Entity
@Table(name = "incident")
@EntityListeners(TimelineSeal.class)
public class Incident extends AbstractAggregateRoot<Incident> {

	static final int TITLE_FROM_DESCRIPTION = 60;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	// a natural id: the listeners of an event that names the incident by it find it in the
	// transaction's persistence context, with neither a query nor a flush
	@NaturalId
	private String reference;

	private String title;

	private String description;

	/**
	 * Title, description and reference lowered and joined by newlines, kept by PostgreSQL (V58)
	 * for the list's text search; never written from here.
	 */
	@Column(insertable = false, updatable = false)
	private String searchText;

	/** The primary category: the first chosen, the one the dashboard counts the incident under. */
	@Enumerated(EnumType.STRING)
	private Category category;

	/** The other categories, as enum names in enum order, comma-separated ({@code ""}: none). */
	private String additionalCategories = "";

	@Enumerated(EnumType.STRING)
	private LeakKind leakKind;

	@Enumerated(EnumType.STRING)
	private Severity severity;

	@Enumerated(EnumType.STRING)
	private IncidentState state;

	private String affectedSystem;

	@Enumerated(EnumType.STRING)
	private StillHappening stillHappening;

	/** 発覚日時: when the company became aware; deadlines count from here. */
	private Instant discoveredAt;

	/** 発生日時: when it actually happened, as found by investigation. */
	private Instant occurredAt;

	private Instant reportedAt;

	/** The account that reported it; {@code null} only for data imported without one. */
	private String reportedBy;

	private String outsideReporterName;

	private String outsideReporterContact;

	/** Where a report sent by a tool came from, as the tool says ("mail gateway", "EDR"); {@code null} from the page. */
	private String source;

	/** 責任者. */
	private String responsible;

	@ElementCollection(fetch = FetchType.LAZY)
	@CollectionTable(name = "incident_assignee", joinColumns = @JoinColumn(name = "incident_id"))
	private List<Assignee> assignees = new ArrayList<>();

	@Embedded
	private RequiredItems record = RequiredItems.empty();

	/** The register's systems it concerns (影響を受けたシステム), in the order they were named. */
	@ElementCollection(fetch = FetchType.LAZY)
	@CollectionTable(name = "incident_system", joinColumns = @JoinColumn(name = "incident_id"))
	@OrderBy("chosenAt, systemId")
	private List<ChosenSystem> systems = new ArrayList<>();

	/** The vendor (委託先) that told the company: the company is then 委託元, and 発覚 is when the vendor told it. */
	private Long reportedByVendorId;

	/** 直接的な被害: fraudulent transfers, ransom, staff cost, outside help, substitutes, apologies, lawyers. */
	private Long damageDirectYen;

	/** 間接的な被害: spread to others, loss of trust, lost business. */
	private Long damageIndirectYen;

	/** Days the business was disrupted. */
	private java.math.BigDecimal disruptionDays;

	private String closingApprovedBy;

	private Instant closingApprovedAt;

	private Instant closedAt;

	/** 復旧: what was checked before the systems came back. */
	private String recoveryChecks;

	private String recoveryConfirmedBy;

	private Instant recoveryConfirmedAt;

	/** The result was reported to the executive (経営者に結果を報告). */
	private boolean recoveryReported;

	/** When it first left containment: the end of the initial response (time to contain). */
	private Instant containedAt;

	/** When recovery was first confirmed (time to recover). */
	private Instant recoveredAt;

	@OneToMany(mappedBy = "incident", cascade = { CascadeType.PERSIST, CascadeType.MERGE })
	@OrderBy("position")
	private List<ChecklistItem> checklist = new ArrayList<>();

	// History does not conflict: appending to the timeline leaves the version alone, so a note
	// or a piece of evidence added meanwhile never makes someone else's open page stale.
	@OneToMany(mappedBy = "incident", cascade = { CascadeType.PERSIST, CascadeType.MERGE })
	@OrderBy("sequence")
	@OptimisticLock(excluded = true)
	private List<TimelineEntry> timeline = new ArrayList<>();

	@OptimisticLock(excluded = true)
	private int timelineLength;

	@OptimisticLock(excluded = true)
	private String timelineHead = "";

	/** The head (length and last hash) sealed with the installation's key ({@link TimelineSeal}). */
	@OptimisticLock(excluded = true)
	@jakarta.persistence.Column(name = "timeline_seal")
	private String timelineSeal;

	/**
	 * 訓練: a drill (机上演習) runs the real workflow on an incident marked so. Set at creation
	 * only ({@link #reportDrill}); no method, form or API changes it, the column is not updatable
	 * and a trigger (V31) refuses any update of it.
	 */
	@jakarta.persistence.Column(updatable = false)
	private boolean drill;

	@Version
	private long version;

	protected Incident() {
	}

	/** Someone reported signs of an incident (検知と連絡受付). */
	static Incident report(String reference, Report report, String reporter, Instant now) {
		Incident incident = new Incident();
		incident.reference = reference;
		incident.title = (report.title() == null || report.title().isBlank()) ? titleFrom(report.description())
				: report.title();
		incident.description = report.description();
		incident.affectedSystem = report.affectedSystem();
		incident.stillHappening = (report.stillHappening() == null) ? StillHappening.UNKNOWN : report.stillHappening();
		incident.discoveredAt = (report.discoveredAt() == null) ? now : report.discoveredAt();
		incident.reportedAt = now;
		incident.reportedBy = reporter;
		incident.outsideReporterName = report.outsideReporterName();
		incident.outsideReporterContact = report.outsideReporterContact();
		incident.source = (report.source() == null || report.source().isBlank()) ? null : report.source().strip();
		// the record starts from what was already said: 発生事象 and 被害を受けたシステム
		incident.record = new RequiredItems(null, report.description(), null, report.affectedSystem(), null, null,
				DisclosureStatus.UNDECIDED);
		incident.state = IncidentState.REPORTED;
		incident.append(now, reporter, Kind.REPORTED, Change.state(null, IncidentState.REPORTED), null, true);
		incident.registerEvent(new IncidentEvents.Reported(reference));
		return incident;
	}

	/**
	 * The security lead starts a drill: the same report as staff make, marked 訓練 from the
	 * first line of its timeline. The lead is its reporter.
	 * @param scenario the scenario's name, for the timeline
	 */
	static Incident reportDrill(String reference, Report report, String lead, String scenario, Instant now) {
		Incident incident = report(reference, report, lead, now);
		incident.drill = true;
		incident.append(now, lead, Kind.DRILL_STARTED, Change.field(scenario, null, null), null, false);
		return incident;
	}

	// --- the transitions: one entry point, every guard ---

	/**
	 * Makes a move of {@link Transition}. Every guard applies, whichever move it is: the state
	 * and role of the table, the input the move needs (a reason, a category and severity, a
	 * responsible person, a re-entry point), this incident's own conditions, and what other
	 * modules found unmet ({@code external}). A refusal lists all of them and changes nothing.
	 * @param playbook the company's playbook, copied into the checklist at escalation
	 */
	void perform(Move move, Actor actor, List<Unmet> external, Playbook playbook, Instant now) {
		Transition transition = move.transition();
		List<Unmet> guards = new ArrayList<>();
		transition.guards().forEach(guard -> guards.addAll(unmet(guard, move)));
		guards.addAll(external);
		check(transition, actor, guards);
		switch (transition) {
			case ESCALATE -> {
				setCategories(move.category(), move.additionalCategories(), move.leakKind());
				this.severity = move.severity();
				addChecklistPoints(playbook);
				changeState(transition.to(), actor, now, move.reason());
				registerEvent(new IncidentEvents.Escalated(this.reference, move.category(), move.severity(),
						actor.username()));
			}
			case FORM_TEAM -> {
				if (move.team().stream().map(Assignee::username).distinct().count() < move.team().size()) {
					// one person is one member, with one duty: a name listed twice is a mistake to show
					throw new TransitionRefused("incident.team.memberTwice");
				}
				this.responsible = move.responsible();
				this.assignees = new ArrayList<>(move.team());
				append(now, actor.username(), Kind.TEAM_FORMED, Change.field(move.responsible(), null,
						HistoryEvent.Line.raw(move.team().stream().map(Assignee::username).toList())), null, false);
				changeState(transition.to(), actor, now, null);
			}
			case APPROVE_CLOSING -> {
				this.closingApprovedBy = actor.username();
				this.closingApprovedAt = now;
				append(now, actor.username(), Kind.CLOSING_APPROVED, Change.NONE, null, false);
			}
			case REENTER -> withdrawOnReentry(actor, move.target(), move.reason(), now);
			case CLOSE -> {
				changeState(transition.to(), actor, now, null);
				this.closedAt = now;
				registerEvent(new IncidentEvents.Closed(this.reference));
			}
			default -> changeState(transition.to(), actor, now, move.reason());
		}
	}

	// the moves by name, for the aggregate's own tests and readers

	void take(Actor actor, Instant now) {
		perform(Move.of(Transition.TAKE), actor, List.of(), Playbook.DEFAULT, now);
	}

	void dismiss(Actor actor, String reason, Instant now) {
		perform(Move.withReason(Transition.DISMISS, reason), actor, List.of(), Playbook.DEFAULT, now);
	}

	void reopen(Actor actor, String reason, Instant now) {
		perform(Move.withReason(Transition.REOPEN, reason), actor, List.of(), Playbook.DEFAULT, now);
	}

	void escalate(Actor actor, Category category, LeakKind leakKind, Severity severity, String note, Instant now) {
		escalate(actor, category, leakKind, severity, note, Playbook.DEFAULT, now);
	}

	void escalate(Actor actor, Category category, LeakKind leakKind, Severity severity, String note,
			Playbook playbook, Instant now) {
		perform(Move.escalate(category, leakKind, severity, note), actor, List.of(), playbook, now);
	}

	void escalate(Actor actor, Category category, Set<Category> additional, LeakKind leakKind, Severity severity,
			String note, Instant now) {
		perform(Move.escalate(category, additional, leakKind, severity, note), actor, List.of(), Playbook.DEFAULT,
				now);
	}

	/** 対応体制の構築: the executive names the responsible person and the assignees. */
	void formTeam(Actor actor, String responsible, List<Assignee> team, Instant now) {
		perform(Move.formTeam(responsible, team), actor, List.of(), Playbook.DEFAULT, now);
	}

	void startContainment(Actor actor, Instant now) {
		perform(Move.of(Transition.START_CONTAINMENT), actor, List.of(), Playbook.DEFAULT, now);
	}

	void finishContainment(Actor actor, Instant now) {
		perform(Move.of(Transition.FINISH_CONTAINMENT), actor, List.of(), Playbook.DEFAULT, now);
	}

	void startRecovery(Actor actor, Instant now) {
		startRecovery(actor, List.of(), now);
	}

	void startRecovery(Actor actor, List<Unmet> external, Instant now) {
		perform(Move.of(Transition.START_RECOVERY), actor, external, Playbook.DEFAULT, now);
	}

	void startPrevention(Actor actor, Instant now) {
		perform(Move.of(Transition.START_PREVENTION), actor, List.of(), Playbook.DEFAULT, now);
	}

	/** The executive approves the closing; the lead then closes. */
	void approveClosing(Actor actor, Instant now) {
		perform(Move.of(Transition.APPROVE_CLOSING), actor, List.of(), Playbook.DEFAULT, now);
	}

	void close(Actor actor, Instant now) {
		close(actor, List.of(), now);
	}

	void close(Actor actor, List<Unmet> external, Instant now) {
		perform(Move.of(Transition.CLOSE), actor, external, Playbook.DEFAULT, now);
	}

	/** Back to an earlier state (recovery failed, re-infection); nothing is removed from the timeline. */
	void reenter(Actor actor, IncidentState target, String reason, Instant now) {
		perform(Move.reenter(target, reason), actor, List.of(), Playbook.DEFAULT, now);
	}

	/** What re-entering withdraws, each with its own line: the earlier step must confirm it again. */
	private void withdrawOnReentry(Actor actor, IncidentState target, String reason, Instant now) {
		changeState(target, actor, now, reason);
		if (target == IncidentState.CONTAINMENT && this.checklist.stream()
			.anyMatch(item -> item.getGroup().isInitial() && item.isResolved())) {
			this.checklist.stream()
				.filter(item -> item.getGroup().isInitial())
				.forEach(item -> item.decide(Status.OPEN, null, null, null));
			append(now, actor.username(), Kind.WITHDRAWN, Change.field(Withdrawn.INITIAL_CHECKLIST.name(), null, null),
					null, false);
		}
		if (this.recoveryConfirmedAt != null) {
			this.recoveryChecks = null;
			this.recoveryConfirmedAt = null;
			this.recoveryConfirmedBy = null;
			this.recoveryReported = false;
			append(now, actor.username(), Kind.WITHDRAWN,
					Change.field(Withdrawn.RECOVERY_CONFIRMATION.name(), null, null), null, false);
		}
		if (this.closingApprovedAt != null) {
			this.closingApprovedBy = null;
			this.closingApprovedAt = null;
			append(now, actor.username(), Kind.WITHDRAWN, Change.field(Withdrawn.CLOSING_APPROVAL.name(), null, null),
					null, false);
		}
		this.closedAt = null;
	}

	// --- work on the incident ---

	void decideChecklistItem(Actor actor, long itemId, Status status, String reason, Instant now) {
		requireOpenAndOnTeam(actor);
		ChecklistItem item = this.checklist.stream()
			.filter(candidate -> candidate.getId() == itemId)
			.findFirst()
			.orElseThrow(() -> new TransitionRefused("incident.checklist.unknownItem"));
		if (status == Status.NOT_APPLICABLE && (reason == null || reason.isBlank())) {
			throw new TransitionRefused("incident.checklist.reasonRequired");
		}
		Status before = item.getStatus();
		item.decide(status, actor.username(), now, reason);
		append(now, actor.username(), Kind.CHECKLIST_CHANGED, Change.field(item.name(), before.name(), status.name()),
				(status == Status.NOT_APPLICABLE) ? reason : null, false);
	}

	void updateRecord(Actor actor, RequiredItems changed, Instant occurredAt, Instant discoveredAt, Instant now) {
		updateRecord(actor, changed, occurredAt, discoveredAt, null, now);
	}

	/**
	 * The required-items record and the dates; each changed field is a timeline entry. 発覚 later
	 * than the report arrived is possible only with a reason (the report is when the company
	 * knew at the latest), which the timeline keeps with the change.
	 */
	void updateRecord(Actor actor, RequiredItems changed, Instant occurredAt, Instant discoveredAt,
			String discoveredLateReason, Instant now) {
		requireOpenAndOnTeam(actor);
		if (occurredAt != null && occurredAt.isAfter(now)) {
			throw new TransitionRefused("incident.record.occurredInFuture");
		}
		if (discoveredAt == null || discoveredAt.isAfter(now)) {
			throw new TransitionRefused("incident.record.discoveredInFuture");
		}
		if (occurredAt != null && occurredAt.isAfter(discoveredAt)) {
			throw new TransitionRefused("incident.record.occurredAfterDiscovered");
		}
		boolean lateAndNew = !discoveredAt.equals(this.discoveredAt) && discoveredAt.isAfter(this.reportedAt);
		if (lateAndNew && (discoveredLateReason == null || discoveredLateReason.isBlank())) {
			throw new TransitionRefused("incident.record.discoveredAfterReport");
		}
		String by = actor.username();
		fieldChanged(now, by, "occurredAt", this.occurredAt, occurredAt);
		if (fieldChanged(now, by, "discoveredAt", this.discoveredAt, discoveredAt,
				lateAndNew ? discoveredLateReason.strip() : null)) {
			registerEvent(new IncidentEvents.DiscoveryChanged(this.reference, by));
		}
		RequiredItems old = this.record;
		fieldChanged(now, by, "clientAndParties", old.getClientAndParties(), changed.getClientAndParties());
		fieldChanged(now, by, "eventsAndDamage", old.getEventsAndDamage(), changed.getEventsAndDamage());
		fieldChanged(now, by, "assumedCause", old.getAssumedCause(), changed.getAssumedCause());
		fieldChanged(now, by, "affectedSystemsStatus", old.getAffectedSystemsStatus(),
				changed.getAffectedSystemsStatus());
		fieldChanged(now, by, "systemConfiguration", old.getSystemConfiguration(), changed.getSystemConfiguration());
		fieldChanged(now, by, "contact", old.getContact(), changed.getContact());
		fieldChanged(now, by, "disclosureStatus", old.getDisclosureStatus(), changed.getDisclosureStatus());
		this.occurredAt = occurredAt;
		this.discoveredAt = discoveredAt;
		this.record = changed;
	}

	/**
	 * The lead corrects the kinds of an escalated incident (it also leaked data; it was stolen, not
	 * lost). Each changed field is a timeline entry; the points of a category added join the
	 * checklist, while those of a category removed stay there, to be marked not applicable.
	 * @param playbook the company's playbook, for the points of the categories added
	 */
	void changeCategories(Actor actor, Category primary, Set<Category> additional, LeakKind leakKind,
			Playbook playbook, Instant now) {
		if (!actor.has(Role.SECURITY_LEAD)) {
			throw new TransitionRefused("incident.guard.role", Role.SECURITY_LEAD.name());
		}
		if (!this.state.isOpen() || this.category == null) {
			throw new TransitionRefused("incident.guard.notFromState", this.state.name());
		}
		if (primary == null) {
			throw new TransitionRefused(List.of(new Unmet("incident.guard.categoryRequired")));
		}
		Category oldPrimary = this.category;
		Set<Category> oldAdditional = getAdditionalCategories();
		LeakKind oldLeakKind = this.leakKind;
		setCategories(primary, (additional == null) ? Set.of() : additional, leakKind);
		fieldChanged(now, actor.username(), "category", oldPrimary, this.category);
		fieldChanged(now, actor.username(), "categories", oldAdditional, getAdditionalCategories());
		fieldChanged(now, actor.username(), "leakKind", oldLeakKind, this.leakKind);
		addChecklistPoints(playbook);
		registerEvent(new IncidentEvents.CategoriesChanged(this.reference, actor.username()));
	}

	/** The damage in money and days (DOMAIN.md §6), as far as it is known. */
	void recordDamage(Actor actor, Long directYen, Long indirectYen, java.math.BigDecimal days, Instant now) {
		if (!actor.has(Role.SECURITY_LEAD)) {
			throw new TransitionRefused("incident.guard.role", Role.SECURITY_LEAD.name());
		}
		fieldChanged(now, actor.username(), "damageDirectYen", this.damageDirectYen, directYen);
		fieldChanged(now, actor.username(), "damageIndirectYen", this.damageIndirectYen, indirectYen);
		fieldChanged(now, actor.username(), "disruptionDays", this.disruptionDays, days);
		this.damageDirectYen = directYen;
		this.damageIndirectYen = indirectYen;
		this.disruptionDays = days;
	}

	/**
	 * 復旧: the repair is confirmed — what was checked, by whom — and whether the result was
	 * reported to the executive. Both are needed before prevention.
	 */
	void confirmRecovery(Actor actor, String checks, boolean reportedToExecutive, Instant now) {
		requireOpenAndOnTeam(actor);
		if (this.state != IncidentState.RECOVERY) {
			throw new TransitionRefused("incident.guard.notFromState", this.state.name());
		}
		if (checks == null || checks.isBlank()) {
			throw new TransitionRefused("incident.recovery.checksRequired");
		}
		if (!checks.equals(this.recoveryChecks)) {
			append(now, actor.username(), Kind.RECOVERY_CONFIRMED, Change.NONE, checks, false);
		}
		this.recoveryChecks = checks;
		this.recoveryConfirmedBy = actor.username();
		this.recoveryConfirmedAt = now;
		if (reportedToExecutive && !this.recoveryReported) {
			append(now, actor.username(), Kind.RECOVERY_REPORTED, Change.NONE, null, false);
		}
		this.recoveryReported = this.recoveryReported || reportedToExecutive;
	}

	/** The investigation's "why" and "where": the record's assumed cause and affected systems. */
	void updateCauseAndSystems(Actor actor, String assumedCause, String affectedSystems, Instant now) {
		requireOpenAndOnTeam(actor);
		RequiredItems old = this.record;
		fieldChanged(now, actor.username(), "assumedCause", old.getAssumedCause(), assumedCause);
		fieldChanged(now, actor.username(), "affectedSystemsStatus", old.getAffectedSystemsStatus(), affectedSystems);
		this.record = new RequiredItems(old.getClientAndParties(), old.getEventsAndDamage(), assumedCause,
				affectedSystems, old.getSystemConfiguration(), old.getContact(), old.getDisclosureStatus());
	}

	/**
	 * Names the register's systems the incident concerns, replacing those named before: the
	 * lead or the response team, while it is open. What the register says of them fills the
	 * record's items still empty, never what someone typed.
	 * @param names the name of each system named now and before, for the timeline
	 * @param prefill the record's 被害を受けたシステム, システム構成 and 事業者 in words, from the register
	 * @return whether the systems changed
	 */
	boolean chooseSystems(Actor actor, List<Long> ids, java.util.Map<Long, String> names, RequiredItems prefill,
			Instant now) {
		requireOpenAndOnTeam(actor);
		return nameSystems(actor.username(), ids, names, prefill, false, now);
	}

	private boolean nameSystems(String actor, List<Long> ids, java.util.Map<Long, String> names, RequiredItems prefill,
			boolean shared, Instant now) {
		List<Long> before = getSystemIds();
		List<Long> after = ids.stream().distinct().toList();
		if (new LinkedHashSet<>(before).equals(new LinkedHashSet<>(after))) {
			return false;
		}
		this.systems.removeIf(chosen -> !after.contains(chosen.systemId()));
		after.stream()
			.filter(id -> !before.contains(id))
			.forEach(id -> this.systems.add(new ChosenSystem(id, actor, now)));
		append(now, actor, Kind.SYSTEMS_CHOSEN, Change.field(null, namesOf(before, names), namesOf(after, names)), null,
				shared);
		prefill(actor, prefill, now);
		registerEvent(new IncidentEvents.SystemsChosen(this.reference, actor));
		return true;
	}

	private static String namesOf(List<Long> ids, java.util.Map<Long, String> names) {
		return ids.stream().map(id -> names.getOrDefault(id, "#" + id)).collect(Collectors.joining("\n"));
	}

	/** The record's items still empty take what the register says; each with its line. */
	private void prefill(String actor, RequiredItems prefill, Instant now) {
		if (prefill == null) {
			return;
		}
		RequiredItems old = this.record;
		String clients = hasText(old.getClientAndParties()) ? old.getClientAndParties() : prefill.getClientAndParties();
		String status = hasText(old.getAffectedSystemsStatus()) ? old.getAffectedSystemsStatus()
				: prefill.getAffectedSystemsStatus();
		String configuration = hasText(old.getSystemConfiguration()) ? old.getSystemConfiguration()
				: prefill.getSystemConfiguration();
		fieldChanged(now, actor, "clientAndParties", old.getClientAndParties(), clients);
		fieldChanged(now, actor, "affectedSystemsStatus", old.getAffectedSystemsStatus(), status);
		fieldChanged(now, actor, "systemConfiguration", old.getSystemConfiguration(), configuration);
		this.record = new RequiredItems(clients, old.getEventsAndDamage(), old.getAssumedCause(), status,
				configuration, old.getContact(), old.getDisclosureStatus());
	}

	/**
	 * The lead or the team says a vendor (委託先) told the company, or that none did: the company
	 * is then 委託元, and the vendor goes into 事業者 where that is still empty.
	 * @param before the name of the vendor named before, or {@code null}
	 * @param after the name of the vendor named now, or {@code null}
	 */
	void nameReportingVendor(Actor actor, Long vendorId, String before, String after, RequiredItems prefill,
			Instant now) {
		requireOpenAndOnTeam(actor);
		if (Objects.equals(this.reportedByVendorId, vendorId)) {
			return;
		}
		this.reportedByVendorId = vendorId;
		fieldChanged(now, actor.username(), "reportedByVendor", before, after);
		prefill(actor.username(), prefill, now);
	}

	/**
	 * What the reporter said beside the words: the register's systems they chose, and the vendor
	 * (委託先) that told the company, if one did.
	 */
	void reportedWith(List<Long> systemIds, java.util.Map<Long, String> names, RequiredItems prefill, Long vendorId,
			Instant now) {
		this.reportedByVendorId = vendorId;
		if (!systemIds.isEmpty()) {
			nameSystems(this.reportedBy, systemIds, names, prefill, true, now);
		}
		else if (prefill != null && vendorId != null) {
			prefill(this.reportedBy, prefill, now);
		}
	}

	/** Another module's fact that belongs on the timeline ({@link TimelineRecorder}). */
	void record(String actor, HistoryEvent.Line line, Instant now) {
		append(now, actor, line.kind(), Change.field(line.subject(), line.before(), line.after()), line.note(), false);
	}

	/** An internal note of the response team; the reporter does not see it. */
	TimelineEntry addNote(Actor actor, String note, Instant now) {
		if (!actor.seesEverything() && !isOnTeam(actor.username())) {
			throw new TransitionRefused("incident.guard.notOnTeam");
		}
		return append(now, actor.username(), Kind.NOTE, Change.NONE, note, false);
	}

	/** The reporter adds what they learned since; shared with them. */
	void addInformation(Actor actor, String information, Instant now) {
		if (!actor.username().equals(this.reportedBy)) {
			throw new TransitionRefused("incident.guard.notReporter");
		}
		if (!this.state.isOpen()) {
			throw new TransitionRefused("incident.guard.notOpen");
		}
		append(now, actor.username(), Kind.INFORMATION_ADDED, Change.NONE, information, true);
		registerEvent(new IncidentEvents.InformationAdded(this.reference, actor.username()));
	}

	// --- what the pages ask ---

	/** Whether this person may see the incident at all (anyone else gets a 404). */
	public boolean isVisibleTo(Actor actor) {
		return actor.seesEverything() || isOnTeam(actor.username());
	}

	public boolean isOnTeam(String username) {
		return username.equals(this.responsible)
				|| this.assignees.stream().anyMatch(assignee -> assignee.username().equals(username));
	}

	public boolean isReportedBy(String username) {
		return username.equals(this.reportedBy);
	}

	/** What this person may do on the incident's pages now: the pages ask, no template repeats a rule. */
	public Permissions permissionsFor(Actor actor) {
		boolean lead = actor.has(Role.SECURITY_LEAD);
		boolean work = this.state.isOpen() && (lead || isOnTeam(actor.username()));
		boolean stepThree = this.state.ordinal() >= IncidentState.RECOVERY.ordinal();
		return new Permissions(actor.seesEverything() || isOnTeam(actor.username()), work,
				work && this.state == IncidentState.RECOVERY, lead && this.category != null, stepThree,
				actor.seesEverything() && this.category != null, lead && this.state.isOpen() && this.category != null);
	}

	/**
	 * @param addNote add an internal note
	 * @param work work the checklist and the required-items record
	 * @param confirmRecovery confirm the recovery (in recovery only)
	 * @param recordDamage record the damage in money and days
	 * @param seeRecovery the incident has reached step 3
	 * @param seeReporting step 2's reports owed concern this person
	 * @param changeCategories correct the incident's categories and leak kind (the lead, once escalated)
	 */
	public record Permissions(boolean addNote, boolean work, boolean confirmRecovery, boolean recordDamage,
			boolean seeRecovery, boolean seeReporting, boolean changeCategories) {
	}

	/** While records on the devices could still be lost: the page warns not to switch anything off. */
	public boolean isPreservingRecords() {
		return this.state == IncidentState.ESCALATED || this.state == IncidentState.TEAM_FORMED
				|| this.state == IncidentState.CONTAINMENT;
	}

	/** The latest change that moved the version: who changed what, for someone whose page went stale. */
	public Optional<TimelineEntry> lastChange() {
		for (int i = this.timeline.size() - 1; i >= 0; i--) {
			TimelineEntry entry = this.timeline.get(i);
			if (entry.getKind().changesTheIncident()) {
				return Optional.of(entry);
			}
		}
		return Optional.empty();
	}

	/** The moves this actor could try now, with what still stands in their way. */
	public List<Transition> transitionsFor(Actor actor) {
		return Transition.from(this.state).stream().filter(transition -> transition.mayBePerformedBy(actor)).toList();
	}

	/** The guards of a transition that do not hold now (empty: it may be made). */
	public List<Unmet> unmetGuards(Transition transition) {
		return transition.guards()
			.stream()
			.filter(guard -> !guard.isInput())
			.flatMap(guard -> unmet(guard, null).stream())
			.toList();
	}

	/** What does not hold of one guard ({@code move} is needed only for input guards). */
	private List<Unmet> unmet(Guard guard, Move move) {
		return switch (guard) {
			case REASON_GIVEN -> hasText(move.reason()) ? List.of() : List.of(new Unmet("incident.guard.reasonRequired"));
			case CATEGORY_AND_SEVERITY -> Stream
				.of((move.category() == null) ? new Unmet("incident.guard.categoryRequired") : null,
						(move.severity() == null) ? new Unmet("incident.guard.severityRequired") : null)
				.filter(Objects::nonNull)
				.toList();
			case RESPONSIBLE_NAMED -> hasText(move.responsible()) ? List.of()
					: List.of(new Unmet("incident.guard.responsibleRequired"));
			case EARLIER_REENTRY_POINT -> (move.target() != null
					&& Transition.reentryPointsBefore(this.state).contains(move.target())) ? List.of()
							: List.of(new Unmet("incident.guard.reentryTarget"));
			case INITIAL_RESPONSE_RESOLVED -> openItems(true).stream().toList();
			case DISCLOSURE_DECIDED -> (this.record.getDisclosureStatus() != DisclosureStatus.UNDECIDED) ? List.of()
					: List.of(new Unmet("incident.guard.disclosureUndecided"));
			case KIND_POINTS_RESOLVED -> openItems(false).stream().toList();
			case RECOVERY_CONFIRMED_AND_REPORTED -> (this.recoveryConfirmedAt == null)
					? List.of(new Unmet("incident.guard.recoveryNotConfirmed"))
					: this.recoveryReported ? List.of() : List.of(new Unmet("incident.guard.recoveryNotReported"));
			case RECORD_COMPLETE -> {
				List<String> missing = requiredItems().stream()
					.filter(item -> !item.filled())
					.map(item -> item.key().name())
					.toList();
				yield missing.isEmpty() ? List.of()
						: List.of(new Unmet("incident.guard.requiredItemsMissing", missing.size(), missing));
			}
			case CLOSING_APPROVED -> (this.closingApprovedAt != null) ? List.of()
					: List.of(new Unmet("incident.guard.closingNotApproved"));
		};
	}

	/** The required-items record, item by item, with what is filled in. */
	public List<RequiredItem> requiredItems() {
		return List.of(new RequiredItem(RequiredItem.Key.CATEGORY, this.category != null),
				new RequiredItem(RequiredItem.Key.COMPANY, true),
				new RequiredItem(RequiredItem.Key.TEAM, this.responsible != null),
				new RequiredItem(RequiredItem.Key.OCCURRED_AT, this.occurredAt != null),
				new RequiredItem(RequiredItem.Key.DISCOVERED_AT, this.discoveredAt != null),
				new RequiredItem(RequiredItem.Key.EVENTS, hasText(this.record.getEventsAndDamage())),
				new RequiredItem(RequiredItem.Key.TIMELINE, this.timelineLength > 0),
				new RequiredItem(RequiredItem.Key.ASSUMED_CAUSE, hasText(this.record.getAssumedCause())),
				new RequiredItem(RequiredItem.Key.AFFECTED_SYSTEMS, hasText(this.record.getAffectedSystemsStatus())),
				new RequiredItem(RequiredItem.Key.SYSTEM_CONFIGURATION, hasText(this.record.getSystemConfiguration())),
				new RequiredItem(RequiredItem.Key.INDUSTRY, true),
				new RequiredItem(RequiredItem.Key.CONTACT, hasText(this.record.getContact())),
				new RequiredItem(RequiredItem.Key.DISCLOSURE,
						this.record.getDisclosureStatus() != DisclosureStatus.UNDECIDED));
	}

	/** How much of the required-items record is filled in, 0–100. */
	public int completeness() {
		List<RequiredItem> items = requiredItems();
		return (int) (100 * items.stream().filter(RequiredItem::filled).count() / items.size());
	}

	/**
	 * Checks the chain of hashes from the first entry to the head the incident remembers, and
	 * that the incident's own fields agree with what its history says happened.
	 */
	public TimelineVerification verifyTimeline() {
		return verifyTimeline(null);
	}

	/**
	 * As {@link #verifyTimeline()}, and, with the seal, that every entry and the head carry the
	 * installation's seal: what a forger with the database's credentials cannot recompute.
	 */
	TimelineVerification verifyTimeline(TimelineSeal seal) {
		List<TimelineVerification.Problem> problems = new ArrayList<>();
		String previous = "";
		int expected = 1;
		TimelineVerification.Upgrade upgrade = null;
		for (TimelineEntry entry : this.timeline) {
			if (entry.getSequence() != expected) {
				problems.add(new TimelineVerification.Problem(expected, "timeline.verify.missing"));
				expected = entry.getSequence();
			}
			if (!entry.getPreviousHash().equals(previous)) {
				problems.add(new TimelineVerification.Problem(entry.getSequence(), "timeline.verify.brokenLink"));
			}
			if (!entry.computeHash(this.reference).equals(entry.getHash())) {
				problems.add(new TimelineVerification.Problem(entry.getSequence(), "timeline.verify.altered"));
			}
			if (seal != null && entry.getSeal() == null) {
				problems.add(new TimelineVerification.Problem(entry.getSequence(), "timeline.verify.unsealed"));
			}
			else if (seal != null && !seal.holds(entry, this.reference)) {
				problems.add(new TimelineVerification.Problem(entry.getSequence(), "timeline.verify.forged"));
			}
			Optional<Instant> atUpgrade = entry.sealedAtUpgrade();
			if (atUpgrade.isPresent()) {
				upgrade = new TimelineVerification.Upgrade(entry.getSequence(), atUpgrade.get());
			}
			previous = entry.getHash();
			expected++;
		}
		if (this.timeline.size() != this.timelineLength || !previous.equals(this.timelineHead)) {
			problems.add(new TimelineVerification.Problem(this.timelineLength, "timeline.verify.headMismatch"));
		}
		else if (seal != null
				&& !seal.holdsHead(this.timelineSeal, this.reference, this.timelineLength, this.timelineHead)) {
			problems.add(new TimelineVerification.Problem(this.timelineLength, "timeline.verify.headForged"));
		}
		problems.addAll(disagreements());
		return new TimelineVerification(this.timeline.size(), problems, upgrade);
	}

	/**
	 * Replays what the timeline says happened and compares it with the incident's row: a state,
	 * a responsible person or a closing approval set behind the application's back has no
	 * history that leads to it. Each disagreement names the entry the row should follow from.
	 */
	private List<TimelineVerification.Problem> disagreements() {
		List<TimelineVerification.Problem> problems = new ArrayList<>();
		TimelineEntry lastMove = null;
		TimelineEntry lastTeam = null;
		TimelineEntry lastApproval = null;
		for (TimelineEntry entry : this.timeline) {
			if (entry.getToState() != null) {
				lastMove = entry;
			}
			// older rows name no responsible person (subject "team")
			if (entry.getKind() == Kind.TEAM_FORMED && !"team".equals(entry.getField())) {
				lastTeam = entry;
			}
			if (entry.getKind() == Kind.CLOSING_APPROVED || (entry.getKind() == Kind.WITHDRAWN
					&& Withdrawn.CLOSING_APPROVAL.name().equals(entry.getField()))) {
				lastApproval = entry;
			}
		}
		if (lastMove == null || lastMove.getToState() != this.state) {
			problems.add(new TimelineVerification.Problem((lastMove == null) ? 0 : lastMove.getSequence(),
					"timeline.verify.stateDisagrees", "IncidentState." + this.state.name(),
					(lastMove == null) ? "IncidentState.REPORTED" : "IncidentState." + lastMove.getToState().name()));
		}
		if ((lastTeam == null) ? this.responsible != null && this.timeline.stream().noneMatch(
				entry -> entry.getKind() == Kind.TEAM_FORMED) : !lastTeam.getField().equals(this.responsible)) {
			problems.add(new TimelineVerification.Problem((lastTeam == null) ? 0 : lastTeam.getSequence(),
					"timeline.verify.responsibleDisagrees"));
		}
		String approvedBy = (lastApproval == null || lastApproval.getKind() == Kind.WITHDRAWN) ? null
				: lastApproval.getActor();
		if (!Objects.equals(approvedBy, this.closingApprovedBy)) {
			problems.add(new TimelineVerification.Problem((lastApproval == null) ? 0 : lastApproval.getSequence(),
					"timeline.verify.approvalDisagrees"));
		}
		return problems;
	}

	/** Sealed by {@link TimelineSeal} when the incident and each time an entry is persisted. */
	void sealHead(String mac) {
		this.timelineSeal = mac;
	}

	int timelineLength() {
		return this.timelineLength;
	}

	String timelineHead() {
		return this.timelineHead;
	}

	// --- internals ---

	private void check(Transition transition, Actor actor, List<Unmet> guards) {
		if (!transition.isAllowedFrom(this.state)) {
			throw new TransitionRefused("incident.guard.notFromState", this.state.name());
		}
		if (!transition.mayBePerformedBy(actor)) {
			throw new TransitionRefused("incident.guard.role", transition.role().name());
		}
		if (!guards.isEmpty()) {
			throw new TransitionRefused(guards);
		}
	}

	private void changeState(IncidentState to, Actor actor, Instant now, String note) {
		IncidentState from = this.state;
		this.state = to;
		if (from == IncidentState.CONTAINMENT && this.containedAt == null) {
			this.containedAt = now;
		}
		if (to == IncidentState.PREVENTION && this.recoveredAt == null) {
			this.recoveredAt = now;
		}
		append(now, actor.username(), Kind.STATE_CHANGED, Change.state(from, to), note, true);
		registerEvent(new IncidentEvents.StateChanged(this.reference, from, to));
	}

	private void addChecklistPoints(Playbook playbook) {
		int position = this.checklist.size();
		for (Playbook.Point point : playbook.pointsFor(getCategories(), this.leakKind)) {
			boolean present = this.checklist.stream()
				.anyMatch(item -> (point.builtin() != null) ? item.getItem() == point.builtin()
						: point.text().equals(item.getCustomText()) && item.getItem() == null);
			if (!present) {
				this.checklist.add(new ChecklistItem(this, point.builtin(), point.group(), point.text(), ++position));
			}
		}
	}

	/** The primary first; the leak kind is kept only while the incident is also a leak. */
	private void setCategories(Category primary, Set<Category> additional, LeakKind leakKind) {
		this.category = primary;
		this.additionalCategories = additional.stream()
			.filter(other -> other != primary)
			.sorted()
			.map(Category::name)
			.collect(Collectors.joining(","));
		this.leakKind = getCategories().contains(Category.INFORMATION_LEAK) ? leakKind : null;
	}

	private Optional<Unmet> openItems(boolean initial) {
		List<String> open = this.checklist.stream()
			.filter(item -> item.getGroup().isInitial() == initial)
			.filter(item -> !item.isResolved())
			.map(ChecklistItem::name)
			.toList();
		return open.isEmpty() ? Optional.empty()
				: Optional.of(new Unmet(initial ? "incident.guard.initialResponseOpen" : "incident.guard.pointsOpen",
						open.size(), open));
	}

	private void requireOpenAndOnTeam(Actor actor) {
		if (!this.state.isOpen()) {
			throw new TransitionRefused("incident.guard.notOpen");
		}
		if (!actor.has(Role.SECURITY_LEAD) && !isOnTeam(actor.username())) {
			throw new TransitionRefused("incident.guard.notOnTeam");
		}
	}

	private void fieldChanged(Instant now, String actor, String field, Object before, Object after) {
		fieldChanged(now, actor, field, before, after, null);
	}

	/** A line when the value changed, with the note that says why; {@code true} if there was one. */
	private boolean fieldChanged(Instant now, String actor, String field, Object before, Object after, String note) {
		String was = HistoryEvent.Line.raw(before);
		String is = HistoryEvent.Line.raw(after);
		if (Objects.equals(was, is)) {
			return false;
		}
		append(now, actor, Kind.FIELD_CHANGED, Change.field(field, was, is), note, false);
		return true;
	}

	private TimelineEntry append(Instant now, String actor, Kind kind, Change change, String note, boolean shared) {
		TimelineEntry entry = new TimelineEntry(this, this.reference, this.timelineLength + 1, this.timelineHead, now,
				actor, kind, change, note, shared);
		this.timeline.add(entry);
		this.timelineLength = entry.getSequence();
		this.timelineHead = entry.getHash();
		return entry;
	}

	private static boolean hasText(String text) {
		return text != null && !text.isBlank();
	}

	private static String titleFrom(String description) {
		String firstLine = description.strip().lines().findFirst().orElse("");
		return (firstLine.length() <= TITLE_FROM_DESCRIPTION) ? firstLine
				: firstLine.substring(0, TITLE_FROM_DESCRIPTION - 1) + "…";
	}

	// --- getters ---

	public Long getId() {
		return this.id;
	}

	public String getReference() {
		return this.reference;
	}

	public String getTitle() {
		return this.title;
	}

	public String getDescription() {
		return this.description;
	}

	public Category getCategory() {
		return this.category;
	}

	/** Every category, the primary first, then the others in enum order; empty before escalation. */
	public Set<Category> getCategories() {
		if (this.category == null) {
			return Set.of();
		}
		Set<Category> categories = new LinkedHashSet<>();
		categories.add(this.category);
		categories.addAll(getAdditionalCategories());
		return Collections.unmodifiableSet(categories);
	}

	/** The categories besides the primary one, in enum order. */
	public Set<Category> getAdditionalCategories() {
		Set<Category> additional = EnumSet.noneOf(Category.class);
		if (this.additionalCategories != null && !this.additionalCategories.isEmpty()) {
			for (String name : this.additionalCategories.split(",")) {
				additional.add(Category.valueOf(name));
			}
		}
		return additional;
	}

	public LeakKind getLeakKind() {
		return this.leakKind;
	}

	public Severity getSeverity() {
		return this.severity;
	}

	public IncidentState getState() {
		return this.state;
	}

	public String getAffectedSystem() {
		return this.affectedSystem;
	}

	public StillHappening getStillHappening() {
		return this.stillHappening;
	}

	public Instant getDiscoveredAt() {
		return this.discoveredAt;
	}

	public Instant getOccurredAt() {
		return this.occurredAt;
	}

	public Instant getReportedAt() {
		return this.reportedAt;
	}

	public String getReportedBy() {
		return this.reportedBy;
	}

	/** 訓練: a drill, never counted, filed or announced as a real incident. */
	public boolean isDrill() {
		return this.drill;
	}

	/**
	 * Who takes part in a drill, the only people it may tell anything: the lead who started it,
	 * the responsible person and the team.
	 */
	public Set<String> drillParticipants() {
		Set<String> participants = new LinkedHashSet<>();
		if (this.reportedBy != null) {
			participants.add(this.reportedBy);
		}
		if (this.responsible != null) {
			participants.add(this.responsible);
		}
		this.assignees.forEach(assignee -> participants.add(assignee.username()));
		return participants;
	}

	public String getOutsideReporterName() {
		return this.outsideReporterName;
	}

	public String getOutsideReporterContact() {
		return this.outsideReporterContact;
	}

	public String getSource() {
		return this.source;
	}

	public String getResponsible() {
		return this.responsible;
	}

	public List<Assignee> getAssignees() {
		return Collections.unmodifiableList(this.assignees);
	}

	public RequiredItems getRecord() {
		return this.record;
	}

	public Long getDamageDirectYen() {
		return this.damageDirectYen;
	}

	public Long getDamageIndirectYen() {
		return this.damageIndirectYen;
	}

	public java.math.BigDecimal getDisruptionDays() {
		return this.disruptionDays;
	}

	public String getClosingApprovedBy() {
		return this.closingApprovedBy;
	}

	public Instant getClosingApprovedAt() {
		return this.closingApprovedAt;
	}

	public String getRecoveryChecks() {
		return this.recoveryChecks;
	}

	public String getRecoveryConfirmedBy() {
		return this.recoveryConfirmedBy;
	}

	public Instant getRecoveryConfirmedAt() {
		return this.recoveryConfirmedAt;
	}

	public boolean isRecoveryReported() {
		return this.recoveryReported;
	}

	public Instant getContainedAt() {
		return this.containedAt;
	}

	public Instant getRecoveredAt() {
		return this.recoveredAt;
	}

	public Instant getClosedAt() {
		return this.closedAt;
	}

	public List<ChecklistItem> getChecklist() {
		return Collections.unmodifiableList(this.checklist);
	}

	/** The whole timeline, oldest first: for the response team. */
	public List<TimelineEntry> getTimeline() {
		return Collections.unmodifiableList(this.timeline);
	}

	/** What the reporter may see of the timeline: their report, their additions, the state changes. */
	public List<TimelineEntry> getTimelineForReporter() {
		return this.timeline.stream()
			.filter(TimelineEntry::isSharedWithReporter)
			.sorted(Comparator.comparingInt(TimelineEntry::getSequence))
			.toList();
	}

	public int getTimelineLength() {
		return this.timelineLength;
	}

	public long getVersion() {
		return this.version;
	}

	/** The register's systems the incident concerns, in the order they were named. */
	public List<ChosenSystem> getSystems() {
		return Collections.unmodifiableList(this.systems);
	}

	public List<Long> getSystemIds() {
		return this.systems.stream().map(ChosenSystem::systemId).toList();
	}

	public Long getReportedByVendorId() {
		return this.reportedByVendorId;
	}

	/**
	 * What a reporter tells, in plain words; the page's form and the API take it within the same limits.
	 * @param source where a report sent by a tool came from ("mail gateway", "EDR"); {@code null} from the page
	 */
	public record Report(String title, String description, Instant discoveredAt, String affectedSystem,
			StillHappening stillHappening, String outsideReporterName, String outsideReporterContact, String source) {

		public static final int MAX_TITLE = 200;

		public static final int MAX_DESCRIPTION = 4000;

		public static final int MAX_AFFECTED_SYSTEM = 200;

		public static final int MAX_OUTSIDE_NAME = 100;

		public static final int MAX_OUTSIDE_CONTACT = 200;

		public static final int MAX_SOURCE = 100;

		/** A report as a person makes it on the page: no source. */
		public Report(String title, String description, Instant discoveredAt, String affectedSystem,
				StillHappening stillHappening, String outsideReporterName, String outsideReporterContact) {
			this(title, description, discoveredAt, affectedSystem, stillHappening, outsideReporterName,
					outsideReporterContact, null);
		}

	}

}
