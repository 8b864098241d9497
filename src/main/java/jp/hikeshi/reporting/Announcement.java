package jp.hikeshi.reporting;

import java.time.Instant;
import java.time.LocalDate;

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

/** A public announcement (第一報・第二報・最終報): a draft, the executive's approval, the day it went out. */
@Entity
@Table(name = "announcement")
public class Announcement {

	static final int TITLE_LENGTH = 100;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "case_id")
	private ReportingCase reportingCase;

	@Enumerated(EnumType.STRING)
	private Kind kind;

	private String draft;

	private String createdBy;

	private Instant createdAt;

	private String approvedBy;

	private Instant approvedAt;

	private LocalDate publishedOn;

	protected Announcement() {
	}

	Announcement(ReportingCase reportingCase, Kind kind, String draft, String by, Instant at) {
		this.reportingCase = reportingCase;
		this.kind = kind;
		this.draft = draft;
		this.createdBy = by;
		this.createdAt = at;
	}

	void approve(String by, Instant at) {
		this.approvedBy = by;
		this.approvedAt = at;
	}

	void publish(LocalDate on) {
		this.publishedOn = on;
	}

	public Long getId() {
		return this.id;
	}

	public Kind getKind() {
		return this.kind;
	}

	public String getDraft() {
		return this.draft;
	}

	/**
	 * The public title: the draft's first line that is not blank (the prepared texts start
	 * with it: …について（第1報）), shortened to {@value #TITLE_LENGTH} characters.
	 */
	public String getTitle() {
		String first = this.draft.lines().map(String::strip).filter(line -> !line.isEmpty()).findFirst().orElse("");
		if (first.codePointCount(0, first.length()) <= TITLE_LENGTH) {
			return first;
		}
		return first.substring(0, first.offsetByCodePoints(0, TITLE_LENGTH - 1)) + "…";
	}

	public String getCreatedBy() {
		return this.createdBy;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public String getApprovedBy() {
		return this.approvedBy;
	}

	public Instant getApprovedAt() {
		return this.approvedAt;
	}

	public LocalDate getPublishedOn() {
		return this.publishedOn;
	}

	public boolean isApproved() {
		return this.approvedAt != null;
	}

	/** 第一報, 第二報 (follow-up), 最終報. */
	public enum Kind {

		FIRST, FOLLOW_UP, FINAL

	}

}
