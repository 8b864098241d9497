package jp.hikeshi.prevention;

import java.util.ArrayList;
import java.util.List;

import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.Transition;
import jp.hikeshi.incident.TransitionGuard;
import jp.hikeshi.incident.Unmet;

import org.springframework.stereotype.Component;

/**
 * The closing needs the prevention plan: a root cause (a cause chosen or explained) and at
 * least one prevention measure, planned or done. The executive's approval and the closing
 * itself both ask.
 */
@Component
class PreventionGuard implements TransitionGuard {

	private final RootCauseAnalysisRepository analyses;

	private final PreventionMeasureRepository measures;

	PreventionGuard(RootCauseAnalysisRepository analyses, PreventionMeasureRepository measures) {
		this.analyses = analyses;
		this.measures = measures;
	}

	@Override
	public List<Unmet> unmet(Incident incident, Transition transition) {
		if (transition != Transition.APPROVE_CLOSING && transition != Transition.CLOSE) {
			return List.of();
		}
		List<Unmet> unmet = new ArrayList<>();
		if (!this.analyses.findById(incident.getId()).map(RootCauseAnalysis::isRecorded).orElse(false)) {
			unmet.add(new Unmet("incident.guard.rootCauseMissing"));
		}
		if (!this.measures.existsByIncidentId(incident.getId())) {
			unmet.add(new Unmet("incident.guard.preventionMissing"));
		}
		return unmet;
	}

}
