package jp.hikeshi.reporting;

import java.util.List;

import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.Transition;
import jp.hikeshi.incident.TransitionGuard;
import jp.hikeshi.incident.Unmet;

import org.springframework.stereotype.Component;

/**
 * Leaving step 2 needs every report owed decided (filed, waived with a reason, or a final
 * report marked not yet due); closing needs every one filed or waived.
 */
@Component
class ReportingGuards implements TransitionGuard {

	private final ReportingCaseRepository cases;

	ReportingGuards(ReportingCaseRepository cases) {
		this.cases = cases;
	}

	@Override
	public List<Unmet> unmet(Incident incident, Transition transition) {
		if (transition != Transition.START_RECOVERY && transition != Transition.CLOSE) {
			return List.of();
		}
		return this.cases.findByIncidentId(incident.getId()).map(reportingCase -> {
			List<Duty> open = (transition == Transition.START_RECOVERY) ? reportingCase.undecided()
					: reportingCase.unsettled();
			if (open.isEmpty()) {
				return List.<Unmet>of();
			}
			String code = (transition == Transition.START_RECOVERY) ? "duty.guard.undecided" : "duty.guard.unsettled";
			return List.of(new Unmet(code, open.size(), open.stream().map(d -> d.getType().name()).toList()));
		}).orElse(List.of());
	}

}
