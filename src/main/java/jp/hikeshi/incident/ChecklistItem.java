package jp.hikeshi.incident;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One point of an incident's checklists: open, done (by, when) or not applicable (why). */
@Entity
@Table(name = "incident_checklist_item")
public class ChecklistItem {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "incident_id")
	private Incident incident;

	@Enumerated(EnumType.STRING)
	@jakarta.persistence.Column(name = "point_group")
	private ChecklistPoint.Group group;

	@Enumerated(EnumType.STRING)
	private ChecklistPoint item;

	private int position;

	@Enumerated(EnumType.STRING)
	private Status status = Status.OPEN;

	private String decidedBy;

	private Instant decidedAt;

	private String reason;

	/** The company's wording: its own point, or its rewording of a built-in one. */
	private String customText;

	protected ChecklistItem() {
	}

	ChecklistItem(Incident incident, ChecklistPoint point, int position) {
		this(incident, point, point.group(), null, position);
	}

	ChecklistItem(Incident incident, ChecklistPoint point, ChecklistPoint.Group group, String customText, int position) {
		this.incident = incident;
		this.item = point;
		this.group = group;
		this.customText = customText;
		this.position = position;
	}

	/** How guards and the timeline name this item: the built-in code, or the company's text. */
	public String name() {
		return (this.item != null) ? this.item.name() : this.customText;
	}

	public String getCustomText() {
		return this.customText;
	}

	void decide(Status status, String by, Instant at, String reason) {
		this.status = status;
		this.decidedBy = (status == Status.OPEN) ? null : by;
		this.decidedAt = (status == Status.OPEN) ? null : at;
		this.reason = (status == Status.NOT_APPLICABLE) ? reason : null;
	}

	public boolean isResolved() {
		return this.status != Status.OPEN;
	}

	public Long getId() {
		return this.id;
	}

	public ChecklistPoint.Group getGroup() {
		return this.group;
	}

	public ChecklistPoint getItem() {
		return this.item;
	}

	public int getPosition() {
		return this.position;
	}

	public Status getStatus() {
		return this.status;
	}

	public String getDecidedBy() {
		return this.decidedBy;
	}

	public Instant getDecidedAt() {
		return this.decidedAt;
	}

	public String getReason() {
		return this.reason;
	}

	/** Where a checklist item stands. */
	public enum Status {

		OPEN, DONE, NOT_APPLICABLE

	}

}
