package jp.hikeshi.incident.web;

import org.springframework.context.MessageSourceResolvable;

/**
 * One thing needed before the incident can move on (an unmet guard, or the reason a move was
 * refused) with the place that fixes it: a section or field of the incident page, or the page of
 * another module. The summary at the top of the incident page lists these as links, so a person
 * goes from "what is missing" straight to where it is filled in.
 */
record Needed(MessageSourceResolvable message, String href) {

	static Needed of(MessageSourceResolvable message, String code, long incidentId) {
		return new Needed(message, href(code, incidentId));
	}

	/** Where a guard's code is fixed; the anchors are the ids of incident/page.html. */
	static String href(String code, long incidentId) {
		if (code == null) {
			return "#work";
		}
		if (code.startsWith("duty.")) {
			return "/incidents/" + incidentId + "/reporting";
		}
		return switch (code) {
			case "incident.guard.categoryRequired", "incident.guard.severityRequired" -> "#move-ESCALATE";
			case "incident.guard.responsibleRequired", "incident.team.unknownUser", "incident.team.notResponder" ->
				"#move-FORM_TEAM";
			case "incident.guard.reentryTarget" -> "#more-REENTER";
			case "incident.guard.initialResponseOpen", "incident.guard.pointsOpen" -> "#checklist";
			case "incident.guard.disclosureUndecided" -> "#disclosureStatus";
			case "incident.guard.requiredItemsMissing" -> "#record-items";
			case "incident.guard.recoveryNotConfirmed", "incident.guard.recoveryNotReported" -> "#recovery";
			case "incident.guard.rootCauseMissing", "incident.guard.preventionMissing" ->
				"/incidents/" + incidentId + "/prevention-plan";
			default -> "#work";
		};
	}

}
