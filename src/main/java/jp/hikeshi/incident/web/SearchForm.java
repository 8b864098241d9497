package jp.hikeshi.incident.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import jp.hikeshi.incident.Category;
import jp.hikeshi.incident.IncidentSearch;
import jp.hikeshi.incident.IncidentState;
import jp.hikeshi.incident.Severity;
import jp.hikeshi.shared.PlainText;
import jp.hikeshi.shared.PlausibleDate;

/** The incident list's filters, from the query string. */
public class SearchForm {

	private IncidentState state;

	private IncidentState.Step step;

	private Category category;

	private Severity severity;

	@Size(max = 64)
	@PlainText
	private String assignee;

	@Size(max = 200)
	@PlainText
	private String text;

	@Min(0)
	@Max(100_000)
	private int page;

	@org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
	@PlausibleDate
	private java.time.LocalDate from;

	@org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
	@PlausibleDate
	private java.time.LocalDate to;

	/** {@code include}: drills (訓練) too; anything else leaves them out. */
	@Size(max = 20)
	private String drills;

	public String getDrills() {
		return this.drills;
	}

	public void setDrills(String drills) {
		this.drills = drills;
	}

	/** @param zone the organisation's zone, in which the dates are days */
	IncidentSearch toSearch(java.time.ZoneId zone) {
		IncidentSearch search = new IncidentSearch(this.state, this.step, this.category, this.severity, this.assignee, this.text,
				(this.from == null) ? null : this.from.atStartOfDay(zone).toInstant(),
				(this.to == null) ? null : this.to.plusDays(1).atStartOfDay(zone).toInstant());
		return "include".equals(this.drills) ? search.includingDrills() : search;
	}

	public java.time.LocalDate getFrom() {
		return this.from;
	}

	public void setFrom(java.time.LocalDate from) {
		this.from = from;
	}

	public java.time.LocalDate getTo() {
		return this.to;
	}

	public void setTo(java.time.LocalDate to) {
		this.to = to;
	}

	public IncidentState getState() {
		return this.state;
	}

	public void setState(IncidentState state) {
		this.state = state;
	}

	public IncidentState.Step getStep() {
		return this.step;
	}

	public void setStep(IncidentState.Step step) {
		this.step = step;
	}

	public Category getCategory() {
		return this.category;
	}

	public void setCategory(Category category) {
		this.category = category;
	}

	public Severity getSeverity() {
		return this.severity;
	}

	public void setSeverity(Severity severity) {
		this.severity = severity;
	}

	public String getAssignee() {
		return this.assignee;
	}

	public void setAssignee(String assignee) {
		this.assignee = assignee;
	}

	public String getText() {
		return this.text;
	}

	public void setText(String text) {
		this.text = text;
	}

	public int getPage() {
		return this.page;
	}

	public void setPage(int page) {
		this.page = page;
	}

}
