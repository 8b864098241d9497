package jp.hikeshi.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import jp.hikeshi.shared.BusinessRuleViolation;

/**
 * An incident's step 2 (報告・公表): the facts, the reports they oblige the company to make,
 * the public announcements and the inquiry desk. Changing a fact works the duties out again.
 */
@Entity
@Table(name = "reporting_case")
public class ReportingCase {

	/** More inquiries than a company this size can receive: surely mistyped. */
	public static final int MAX_INQUIRIES = 10_000_000;

	public static final int MAX_PUBLIC_TITLE = 200;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long incidentId;

	@Embedded
	private Facts facts = Facts.unknown();

	/** The rule set the duties are worked out with: the one in force on the day the company knew. */
	private String ruleSet;

	/** 漏えい等が発生し、又は発生したおそれがある個人データの項目 — before data sets; kept for old cases. */
	private String dataItems;

	/** 二次被害又はそのおそれの有無及びその内容. */
	private String secondaryDamage;

	/** The title the public reads in announcements, in words customers understand; never the internal title. */
	private String publicTitle;

	/** When the maximum count of people first passed 1,000: the count's ground applies from then. */
	private Instant overThousandSince;

	/** When the count of people with a マイナンバー first passed 100. */
	private Instant overHundredMyNumberSince;

	private LocalDate inquiryDeskOpenedOn;

	private String inquiryDeskContact;

	private int inquiryCount;

	@OneToMany(mappedBy = "reportingCase", cascade = { CascadeType.PERSIST, CascadeType.MERGE }, orphanRemoval = true)
	@OrderBy("id")
	private List<DataSet> dataSets = new ArrayList<>();

	@OneToMany(mappedBy = "reportingCase", cascade = { CascadeType.PERSIST, CascadeType.MERGE })
	@OrderBy("id")
	private List<Duty> duties = new ArrayList<>();

	@OneToMany(mappedBy = "reportingCase", cascade = { CascadeType.PERSIST, CascadeType.MERGE })
	@OrderBy("id")
	private List<Announcement> announcements = new ArrayList<>();

	@Version
	private long version;

	protected ReportingCase() {
	}

	ReportingCase(long incidentId, Facts facts, Context context, Instant now) {
		this.incidentId = incidentId;
		this.facts = facts;
		this.ruleSet = context.ruleSet().id();
		change(context, now, Fact.valuesIn(this), () -> {
		});
	}

	/**
	 * New facts: checks them, then works the duties out again.
	 * @return the facts that changed and the duties that apply, before and after, for the
	 * incident's timeline
	 */
	Change updateFacts(Facts facts, String secondaryDamage, String publicTitle, Context context, Instant now) {
		facts.requireConsistent(context.categorySuggestsImproperPurpose());
		String title = blankToNull(publicTitle);
		if (title != null && title.strip().length() > MAX_PUBLIC_TITLE) {
			throw BusinessRuleViolation.onField("publicTitle", "facts.publicTitleTooLong", MAX_PUBLIC_TITLE);
		}
		Map<Fact, Object> factsBefore = Fact.valuesIn(this);
		return change(context, now, factsBefore, () -> {
			this.facts = facts;
			this.secondaryDamage = blankToNull(secondaryDamage);
			this.publicTitle = (title == null) ? null : title.strip();
		});
	}

	Change addDataSet(DataSet.Details details, Context context, Instant now) {
		return change(context, now, Fact.valuesIn(this), () -> this.dataSets.add(new DataSet(this, details)));
	}

