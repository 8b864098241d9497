package jp.hikeshi.incident.web;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.StillHappening;
import jp.hikeshi.shared.Happened;
import jp.hikeshi.shared.PlainText;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * "Report something suspicious": what a member of staff can tell in two minutes. Whether it is
 * still happening is "not known" unless they say.
 * <p>
 * A bean with setters where the other forms are records: Spring builds a record through its
 * constructor and reads the constructor's parameter annotations again on every request (the JDK
 * parses them anew each time they are asked for), and this is the form every report is posted
 * through. Bound by setters, a report costs a fifth less of the application's CPU
 * (bench/README.md, "Intake").
 */
public class ReportForm {

	@NotBlank
	@Size(max = Incident.Report.MAX_DESCRIPTION)
	@PlainText(multiline = true)
	private String description;

	@Size(max = Incident.Report.MAX_TITLE)
	@PlainText
	private String title;

	@NotNull
	@Happened
	@DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
	private LocalDateTime discoveredAt;

	@Size(max = Incident.Report.MAX_AFFECTED_SYSTEM)
	@PlainText
	private String affectedSystem;

	private StillHappening stillHappening;

	@Size(max = Incident.Report.MAX_OUTSIDE_NAME)
	@PlainText
	private String outsideReporterName;

	@Size(max = Incident.Report.MAX_OUTSIDE_CONTACT)
	@PlainText
	private String outsideReporterContact;

	/** A system of the register; {@code null}: other, or not known. */
	private Long systemId;

	/** The vendor (委託先) that told the company; {@code null}: none did. */
	private Long reportedByVendorId;

	/** An empty report, noticed now. */
	static ReportForm noticedAt(LocalDateTime now) {
		ReportForm form = new ReportForm();
		form.discoveredAt = now;
		form.stillHappening = StillHappening.UNKNOWN;
		return form;
	}

	List<Long> systemIds() {
		return (this.systemId == null) ? List.of() : List.of(this.systemId);
	}

	Incident.Report toCommand(ZoneId zone) {
		return new Incident.Report(this.title, this.description, this.discoveredAt.atZone(zone).toInstant(),
				this.affectedSystem, (this.stillHappening != null) ? this.stillHappening : StillHappening.UNKNOWN,
				this.outsideReporterName, this.outsideReporterContact);
	}

	public String getDescription() {
		return this.description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public LocalDateTime getDiscoveredAt() {
		return this.discoveredAt;
	}

	public void setDiscoveredAt(LocalDateTime discoveredAt) {
		this.discoveredAt = discoveredAt;
	}

	public String getAffectedSystem() {
		return this.affectedSystem;
	}

	public void setAffectedSystem(String affectedSystem) {
		this.affectedSystem = affectedSystem;
	}

	public StillHappening getStillHappening() {
		return this.stillHappening;
	}

	public void setStillHappening(StillHappening stillHappening) {
		this.stillHappening = stillHappening;
	}

	public String getOutsideReporterName() {
		return this.outsideReporterName;
	}

	public void setOutsideReporterName(String outsideReporterName) {
		this.outsideReporterName = outsideReporterName;
	}

	public String getOutsideReporterContact() {
		return this.outsideReporterContact;
	}

	public void setOutsideReporterContact(String outsideReporterContact) {
		this.outsideReporterContact = outsideReporterContact;
	}

	public Long getSystemId() {
		return this.systemId;
	}

	public void setSystemId(Long systemId) {
		this.systemId = systemId;
	}

	public Long getReportedByVendorId() {
		return this.reportedByVendorId;
	}

	public void setReportedByVendorId(Long reportedByVendorId) {
		this.reportedByVendorId = reportedByVendorId;
	}

}
