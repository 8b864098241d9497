package jp.hikeshi.incident;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * The free-text parts of the required-items record (インシデント発生時に整理しておくべき事項,
 * DOMAIN.md §3); the other items live on the incident itself (category, dates, team, timeline).
 */
@Embeddable
public class RequiredItems {

	/** 事業者: where the incident concerns work done for a client, the client and other parties. */
	private String clientAndParties;

	/** 発生事象: what is visible — the events, the damage, the impact. */
	private String eventsAndDamage;

	/** 想定される原因: the direct cause as presently assumed. */
	private String assumedCause;

	/** 被害を受けたシステムの状況. */
	private String affectedSystemsStatus;

	/** システム構成・運用状況: location, OS, applications and versions; how they are run. */
	private String systemConfiguration;

	/** 連絡先: who to contact about this incident. */
	private String contact;

	/** 事案の公表. */
	@Enumerated(EnumType.STRING)
	private DisclosureStatus disclosureStatus = DisclosureStatus.UNDECIDED;

	protected RequiredItems() {
	}

	public RequiredItems(String clientAndParties, String eventsAndDamage, String assumedCause,
			String affectedSystemsStatus, String systemConfiguration, String contact, DisclosureStatus disclosureStatus) {
		this.clientAndParties = clientAndParties;
		this.eventsAndDamage = eventsAndDamage;
		this.assumedCause = assumedCause;
		this.affectedSystemsStatus = affectedSystemsStatus;
		this.systemConfiguration = systemConfiguration;
		this.contact = contact;
		this.disclosureStatus = (disclosureStatus == null) ? DisclosureStatus.UNDECIDED : disclosureStatus;
	}

	static RequiredItems empty() {
		return new RequiredItems();
	}

	public String getClientAndParties() {
		return this.clientAndParties;
	}

	public String getEventsAndDamage() {
		return this.eventsAndDamage;
	}

	public String getAssumedCause() {
		return this.assumedCause;
	}

	public String getAffectedSystemsStatus() {
		return this.affectedSystemsStatus;
	}

	public String getSystemConfiguration() {
		return this.systemConfiguration;
	}

	public String getContact() {
		return this.contact;
	}

	public DisclosureStatus getDisclosureStatus() {
		return this.disclosureStatus;
	}

}
