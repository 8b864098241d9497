package jp.hikeshi.incident.web;

import java.time.LocalDateTime;
import java.time.ZoneId;

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
 */
public record ReportForm(
		@NotBlank @Size(max = Incident.Report.MAX_DESCRIPTION) @PlainText(multiline = true) String description,
		@Size(max = Incident.Report.MAX_TITLE) @PlainText String title,
		@NotNull @Happened @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm") LocalDateTime discoveredAt,
		@Size(max = Incident.Report.MAX_AFFECTED_SYSTEM) @PlainText String affectedSystem,
		StillHappening stillHappening,
		@Size(max = Incident.Report.MAX_OUTSIDE_NAME) @PlainText String outsideReporterName,
		@Size(max = Incident.Report.MAX_OUTSIDE_CONTACT) @PlainText String outsideReporterContact,
		/** A system of the register; {@code null}: other, or not known. */
		Long systemId,
		/** The vendor (委託先) that told the company; {@code null}: none did. */
		Long reportedByVendorId) {

	/** An empty report, noticed now. */
	static ReportForm noticedAt(LocalDateTime now) {
		return new ReportForm(null, null, now, null, StillHappening.UNKNOWN, null, null, null, null);
	}

	java.util.List<Long> systemIds() {
		return (this.systemId == null) ? java.util.List.of() : java.util.List.of(this.systemId);
	}

	Incident.Report toCommand(ZoneId zone) {
		return new Incident.Report(this.title, this.description, this.discoveredAt.atZone(zone).toInstant(),
				this.affectedSystem, (this.stillHappening != null) ? this.stillHappening : StillHappening.UNKNOWN,
				this.outsideReporterName, this.outsideReporterContact);
	}

}
