package jp.hikeshi.api;

import java.time.OffsetDateTime;

import io.swagger.v3.oas.annotations.media.Schema;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.StillHappening;
import jp.hikeshi.shared.Happened;
import jp.hikeshi.shared.PlainText;

/**
 * A report as a tool sends it: what the page's form takes, within the same limits, and where it
 * came from ({@code source}). The time it was noticed is now unless given; whether it is still
 * happening is "not known" unless said.
 */
@Schema(name = "ReportRequest")
record ReportRequest(
		@Schema(description = "What was noticed, in plain words", requiredMode = Schema.RequiredMode.REQUIRED,
				maxLength = Incident.Report.MAX_DESCRIPTION)
		@NotBlank @Size(max = Incident.Report.MAX_DESCRIPTION) @PlainText(multiline = true) String description,
		@Schema(description = "A short title; the first line of the description if absent",
				maxLength = Incident.Report.MAX_TITLE)
		@Size(max = Incident.Report.MAX_TITLE) @PlainText String title,
		@Schema(description = "When it was noticed (発覚), ISO-8601 with an offset; now if absent; never in the future",
				example = "2026-11-30T09:15:00+09:00")
		@Happened OffsetDateTime discoveredAt,
		@Schema(description = "Whether it is still happening; UNKNOWN if absent")
		StillHappening stillHappening,
		@Schema(description = "The system it concerns", maxLength = Incident.Report.MAX_AFFECTED_SYSTEM)
		@Size(max = Incident.Report.MAX_AFFECTED_SYSTEM) @PlainText String affectedSystem,
		@Schema(description = "Someone outside the company who told about it")
		@Valid OutsideReporter outsideReporter,
		@Schema(description = "Where the report comes from, as the tool names itself; shown to the team",
				example = "mail gateway", maxLength = Incident.Report.MAX_SOURCE)
		@Size(max = Incident.Report.MAX_SOURCE) @PlainText String source,
		@Schema(description = "Systems of the register (GET /api/v1/systems) it concerns; each in use")
		@Size(max = 100) java.util.List<Long> systemIds,
		@Schema(description = "The vendor of the register (委託先) that told the company; `discoveredAt` is then when it told")
		Long reportedByVendorId) {

	/** The register's systems named, none if absent. */
	java.util.List<Long> systems() {
		return (this.systemIds == null) ? java.util.List.of()
				: this.systemIds.stream().filter(java.util.Objects::nonNull).toList();
	}

	/** Someone outside the company who told about it, and how to reach them. */
	@Schema(name = "OutsideReporter")
	record OutsideReporter(
			@Size(max = Incident.Report.MAX_OUTSIDE_NAME) @PlainText String name,
			@Size(max = Incident.Report.MAX_OUTSIDE_CONTACT) @PlainText String contact) {
	}

	Incident.Report toReport() {
		return new Incident.Report(this.title, this.description,
				(this.discoveredAt == null) ? null : this.discoveredAt.toInstant(), this.affectedSystem,
				(this.stillHappening == null) ? StillHappening.UNKNOWN : this.stillHappening,
				(this.outsideReporter == null) ? null : this.outsideReporter.name(),
				(this.outsideReporter == null) ? null : this.outsideReporter.contact(), this.source);
	}

}
