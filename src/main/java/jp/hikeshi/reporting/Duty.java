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

	@Enumerated(EnumType.STRING)
	private State state = State.TO_DO;

	private LocalDate filedOn;

	private String filingReference;

	private String waiverReason;

	private String decidedBy;

	private Instant decidedAt;

	protected Duty() {
	}

	Duty(ReportingCase reportingCase, DutyType type, List<String> reasons) {
		this.reportingCase = reportingCase;
		this.type = type;
		this.applies = true;
		this.reasons = String.join(",", reasons);
	}

	void reapply(List<String> reasons) {
		this.applies = true;
		this.reasons = String.join(",", reasons);
	}

	void lapse() {
		this.applies = false;
	}

	void file(LocalDate on, String reference, String by, Instant at) {
		decide(State.FILED, by, at);
		this.filedOn = on;
		this.filingReference = reference;
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

	/** Where a duty stands. */
	public enum State {

		TO_DO, FILED, WAIVED, NOT_YET_DUE

	}

}
