package jp.hikeshi.incident.web;

import java.time.LocalDateTime;
import java.time.ZoneId;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.StillHappening;
import jp.hikeshi.shared.PlainText;

import org.springframework.format.annotation.DateTimeFormat;

/** "Report something suspicious": what a member of staff can tell in two minutes. */
public class ReportForm {

	@NotBlank
	@Size(max = 4000)
	@PlainText(multiline = true)
	private String description;

	@Size(max = 200)
	@PlainText
	private String title;

	@NotNull
	@DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
	private LocalDateTime discoveredAt;

	@Size(max = 200)
	@PlainText
	private String affectedSystem;

	@NotNull
	private StillHappening stillHappening = StillHappening.UNKNOWN;

	@Size(max = 100)
	@PlainText
	private String outsideReporterName;

	@Size(max = 200)
	@PlainText
	private String outsideReporterContact;

	Incident.Report toReport(ZoneId zone) {
		return new Incident.Report(this.title, this.description, this.discoveredAt.atZone(zone).toInstant(),
				this.affectedSystem, this.stillHappening, this.outsideReporterName, this.outsideReporterContact);
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

}