	/**
	 * Takes what the register says the incident's systems hold: each system named now whose data
	 * is not here yet is proposed; the proposals of a system no longer named go, unless the lead
	 * confirmed them. The duties are worked out once, from the whole.
	 * @param held the data each system named now holds, by system id
	 */
	Proposals propose(Map<Long, List<DataSet.Details>> held, Context context, Instant now) {
		List<DataSet> added = new ArrayList<>();
		List<DataSet> withdrawn = new ArrayList<>();
		Change change = change(context, now, Fact.valuesIn(this), () -> {
			for (DataSet set : List.copyOf(this.dataSets)) {
				if (set.isProposed() && !held.containsKey(set.getProposedFromSystemId())) {
					withdrawn.add(set);
					this.dataSets.remove(set);
				}
			}
			held.forEach((systemId, details) -> {
				if (this.dataSets.stream().noneMatch(set -> systemId.equals(set.getProposedFromSystemId()))) {
					details.forEach(each -> {
						DataSet set = DataSet.proposed(this, systemId, each);
						this.dataSets.add(set);
						added.add(set);
					});
				}
			});
		});
		return new Proposals(change, added, withdrawn);
	}

	/** What proposing changed: the duties, the data sets proposed and those withdrawn. */
	record Proposals(Change change, List<DataSet> added, List<DataSet> withdrawn) {
	}

	/** The lead confirms a data set the register proposed; the duties do not change. */
	DataSet confirmDataSet(long dataSetId, String by, Instant now) {
		DataSet dataSet = dataSet(dataSetId);
		dataSet.confirm(by, now);
		return dataSet;
	}

	Change changeDataSet(long dataSetId, DataSet.Details details, Context context, Instant now) {
		DataSet dataSet = dataSet(dataSetId);
		return change(context, now, Fact.valuesIn(this), () -> dataSet.apply(details));
	}

	Change removeDataSet(long dataSetId, Context context, Instant now) {
		DataSet dataSet = dataSet(dataSetId);
		return change(context, now, Fact.valuesIn(this), () -> this.dataSets.remove(dataSet));
	}

	/**
	 * The facts and every data set at once, as a script sends them whole: the data sets with an
	 * id are changed, those without are added, those not named any more are removed. Everything
	 * is checked before anything changes; a data set refused is named by its place in the list
	 * ({@code dataSets[1].maximumCount}). The duties are worked out once, from the whole.
	 */
	Replaced replaceFacts(Facts facts, String secondaryDamage, List<DataSetChange> sets, Context context,
			Instant now) {
		facts.requireConsistent(context.categorySuggestsImproperPurpose());
		Set<Long> named = new java.util.HashSet<>();
		for (int i = 0; i < sets.size(); i++) {
			DataSetChange set = sets.get(i);
			String at = "dataSets[" + i + "]";
			if (set.id() != null && this.dataSets.stream().noneMatch(d -> set.id().equals(d.getId()))) {
				throw BusinessRuleViolation.onField(at + ".id", "dataSet.unknown");
			}
			if (set.id() != null && !named.add(set.id())) {
				throw BusinessRuleViolation.onField(at + ".id", "dataSet.namedTwice");
			}
			try {
				set.details().requireValid();
			}
			catch (BusinessRuleViolation refused) {
				throw BusinessRuleViolation.onField((refused.field() == null) ? at : at + "." + refused.field(),
						refused.code(), refused.arguments());
			}
		}
		List<DataSet.Details> added = new ArrayList<>();
		List<DataSet.Details> changed = new ArrayList<>();
		List<String> removed = new ArrayList<>();
		Change change = change(context, now, Fact.valuesIn(this), () -> {
			this.facts = facts;
			this.secondaryDamage = blankToNull(secondaryDamage);
			for (DataSet gone : List.copyOf(this.dataSets)) {
				if (!named.contains(gone.getId())) {
					removed.add(gone.getDescription());
					this.dataSets.remove(gone);
				}
			}
			for (DataSetChange set : sets) {
				if (set.id() == null) {
					DataSet dataSet = new DataSet(this, set.details());
					this.dataSets.add(dataSet);
					added.add(dataSet.details());
				}
				else {
					DataSet dataSet = dataSet(set.id());
					DataSet.Details before = dataSet.details();
					dataSet.apply(set.details());
					if (!before.equals(dataSet.details())) {
						changed.add(dataSet.details());
					}
				}
			}
		});
		return new Replaced(change, added, changed, removed);
	}

