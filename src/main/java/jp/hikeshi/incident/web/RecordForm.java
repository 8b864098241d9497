package jp.hikeshi.incident.web;

import java.time.LocalDateTime;
import java.time.ZoneId;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import jp.hikeshi.incident.DisclosureStatus;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.RequiredItems;
import jp.hikeshi.shared.Happened;
import jp.hikeshi.shared.PlainText;

import org.springframework.format.annotation.DateTimeFormat;

/** The required-items record (インシデント発生時に整理しておくべき事項) and the two dates. */
record RecordForm(@Happened @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm") LocalDateTime occurredAt,
		@NotNull @Happened @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm") LocalDateTime discoveredAt,
		@Size(max = 1000) @PlainText(multiline = true) String clientAndParties,
		@Size(max = 4000) @PlainText(multiline = true) String eventsAndDamage,
		@Size(max = 4000) @PlainText(multiline = true) String assumedCause,
		@Size(max = 4000) @PlainText(multiline = true) String affectedSystemsStatus,
		@Size(max = 4000) @PlainText(multiline = true) String systemConfiguration,
		@Size(max = 500) @PlainText(multiline = true) String contact, @NotNull DisclosureStatus disclosureStatus,
		@Size(max = 1000) @PlainText(multiline = true) String discoveredLateReason, long version) {

	static RecordForm of(Incident incident, ZoneId zone) {
		RequiredItems record = incident.getRecord();
		return new RecordForm(
				(incident.getOccurredAt() == null) ? null : LocalDateTime.ofInstant(incident.getOccurredAt(), zone),
				LocalDateTime.ofInstant(incident.getDiscoveredAt(), zone), record.getClientAndParties(),
				record.getEventsAndDamage(), record.getAssumedCause(), record.getAffectedSystemsStatus(),
				record.getSystemConfiguration(),
				record.getContact(), record.getDisclosureStatus(), null, incident.getVersion());
	}

	RequiredItems record() {
		return new RequiredItems(this.clientAndParties, this.eventsAndDamage, this.assumedCause,
				this.affectedSystemsStatus, this.systemConfiguration, this.contact, this.disclosureStatus);
	}

}
