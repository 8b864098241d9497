package jp.hikeshi.incident;

import jp.hikeshi.incident.TimelineEntry.Kind;
import jp.hikeshi.shared.BusinessRuleViolation;

import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The incident changed since the person loaded the page: nothing of theirs was saved, and the
 * message says who changed what and when, so they can look before sending again.
 */
public class IncidentChangedMeanwhile extends BusinessRuleViolation {

	IncidentChangedMeanwhile(String who, Kind what, String when) {
		super("incident.changedMeanwhile", who,
				new DefaultMessageSourceResolvable(new String[] { "TimelineKind." + what.name() }, null, what.name()),
				when);
	}

}