	/**
	 * One data set as a script sends it with the facts.
	 * @param id the data set it changes, or {@code null} for a new one
	 */
	public record DataSetChange(Long id, DataSet.Details details) {
	}

	/** What replacing the facts changed: the facts and duties, and the data sets added, changed (as now) and removed (their names). */
	record Replaced(Change change, List<DataSet.Details> added, List<DataSet.Details> changed, List<String> removed) {
	}

	/**
	 * Works the duties out again when the incident changed: its categories (whose suggestions are
	 * ticked unless the lead ruled them out with a reason), or 発覚 (which also chooses the rule set).
	 */
	Change recalculate(Context context, boolean suggestsVirusOrAccess, Instant now) {
		return change(context, now, Fact.valuesIn(this), () -> {
			this.facts = this.facts.withSuggestions(context.categorySuggestsImproperPurpose(), suggestsVirusOrAccess);
			this.ruleSet = context.ruleSet().id();
		});
	}

	/** The company told its client: the client's data leaves the company's own reports (法26条1項ただし書). */
	Change clientTold(Context context, Instant now) {
		return change(context, now, Fact.valuesIn(this), () -> this.facts = this.facts.withClientInformed());
	}

	private Change change(Context context, Instant now, Map<Fact, Object> factsBefore, Runnable edit) {
		Set<DutyType> before = dutyTypes(false);
		Set<DutyType> provisionalBefore = dutyTypes(true);
		Situation was = situation(context);
		boolean countKnown = was.reportableSets().stream().anyMatch(set -> set.peopleAtMost() != null);
		boolean myNumberCountKnown = was.reportableSets()
			.stream()
			.anyMatch(set -> set.isMyNumber() && set.peopleAtMost() != null);
		edit.run();
		List<Passed> passed = notePassedThresholds(context, now, countKnown, myNumberCountKnown);
		for (Verdict verdict : rules().evaluate(situation(context))) {
			Optional<Duty> existing = duty(verdict.type());
			if (verdict.status() == Verdict.Status.NONE) {
				existing.ifPresent(Duty::lapse);
			}
			else {
				existing.ifPresentOrElse(duty -> duty.reapply(verdict), () -> this.duties.add(new Duty(this, verdict)));
			}
		}
		return new Change(Fact.changes(factsBefore, Fact.valuesIn(this)), before, dutyTypes(false), provisionalBefore,
				dutyTypes(true), passed);
	}

	/**
	 * Keeps the moment a count passed a threshold: a count that passes it later, over one on
	 * record below it, makes the ground apply from then (GL 3-5-3-1(4)); a count first recorded
	 * above it was so from 発覚, and the clock runs from there.
	 */
	private List<Passed> notePassedThresholds(Context context, Instant now, boolean countKnown,
			boolean myNumberCountKnown) {
		Situation situation = situation(context);
		List<Passed> passed = new ArrayList<>();
		if (this.overThousandSince == null && situation.peopleAtMost() > Facts.PPC_PEOPLE_THRESHOLD) {
			this.overThousandSince = countKnown ? now : context.knewAt();
			if (countKnown) {
				passed.add(new Passed(Threshold.PPC_THOUSAND, situation.peopleAtMost()));
			}
		}
		if (this.overHundredMyNumberSince == null
				&& situation.myNumberPeopleAtMost() > Facts.MY_NUMBER_PEOPLE_THRESHOLD) {
			this.overHundredMyNumberSince = myNumberCountKnown ? now : context.knewAt();
			if (myNumberCountKnown) {
				passed.add(new Passed(Threshold.MY_NUMBER_HUNDRED, situation.myNumberPeopleAtMost()));
			}
		}
		return passed;
	}

