package jp.hikeshi.prevention.web;

import java.util.Set;

import jakarta.validation.constraints.Size;

import jp.hikeshi.prevention.PreventionPlan;
import jp.hikeshi.prevention.PreventionService;
import jp.hikeshi.prevention.RootCause;
import jp.hikeshi.shared.PlainText;

/**
 * The root cause: the causes chosen from the list and the explanation in one's own words, on
 * the version of the plan the page showed.
 * @param version {@code null} only when the request lacks it; then it counts as stale
 */
public record RootCausesForm(Set<RootCause> causes, @Size(max = 4000) @PlainText(multiline = true) String note,
		Long version) {

	static RootCausesForm of(PreventionPlan plan) {
		return new RootCausesForm(plan.rootCauses(), plan.rootCauseNote(), plan.version());
	}

	PreventionService.RootCauses toCommand() {
		return new PreventionService.RootCauses(this.causes, this.note, (this.version == null) ? -1 : this.version);
	}

}
