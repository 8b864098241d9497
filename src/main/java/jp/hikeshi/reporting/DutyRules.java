package jp.hikeshi.reporting;

import java.util.ArrayList;
import java.util.List;

/**
 * Which reports the facts oblige the company to make, each with its reasons in plain words
 * (message codes). The whole of DOMAIN.md §4 in one place; {@code DutyRulesTest} holds a row
 * per rule and its boundaries.
 */
public final class DutyRules {

	private DutyRules() {
	}

	/** A duty that applies, and why. */
	public record Applicable(DutyType type, List<String> reasons) {
	}

	/**
	 * @param supervisingMinistry the ministry set in the organisation's settings, or {@code null}
	 */
	public static List<Applicable> evaluate(Facts facts, String supervisingMinistry) {
		List<Applicable> duties = new ArrayList<>();
		List<String> ppc = ppcReasons(facts);
		if (!ppc.isEmpty()) {
			duties.add(new Applicable(DutyType.PPC_PRELIMINARY, ppc));
			List<String> finalReasons = new ArrayList<>(ppc);
			finalReasons.add(facts.improperPurpose() ? "duty.reason.final60" : "duty.reason.final30");
			duties.add(new Applicable(DutyType.PPC_FINAL, finalReasons));
			duties.add(new Applicable(DutyType.PERSON_NOTICE, List.of("duty.reason.personNotice")));
		}
		if (facts.virusOrUnauthorisedAccess()) {
			duties.add(new Applicable(DutyType.IPA, List.of("duty.reason.virusOrAccess")));
		}
		List<String> police = new ArrayList<>();
		if (facts.crimeSuspected()) {
			police.add("duty.reason.crime");
		}
		if (facts.personalDataInvolved() && facts.improperPurpose()) {
			police.add("duty.reason.leakByCrime");
		}
		if (!police.isEmpty()) {
			duties.add(new Applicable(DutyType.POLICE, police));
		}
		if (supervisingMinistry != null && !supervisingMinistry.isBlank()) {
			duties.add(new Applicable(DutyType.MINISTRY, List.of("duty.reason.ministry")));
		}
		if (facts.workForClient()) {
			duties.add(new Applicable(DutyType.CLIENT, List.of("duty.reason.client")));
		}
		if (facts.personalDataInvolved() && facts.euResidents()) {
			duties.add(new Applicable(DutyType.EU_AUTHORITY, List.of("duty.reason.eu")));
		}
		return duties;
	}

	/** APPI art. 26 and rules art. 7: personal data AND a trigger, unless encrypted or left to the client. */
	private static List<String> ppcReasons(Facts facts) {
		if (!facts.personalDataInvolved() || facts.stronglyEncrypted()
				|| (facts.workForClient() && facts.clientInformed())) {
			return List.of();
		}
		List<String> reasons = new ArrayList<>();
		if (facts.sensitiveData()) {
			reasons.add("duty.reason.sensitive");
		}
		if (facts.financialData()) {
			reasons.add("duty.reason.financial");
		}
		if (facts.improperPurpose()) {
			reasons.add("duty.reason.improperPurpose");
		}
		if (facts.overPeopleThreshold()) {
			reasons.add("duty.reason.overThousand");
		}
		return reasons;
	}

}