	/** What the rules look at now. */
	public Situation situation(Context context) {
		return new Situation(this.facts, List.copyOf(this.dataSets), context.categories(), context.leakKind(),
				context.industry(), context.knewAt(), this.overThousandSince, this.overHundredMyNumberSince);
	}

	public RuleSet rules() {
		return (this.ruleSet == null) ? RuleSet.APPI_2022 : RuleSet.byId(this.ruleSet);
	}

	Duty file(long dutyId, Filing filing, LocalDate discoveredOn, LocalDate today, LocalDate lateAfter, String by,
			Instant at) {
		Duty duty = applicable(dutyId);
		LocalDate on = filing.on();
		if (on == null) {
			throw BusinessRuleViolation.onField("filedOn", "duty.filedOnRequired");
		}
		if (on.isBefore(discoveredOn)) {
			throw BusinessRuleViolation.onField("filedOn", "duty.filedBeforeDiscovery");
		}
		if (on.isAfter(today)) {
			throw BusinessRuleViolation.onField("filedOn", "duty.filedInFuture");
		}
		if (filing.reference() != null && filing.reference().length() > Duty.MAX_REFERENCE_LENGTH) {
			throw BusinessRuleViolation.onField("filingReference", "duty.referenceTooLong", Duty.MAX_REFERENCE_LENGTH);
		}
		String lateReason = blankToNull(filing.lateReason());
		if (duty.getType() == DutyType.EU_AUTHORITY && lateAfter != null && on.isAfter(lateAfter)
				&& lateReason == null) {
			throw BusinessRuleViolation.onField("lateReason", "duty.lateReasonRequired");
		}
		Duty.NoticeOutcome outcome = null;
		Duty.AlternativeMeasure alternative = null;
		if (duty.getType() == DutyType.PERSON_NOTICE) {
			outcome = filing.outcome();
			if (outcome == null) {
				throw BusinessRuleViolation.onField("outcome", "duty.noticeOutcomeRequired");
			}
			if (outcome != Duty.NoticeOutcome.ALL_NOTIFIED) {
				alternative = filing.alternative();
				requireAlternativeInPlace(alternative);
			}
		}
		duty.file(on, blankToNull(filing.reference()), lateReason, outcome, alternative, by, at);
		return duty;
	}

	/** An alternative measure serves only once it exists: an announcement published, the inquiry desk open. */
	private void requireAlternativeInPlace(Duty.AlternativeMeasure alternative) {
		if (alternative == null) {
			throw BusinessRuleViolation.onField("alternative", "duty.alternativeRequired");
		}
		boolean inPlace = switch (alternative) {
			case ANNOUNCEMENT -> this.announcements.stream().anyMatch(a -> a.getPublishedOn() != null);
			case INQUIRY_DESK -> this.inquiryDeskOpenedOn != null;
		};
		if (!inPlace) {
			throw BusinessRuleViolation.onField("alternative", "duty.alternativeNotInPlace." + alternative.name());
		}
	}

	/** What the lead records of a filing; the outcome and the alternative only for the notice to the people. */
	public record Filing(LocalDate on, String reference, String lateReason, Duty.NoticeOutcome outcome,
			Duty.AlternativeMeasure alternative) {
	}

	Duty waive(long dutyId, String reason, String by, Instant at) {
		Duty duty = applicable(dutyId);
		if (reason == null || reason.isBlank()) {
			throw BusinessRuleViolation.onField("reason", "duty.waiverReasonRequired");
		}
		duty.waive(reason, by, at);
		return duty;
	}

	Duty markNotYetDue(long dutyId, String by, Instant at) {
		Duty duty = applicable(dutyId);
		if (!duty.getType().mayBeNotYetDue()) {
			throw new BusinessRuleViolation("duty.notYetDueOnlyForFinal");
		}
		duty.markNotYetDue(by, at);
		return duty;
	}

