package jp.hikeshi.investigation;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import jp.hikeshi.investigation.Investigation.Remediation;
import jp.hikeshi.shared.BusinessRuleViolation;

import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * A repair (修復) of an incident: recorded with its owner, in progress until it is marked done,
 * once. It guards that one transition itself and announces it; its version makes two people
 * marking it done at the same moment end in one completion.
 */
@Entity
@Table(name = "remediation_action")
class RemediationAction extends AbstractAggregateRoot<RemediationAction> {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	/** The incident, by its id: it is another module's aggregate. */
	private long incidentId;

	@Enumerated(EnumType.STRING)
	private Remediation.Kind kind;

	private String description;

	private String owner;

	private LocalDate doneOn;

	private String createdBy;

	private Instant createdAt;

	@Version
	private long version;

	protected RemediationAction() {
	}

	RemediationAction(long incidentId, Remediation.Kind kind, String description, String owner, LocalDate doneOn,
			String createdBy, Instant createdAt) {
		this.incidentId = incidentId;
		this.kind = kind;
		this.description = description;
		this.owner = owner;
		this.doneOn = doneOn;
		this.createdBy = createdBy;
		this.createdAt = createdAt;
	}

	/**
	 * The repair was finished {@code on} that day, says {@code by}; refused if it is done already.
	 * The event goes out when the repair is saved.
	 */
	void complete(String by, LocalDate on) {
		if (this.doneOn != null) {
			// a java.util.Date, so that the message formats the day in the reader's language ({0,date,long})
			throw new BusinessRuleViolation("remediation.alreadyDone", java.sql.Date.valueOf(this.doneOn));
		}
		this.doneOn = on;
		registerEvent(new InvestigationEvents.RemediationCompleted(this.incidentId, by, this.id, this.kind,
				this.description, on));
	}

	Remediation view() {
		return new Remediation(this.id, this.kind, this.description, this.owner, this.doneOn);
	}

	Long getId() {
		return this.id;
	}

	boolean isDone() {
		return this.doneOn != null;
	}

}
