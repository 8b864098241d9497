package jp.hikeshi.incident.web;

import java.time.LocalDateTime;
import java.time.ZoneId;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import jp.hikeshi.incident.DisclosureStatus;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.RequiredItems;
import jp.hikeshi.shared.PlainText;

import org.springframework.format.annotation.DateTimeFormat;

/** The required-items record (インシデント発生時に整理しておくべき事項) and the two dates. */
public class RecordForm {

	@DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
	private LocalDateTime occurredAt;

	@NotNull
	@DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
	private LocalDateTime discoveredAt;

	@Size(max = 1000)
	@PlainText(multiline = true)
	private String clientAndParties;

	@Size(max = 4000)
	@PlainText(multiline = true)
	private String eventsAndDamage;

	@Size(max = 4000)
	@PlainText(multiline = true)
	private String assumedCause;

	@Size(max = 4000)
	@PlainText(multiline = true)
	private String affectedSystemsStatus;

	@Size(max = 4000)
	@PlainText(multiline = true)
	private String systemConfiguration;

	@Size(max = 500)
	@PlainText(multiline = true)
	private String contact;

	@NotNull
	private DisclosureStatus disclosureStatus = DisclosureStatus.UNDECIDED;

	private long version;

	static RecordForm of(Incident incident, ZoneId zone) {
		RecordForm form = new RecordForm();
		RequiredItems record = incident.getRecord();
		form.occurredAt = (incident.getOccurredAt() == null) ? null
				: LocalDateTime.ofInstant(incident.getOccurredAt(), zone);
		form.discoveredAt = LocalDateTime.ofInstant(incident.getDiscoveredAt(), zone);
		form.clientAndParties = record.getClientAndParties();
		form.eventsAndDamage = record.getEventsAndDamage();
		form.assumedCause = record.getAssumedCause();
		form.affectedSystemsStatus = record.getAffectedSystemsStatus();
		form.systemConfiguration = record.getSystemConfiguration();
		form.contact = record.getContact();
		form.disclosureStatus = record.getDisclosureStatus();
		form.version = incident.getVersion();
		return form;
	}

	RequiredItems record() {
		return new RequiredItems(this.clientAndParties, this.eventsAndDamage, this.assumedCause,
				this.affectedSystemsStatus, this.systemConfiguration, this.contact, this.disclosureStatus);
	}

	public LocalDateTime getOccurredAt() {
		return this.occurredAt;
	}

	public void setOccurredAt(LocalDateTime occurredAt) {
		this.occurredAt = occurredAt;
	}

	public LocalDateTime getDiscoveredAt() {
		return this.discoveredAt;
	}

	public void setDiscoveredAt(LocalDateTime discoveredAt) {
		this.discoveredAt = discoveredAt;
	}

	public String getClientAndParties() {
		return this.clientAndParties;
	}

	public void setClientAndParties(String clientAndParties) {
		this.clientAndParties = clientAndParties;
	}

	public String getEventsAndDamage() {
		return this.eventsAndDamage;
	}

	public void setEventsAndDamage(String eventsAndDamage) {
		this.eventsAndDamage = eventsAndDamage;
	}

	public String getAssumedCause() {
		return this.assumedCause;
	}

	public void setAssumedCause(String assumedCause) {
		this.assumedCause = assumedCause;
	}

	public String getAffectedSystemsStatus() {
		return this.affectedSystemsStatus;
	}

	public void setAffectedSystemsStatus(String affectedSystemsStatus) {
		this.affectedSystemsStatus = affectedSystemsStatus;
	}

	public String getSystemConfiguration() {
		return this.systemConfiguration;
	}

	public void setSystemConfiguration(String systemConfiguration) {
		this.systemConfiguration = systemConfiguration;
	}

	public String getContact() {
		return this.contact;
	}

	public void setContact(String contact) {
		this.contact = contact;
	}

	public DisclosureStatus getDisclosureStatus() {
		return this.disclosureStatus;
	}

	public void setDisclosureStatus(DisclosureStatus disclosureStatus) {
		this.disclosureStatus = disclosureStatus;
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