	/** @return the duty, undecided again */
	/** A duty a supplementary report (追完) may follow: one already filed. */
	Duty supplementable(long dutyId) {
		Duty duty = applicable(dutyId);
		if (duty.getState() != Duty.State.FILED) {
			throw new BusinessRuleViolation("duty.supplement.notFiled");
		}
		return duty;
	}

	Duty reopen(long dutyId, String by, Instant at) {
		Duty duty = applicable(dutyId);
		if (duty.getState() == Duty.State.TO_DO) {
			throw new BusinessRuleViolation("duty.notDecided");
		}
		duty.reopen(by, at);
		return duty;
	}

	Announcement draftAnnouncement(Announcement.Kind kind, String draft, String by, Instant at) {
		if (draft == null || draft.isBlank()) {
			throw BusinessRuleViolation.onField("draft", "announcement.draftRequired");
		}
		Announcement announcement = new Announcement(this, kind, draft, by, at);
		this.announcements.add(announcement);
		return announcement;
	}

	Announcement approveAnnouncement(long announcementId, String by, Instant at) {
		Announcement announcement = announcement(announcementId);
		if (announcement.isApproved()) {
			throw new BusinessRuleViolation("announcement.alreadyApproved");
		}
		announcement.approve(by, at);
		return announcement;
	}

	Announcement publishAnnouncement(long announcementId, LocalDate on, LocalDate discoveredOn, LocalDate today) {
		Announcement announcement = announcement(announcementId);
		if (!announcement.isApproved()) {
			throw new BusinessRuleViolation("announcement.notApproved");
		}
		if (announcement.getPublishedOn() != null) {
			throw new BusinessRuleViolation("announcement.alreadyPublished");
		}
		if (on == null || on.isBefore(discoveredOn) || on.isAfter(today)) {
			throw BusinessRuleViolation.onField("publishedOn", "announcement.publishedOnInvalid");
		}
		announcement.publish(on);
		return announcement;
	}

	/** @return whether anything about the desk changed */
	boolean updateInquiryDesk(LocalDate openedOn, String contact, int inquiries, LocalDate discoveredOn,
			LocalDate today) {
		if (openedOn != null && (openedOn.isBefore(discoveredOn) || openedOn.isAfter(today))) {
			throw BusinessRuleViolation.onField("openedOn", "inquiryDesk.openedOnInvalid");
		}
		if (inquiries < 0 || inquiries > MAX_INQUIRIES) {
			throw BusinessRuleViolation.onField("inquiries", "inquiryDesk.negative", 0, MAX_INQUIRIES);
		}
		String desk = blankToNull(contact);
		boolean changed = !Objects.equals(openedOn, this.inquiryDeskOpenedOn)
				|| !Objects.equals(desk, this.inquiryDeskContact) || inquiries != this.inquiryCount;
		this.inquiryDeskOpenedOn = openedOn;
		this.inquiryDeskContact = desk;
		this.inquiryCount = inquiries;
		return changed;
	}

	/** The duties that apply and are not yet decided enough to leave step 2. */
	public List<Duty> undecided() {
		return this.duties.stream().filter(Duty::isApplies).filter(d -> !d.isDecided()).toList();
	}

	/** The duties that apply and are neither filed nor waived: the incident cannot close. */
	public List<Duty> unsettled() {
		return this.duties.stream().filter(Duty::isApplies).filter(d -> !d.isSettled()).toList();
	}

	public List<Duty> applicableDuties() {
		return this.duties.stream()
			.filter(Duty::isApplies)
			.sorted(Comparator.comparing(Duty::getType))
			.toList();
	}

	public List<Duty> lapsedDuties() {
		return this.duties.stream().filter(d -> !d.isApplies()).toList();
	}

