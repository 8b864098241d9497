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

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long incidentId;

	@Embedded
	private Facts facts = Facts.unknown();

	/** 漏えい等が発生し、又は発生したおそれがある個人データの項目. */
	private String dataItems;

	/** 二次被害又はそのおそれの有無及びその内容. */
	private String secondaryDamage;

	private LocalDate inquiryDeskOpenedOn;

	private String inquiryDeskContact;

	private int inquiryCount;

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

	ReportingCase(long incidentId, Facts facts, String supervisingMinistry) {
		this.incidentId = incidentId;
		this.facts = facts;
		recalculate(supervisingMinistry);
	}

	/**
	 * New facts: checks them, then works the duties out again.
	 * @return the facts that changed and the duties that apply, before and after, for the
	 * incident's timeline
	 */
	Change updateFacts(Facts facts, String dataItems, String secondaryDamage, String supervisingMinistry) {
		facts.requireConsistent();
		Map<Fact, Object> factsBefore = Fact.valuesIn(this);
		Set<DutyType> dutiesBefore = applicableSummary();
		this.facts = facts;
		this.dataItems = blankToNull(dataItems);
		this.secondaryDamage = blankToNull(secondaryDamage);
		recalculate(supervisingMinistry);
		return new Change(Fact.changes(factsBefore, Fact.valuesIn(this)), dutiesBefore, applicableSummary());
	}

	private void recalculate(String supervisingMinistry) {
		List<DutyRules.Applicable> applicable = DutyRules.evaluate(this.facts, supervisingMinistry);
		for (Duty duty : this.duties) {
			if (applicable.stream().noneMatch(a -> a.type() == duty.getType())) {
				duty.lapse();
			}
		}
		for (DutyRules.Applicable a : applicable) {
			duty(a.type()).ifPresentOrElse(duty -> duty.reapply(a.reasons()),
					() -> this.duties.add(new Duty(this, a.type(), a.reasons())));
		}
	}

	Duty file(long dutyId, LocalDate on, String reference, LocalDate discoveredOn, LocalDate today, String by,
			Instant at) {
		Duty duty = applicable(dutyId);
		if (on == null) {
			throw BusinessRuleViolation.onField("filedOn", "duty.filedOnRequired");
		}
		if (on.isBefore(discoveredOn)) {
			throw BusinessRuleViolation.onField("filedOn", "duty.filedBeforeDiscovery");
		}
		if (on.isAfter(today)) {
			throw BusinessRuleViolation.onField("filedOn", "duty.filedInFuture");
		}
		if (reference != null && reference.length() > Duty.MAX_REFERENCE_LENGTH) {
			throw BusinessRuleViolation.onField("filingReference", "duty.referenceTooLong", Duty.MAX_REFERENCE_LENGTH);
		}
		duty.file(on, blankToNull(reference), by, at);
		return duty;
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

	private Set<DutyType> applicableSummary() {
		return this.duties.stream()
			.filter(Duty::isApplies)
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

	public LocalDate getInquiryDeskOpenedOn() {
		return this.inquiryDeskOpenedOn;
	}

	public String getInquiryDeskContact() {
		return this.inquiryDeskContact;
	}

	public int getInquiryCount() {
		return this.inquiryCount;
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

	/** What a change of facts changed: each fact, and the duties that apply before and after. */
	record Change(List<Fact.Changed> facts, Set<DutyType> dutiesBefore, Set<DutyType> dutiesAfter) {

		boolean dutiesChanged() {
			return !this.dutiesBefore.equals(this.dutiesAfter);
		}

	}

}
