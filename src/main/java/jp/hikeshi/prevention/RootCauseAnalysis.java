package jp.hikeshi.prevention;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The root cause of an incident (根本原因), the first half of its prevention plan: the causes
 * chosen from the short taxonomy and the explanation in the team's own words. Versioned, so
 * that of two people editing it at once the second is told rather than overwriting.
 */
@Entity
@Table(name = "prevention_plan")
class RootCauseAnalysis {

	@Id
	private Long incidentId;

	@ElementCollection(fetch = FetchType.LAZY)
	@CollectionTable(name = "root_cause", joinColumns = @JoinColumn(name = "incident_id"))
	@Enumerated(EnumType.STRING)
	@Column(name = "cause")
	private Set<RootCause> causes = new HashSet<>();

	@Column(name = "root_cause_note")
	private String note;

	@Version
	private long version;

	protected RootCauseAnalysis() {
	}

	/** The causes and the explanation now; blank is no explanation. */
	void change(Set<RootCause> causes, String note) {
		if (!this.causes.equals(causes)) {
			this.causes.clear();
			this.causes.addAll(causes);
		}
		this.note = note;
	}

	/** Recorded: a cause chosen, or the explanation written (V13 moved the old free text there). */
	boolean isRecorded() {
		return !this.causes.isEmpty() || (this.note != null && !this.note.isBlank());
	}

	Set<RootCause> getCauses() {
		return this.causes.isEmpty() ? EnumSet.noneOf(RootCause.class) : EnumSet.copyOf(this.causes);
	}

	String getNote() {
		return this.note;
	}

	long getVersion() {
		return this.version;
	}

}