	/** The duties that apply firmly, or those that apply provisionally. */
	Set<DutyType> dutyTypes(boolean provisional) {
		return this.duties.stream()
			.filter(Duty::isApplies)
			.filter(d -> d.isProvisional() == provisional)
			.map(Duty::getType)
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(DutyType.class)));
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text;
	}

	private Optional<Duty> duty(DutyType type) {
		return this.duties.stream().filter(d -> d.getType() == type).findFirst();
	}

	private Duty applicable(long dutyId) {
		return this.duties.stream()
			.filter(d -> d.getId() != null && d.getId() == dutyId && d.isApplies())
			.findFirst()
			.orElseThrow(() -> new BusinessRuleViolation("duty.unknown"));
	}

	private DataSet dataSet(long dataSetId) {
		return this.dataSets.stream()
			.filter(d -> d.getId() != null && d.getId() == dataSetId)
			.findFirst()
			.orElseThrow(() -> new BusinessRuleViolation("dataSet.unknown"));
	}

	private Announcement announcement(long announcementId) {
		return this.announcements.stream()
			.filter(a -> a.getId() != null && a.getId() == announcementId)
			.findFirst()
			.orElseThrow(() -> new BusinessRuleViolation("announcement.unknown"));
	}

	public Long getId() {
		return this.id;
	}

	public long getIncidentId() {
		return this.incidentId;
	}

	public Facts getFacts() {
		return this.facts;
	}

	public String getDataItems() {
		return this.dataItems;
	}

	public String getSecondaryDamage() {
		return this.secondaryDamage;
	}

	public String getPublicTitle() {
		return this.publicTitle;
	}

	public LocalDate getInquiryDeskOpenedOn() {
		return this.inquiryDeskOpenedOn;
	}

	public String getInquiryDeskContact() {
		return this.inquiryDeskContact;
	}

	public int getInquiryCount() {
		return this.inquiryCount;
	}

	public List<DataSet> getDataSets() {
		return Collections.unmodifiableList(this.dataSets);
	}

	public String getRuleSet() {
		return rules().id();
	}

	public Instant getOverThousandSince() {
		return this.overThousandSince;
	}

	public Instant getOverHundredMyNumberSince() {
		return this.overHundredMyNumberSince;
	}

	public List<Duty> getDuties() {
		return Collections.unmodifiableList(this.duties);
	}

	public List<Announcement> getAnnouncements() {
		return Collections.unmodifiableList(this.announcements);
	}

	public long getVersion() {
		return this.version;
	}

	/**
	 * What a change changed: each fact, the duties that apply firmly and provisionally before and
	 * after, and the thresholds the counts passed.
	 */
	record Change(List<Fact.Changed> facts, Set<DutyType> dutiesBefore, Set<DutyType> dutiesAfter,
			Set<DutyType> provisionalBefore, Set<DutyType> provisionalAfter, List<Passed> passed) {

		boolean dutiesChanged() {
			return !this.dutiesBefore.equals(this.dutiesAfter);
		}

		boolean provisionalChanged() {
			return !this.provisionalBefore.equals(this.provisionalAfter);
		}

	}

	/** A threshold passed, and the count of people that passed it. */
	record Passed(Threshold threshold, long people) {
	}

	/** A count of people that makes a leak reportable once passed. */
	public enum Threshold {

		PPC_THOUSAND, MY_NUMBER_HUNDRED

	}

	/**
	 * What the rules need of the incident itself.
	 * @param categorySuggestsImproperPurpose the categories start with 不正の目的のおそれ, which the lead may untick only with a reason
	 */
	public record Context(Set<jp.hikeshi.incident.Category> categories, jp.hikeshi.incident.LeakKind leakKind,
			jp.hikeshi.organisation.Industry industry, Instant knewAt, boolean categorySuggestsImproperPurpose) {

		/** The rule set in force on the day (in Japan) the company knew. */
		RuleSet ruleSet() {
			return RuleSet.inForceOn(LocalDate.ofInstant(this.knewAt, jp.hikeshi.calendar.LegalDeadlines.JAPAN));
		}

	}

}
