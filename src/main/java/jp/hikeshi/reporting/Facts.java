package jp.hikeshi.reporting;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import jp.hikeshi.shared.BusinessRuleViolation;

/**
 * What the security lead has found out about the incident as a whole that decides which
 * reports are owed (DOMAIN.md §4); what leaked is recorded per {@link DataSet}. Each answer
 * may still be uncertain: a leak may be feared rather than known, and a risk not yet assessed.
 * Contradictions are refused by {@link #requireConsistent()}, each on the answer to correct.
 */
@Embeddable
public record Facts(
		@Enumerated(EnumType.STRING) LeakStatus leak,
		/** Why a feared leak was ruled out: required, since it lifts every personal-data duty. */
		String leakRuledOutReason,
		/** 不正の目的のおそれ: unauthorised access, insider theft, skimming, a tampered form. */
		boolean improperPurpose,
		/** Why a possible improper purpose or a suspected crime that the incident's category suggests was ruled out. */
		String improperPurposeReason,
		boolean virusOrUnauthorisedAccess,
		boolean crimeSuspected,
		/** The company, as a contractor (委託先), has told its client (委託元) what it knows. */
		boolean clientInformed,
		/** 通信の秘密の漏えい: a telecommunications carrier's breach of the secrecy of communications. */
		boolean telecomSecrecy,
		/** GDPR Art. 3(1): the company has an establishment in the EU. */
		boolean gdprEstablishment,
		/** GDPR Art. 3(2)(a): it offers goods or services to people in the EU. */
		boolean gdprOffering,
		/** GDPR Art. 3(2)(b): it monitors the behaviour of people in the EU. */
		boolean gdprMonitoring,
		/** Data of people in the EU is among what leaked or may have. */
		@Column(name = "eu_residents") boolean euDataSubjects,
		/** The member states whose residents are affected: each one's authority is told without an EU establishment. */
		String gdprMemberStates,
		@Enumerated(EnumType.STRING) GdprRisk gdprRisk,
		@Enumerated(EnumType.STRING) GdprExemption gdprExemption,
		/** 原因: asked for by the PPC report (規則8条1項4号) and the notice to the people (規則10条). */
		String cause,
		@Enumerated(EnumType.STRING) CausedBy causedBy) {

	/** The PPC's threshold: more than this many people makes a leak reportable (規則7条4号). */
	public static final int PPC_PEOPLE_THRESHOLD = 1_000;

	/** 番号法's threshold: more than this many people (番号法施行規則2条). */
	public static final int MY_NUMBER_PEOPLE_THRESHOLD = 100;

	/** A count beyond which a company this size has surely mistyped. */
	public static final int MAX_PEOPLE = 100_000_000;

	public static final int MAX_REASON = 1000;

	public Facts {
		leak = (leak == null) ? LeakStatus.UNASSESSED : leak;
		gdprRisk = (gdprRisk == null) ? GdprRisk.UNASSESSED : gdprRisk;
		gdprExemption = (gdprExemption == null) ? GdprExemption.NONE : gdprExemption;
		causedBy = (causedBy == null) ? CausedBy.UNKNOWN : causedBy;
		leakRuledOutReason = blankToNull(leakRuledOutReason);
		improperPurposeReason = blankToNull(improperPurposeReason);
		gdprMemberStates = blankToNull(gdprMemberStates);
		cause = blankToNull(cause);
	}

	public static Facts unknown() {
		return new Facts(null, null, false, null, false, false, false, false, false, false, false, false, null, null,
				null, null, null);
	}

	/**
	 * What a category already tells: ransomware, unauthorised access, tampering and theft start
	 * with a possible improper purpose and a suspected crime, which the lead may change with a reason.
	 */
	public static Facts suggestedBy(boolean improperPurpose, boolean virusOrUnauthorisedAccess) {
		return unknown().withSuggestions(improperPurpose, virusOrUnauthorisedAccess);
	}

	/**
	 * These facts with what the incident's categories suggest ticked: a possible improper purpose
	 * and a suspected crime unless the lead ruled them out with a reason; virus or unauthorised access.
	 */
	Facts withSuggestions(boolean suggestsImproperPurpose, boolean suggestsVirusOrAccess) {
		boolean keep = this.improperPurposeReason != null;
		return new Facts(this.leak, this.leakRuledOutReason,
				this.improperPurpose || (suggestsImproperPurpose && !keep), this.improperPurposeReason,
				this.virusOrUnauthorisedAccess || suggestsVirusOrAccess,
				this.crimeSuspected || (suggestsImproperPurpose && !keep), this.clientInformed, this.telecomSecrecy,
				this.gdprEstablishment, this.gdprOffering, this.gdprMonitoring, this.euDataSubjects,
				this.gdprMemberStates, this.gdprRisk, this.gdprExemption, this.cause, this.causedBy);
	}

	/** These facts once the company, as a contractor, has told its client (規則9条). */
	Facts withClientInformed() {
		return new Facts(this.leak, this.leakRuledOutReason, this.improperPurpose, this.improperPurposeReason,
				this.virusOrUnauthorisedAccess, this.crimeSuspected, true, this.telecomSecrecy, this.gdprEstablishment,
				this.gdprOffering, this.gdprMonitoring, this.euDataSubjects, this.gdprMemberStates, this.gdprRisk,
				this.gdprExemption, this.cause, this.causedBy);
	}

	/** Refuses facts that contradict each other, naming the answer to correct. */
	void requireConsistent(boolean categorySuggestsImproperPurpose) {
		if (this.leak == LeakStatus.RULED_OUT && this.leakRuledOutReason == null) {
			throw BusinessRuleViolation.onField("leakRuledOutReason", "facts.ruledOutReasonRequired");
		}
		if (categorySuggestsImproperPurpose && (!this.improperPurpose || !this.crimeSuspected)
				&& this.improperPurposeReason == null) {
			throw BusinessRuleViolation.onField("improperPurposeReason", "facts.improperPurposeReasonRequired");
		}
		if (gdprApplies() && this.gdprMemberStates == null) {
			throw BusinessRuleViolation.onField("gdprMemberStates", "facts.gdprMemberStatesRequired");
		}
	}

	/**
	 * GDPR Art. 3: an EU establishment, or people in the EU whom the company offers goods or
	 * services to or monitors, and whose data is affected.
	 */
	public boolean gdprApplies() {
		return this.gdprEstablishment || (this.euDataSubjects && (this.gdprOffering || this.gdprMonitoring));
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
