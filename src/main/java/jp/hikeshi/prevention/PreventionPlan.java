package jp.hikeshi.prevention;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * An incident's prevention plan (根本原因と再発防止の計画), the one place that holds its root cause
 * and its prevention measures: the causes chosen, the explanation, and every measure, planned or
 * done. The closing guard, the incident report and the texts filed with the authorities read it.
 * @param rootCauses the causes chosen, in the taxonomy's order
 * @param version the version of the root cause as saved (0 before the first save)
 */
public record PreventionPlan(long incidentId, Set<RootCause> rootCauses, String rootCauseNote, long version,
		List<Measure> measures) {

	public PreventionPlan {
		rootCauses = rootCauses.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(rootCauses));
		measures = List.copyOf(measures);
	}

	/** A cause chosen or the explanation written. */
	public boolean rootCauseRecorded() {
		return !this.rootCauses.isEmpty() || (this.rootCauseNote != null && !this.rootCauseNote.isBlank());
	}

	/** The measures already done (実施済み). */
	public List<Measure> done() {
		return this.measures.stream().filter(Measure::isDone).toList();
	}

	/** The measures still to do (予定), soonest due first. */
	public List<Measure> planned() {
		return this.measures.stream().filter(measure -> !measure.isDone()).toList();
	}

}
