package jp.hikeshi.prevention;

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

import jp.hikeshi.shared.BusinessRuleViolation;

/**
 * A prevention measure (再発防止策) as it is kept: what, who does it, by when, and once it is
 * done, when and by whom. Done is the one change it knows, and it happens once; the version
 * makes sure a change made meanwhile is never silently overwritten.
 */
@Entity
@Table(name = "prevention_measure")
class PreventionMeasure {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long incidentId;

	@Enumerated(EnumType.STRING)
	private Measure.Kind kind;

	private String description;

	private String owner;

	private LocalDate dueOn;

	private LocalDate doneOn;

	private String doneBy;

	private String createdBy;

	private Instant createdAt;

	@Version
	private long version;

	protected PreventionMeasure() {
	}

	PreventionMeasure(long incidentId, Measure.Kind kind, String description, String owner, LocalDate dueOn,
			String createdBy, Instant createdAt) {
		this.incidentId = incidentId;
		this.kind = kind;
		this.description = description;
		this.owner = owner;
		this.dueOn = dueOn;
		this.createdBy = createdBy;
		this.createdAt = createdAt;
	}

	/** Done, on that day, by that person; a measure is done once. */
	void complete(String by, LocalDate on) {
		if (isDone()) {
			throw new BusinessRuleViolation("measure.alreadyDone");
		}
		this.doneOn = on;
		this.doneBy = by;
	}

	boolean isDone() {
		return this.doneOn != null;
	}

	/** What the pages and the other modules read, with the reference of its incident. */
	Measure view(String incidentReference) {
		return new Measure(this.id, this.incidentId, incidentReference, this.kind, this.description, this.owner,
				this.dueOn, this.doneOn, this.doneBy);
	}

	Long getId() {
		return this.id;
	}

	long getIncidentId() {
		return this.incidentId;
	}

	Measure.Kind getKind() {
		return this.kind;
	}

	String getDescription() {
		return this.description;
	}

	String getOwner() {
		return this.owner;
	}

	LocalDate getDueOn() {
		return this.dueOn;
	}

	LocalDate getDoneOn() {
		return this.doneOn;
	}

	String getDoneBy() {
		return this.doneBy;
	}

	long getVersion() {
		return this.version;
	}

}
