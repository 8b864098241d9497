package jp.hikeshi.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * One report owed for an incident: to do, filed (when, under which reference), waived (why, by
 * whom), or — for a final report — explicitly not yet due. A duty that no longer applies after
 * the facts changed is kept ({@code applies = false}) so that nothing decided is lost.
 */
@Entity
@Table(name = "notification_duty")
public class Duty {

	public static final int MAX_REFERENCE_LENGTH = 100;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "case_id")
	private ReportingCase reportingCase;

	@Enumerated(EnumType.STRING)
	private DutyType type;

	private boolean applies;

	/** The reasons' message codes, comma-separated. */
	private String reasons;

	/** 要判断: the facts cannot decide yet whether it is owed, and its clock runs all the same. */
	private boolean provisional;

	@Enumerated(EnumType.STRING)
	private DeadlineRule deadlineRule = DeadlineRule.PROMPTLY;

	/** When its clock started: 発覚, or when the count of people first passed the threshold. */
	private Instant clockFrom;

	/** GDPR Art. 33(1): why a notice came after 72 hours. */
	private String lateReason;

	/** For the notice to the people: whether they were all reached, or an alternative measure served. */
	@Enumerated(EnumType.STRING)
	private NoticeOutcome noticeOutcome;

	@Enumerated(EnumType.STRING)
	private AlternativeMeasure alternativeMeasure;

	@Enumerated(EnumType.STRING)
	private State state = State.TO_DO;

	private LocalDate filedOn;

	private String filingReference;

	private String waiverReason;

	private String decidedBy;

	private Instant decidedAt;

	protected Duty() {
	}

	Duty(ReportingCase reportingCase, Verdict verdict) {
		this.reportingCase = reportingCase;
		this.type = verdict.type();
		reapply(verdict);
	}

	void reapply(Verdict verdict) {
		this.applies = true;
		this.provisional = verdict.status() == Verdict.Status.PROVISIONAL;
		this.reasons = String.join(",", verdict.reasons());
		this.deadlineRule = verdict.deadline();
		this.clockFrom = verdict.clockFrom();
	}

	void lapse() {
		this.applies = false;
	}

	void file(LocalDate on, String reference, String lateReason, NoticeOutcome outcome,
			AlternativeMeasure alternative, String by, Instant at) {
		decide(State.FILED, by, at);
		this.filedOn = on;
		this.filingReference = reference;
		this.lateReason = lateReason;
		this.noticeOutcome = outcome;
		this.alternativeMeasure = (outcome == null || outcome == NoticeOutcome.ALL_NOTIFIED) ? null : alternative;
	}

	void waive(String reason, String by, Instant at) {
		decide(State.WAIVED, by, at);
		this.waiverReason = reason;
	}

	void markNotYetDue(String by, Instant at) {
		decide(State.NOT_YET_DUE, by, at);
	}

	void reopen(String by, Instant at) {
		decide(State.TO_DO, by, at);
	}

	/** Whether it can be recorded as filed now (a filed report is not filed again; a correction reopens it first). */
	public boolean mayBeFiled() {
		return this.state != State.FILED;
	}

	public boolean mayBeWaived() {
		return this.state != State.WAIVED;
	}

	/** Only a final report (確報) that nobody decided on yet can be marked as not yet due. */
	public boolean mayBeMarkedNotYetDue() {
		return this.type.mayBeNotYetDue() && this.state == State.TO_DO;
	}

	/** A decision can be withdrawn; a report nobody decided on has nothing to withdraw. */
	public boolean mayBeReopened() {
		return this.state != State.TO_DO;
	}

	private void decide(State state, String by, Instant at) {
		this.state = state;
		this.decidedBy = by;
		this.decidedAt = at;
		this.filedOn = null;
		this.filingReference = null;
		this.waiverReason = null;
		this.lateReason = null;
		this.noticeOutcome = null;
		this.alternativeMeasure = null;
	}

	/** Decided enough to leave step 2: filed, waived, or a final report not yet due. */
	public boolean isDecided() {
		return !this.applies || this.state != State.TO_DO;
	}

	/** Done enough to close: filed or waived. */
	public boolean isSettled() {
		return !this.applies || this.state == State.FILED || this.state == State.WAIVED;
	}

	public Long getId() {
		return this.id;
	}

	public DutyType getType() {
		return this.type;
	}

	public boolean isApplies() {
		return this.applies;
	}

	public List<String> getReasons() {
		return this.reasons.isEmpty() ? List.of() : Arrays.asList(this.reasons.split(","));
	}

	public boolean isProvisional() {
		return this.provisional;
	}

	public DeadlineRule getDeadlineRule() {
		return this.deadlineRule;
	}

	public Instant getClockFrom() {
		return this.clockFrom;
	}

	public String getLateReason() {
		return this.lateReason;
	}

	public NoticeOutcome getNoticeOutcome() {
		return this.noticeOutcome;
	}

	public AlternativeMeasure getAlternativeMeasure() {
		return this.alternativeMeasure;
	}

	public State getState() {
		return this.state;
	}

	public LocalDate getFiledOn() {
		return this.filedOn;
	}

	public String getFilingReference() {
		return this.filingReference;
	}

	public String getWaiverReason() {
		return this.waiverReason;
	}

	public String getDecidedBy() {
		return this.decidedBy;
	}

	public Instant getDecidedAt() {
		return this.decidedAt;
	}

	ReportingCase getReportingCase() {
		return this.reportingCase;
	}

	/** How the people affected were told (法26条2項, GL 3-5-4-5). */
	public enum NoticeOutcome {

		ALL_NOTIFIED, PARTLY_WITH_ALTERNATIVE, ALTERNATIVE_ONLY

	}

	/** 代替措置: what serves where people cannot be reached. */
	public enum AlternativeMeasure {

		ANNOUNCEMENT, INQUIRY_DESK

	}

	/** Where a duty stands. */
	public enum State {

		TO_DO, FILED, WAIVED, NOT_YET_DUE

	}

}
