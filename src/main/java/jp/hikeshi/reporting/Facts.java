package jp.hikeshi.reporting;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import jp.hikeshi.shared.BusinessRuleViolation;

/**
 * What the security lead has found out that decides which reports are owed (DOMAIN.md §4).
 * Contradictions (personal data "no" with a count of people) are refused by {@link #requireConsistent()}, each
 * on the answer to correct.
 */
@Embeddable
public record Facts(
		@Enumerated(EnumType.STRING) Answer personalData,
		/** How many people's data; {@code null} while not known. */
		Integer peopleCount,
		/** 要配慮個人情報: health, criminal record, creed and the like. */
		boolean sensitiveData,
		/** Data whose misuse can cause financial harm: card numbers, banking credentials. */
		boolean financialData,
		/** 高度な暗号化: the data was strongly encrypted and the key did not leak. */
		boolean stronglyEncrypted,
		/** 不正の目的: unauthorised access, insider theft, skimming. */
		boolean improperPurpose,
		boolean virusOrUnauthorisedAccess,
		boolean crimeSuspected,
		/** The incident concerns work done for a client (委託元). */
		boolean workForClient,
		/** The contractor has told its client, which frees it from its own PPC report. */
		boolean clientInformed,
		boolean euResidents) {

	/** The PPC's threshold: more than this many people makes a leak reportable. */
	public static final int PPC_PEOPLE_THRESHOLD = 1_000;

	/** A count beyond which a company this size has surely mistyped. */
	public static final int MAX_PEOPLE = 100_000_000;

	public Facts {
		personalData = (personalData == null) ? Answer.UNKNOWN : personalData;
	}

	public static Facts unknown() {
		return new Facts(Answer.UNKNOWN, null, false, false, false, false, false, false, false, false, false);
	}

	/** The message code of the first contradiction, or {@code null} when the facts hold together. */
	public String check() {
		BusinessRuleViolation contradiction = contradiction();
		return (contradiction == null) ? null : contradiction.code();
	}

	/** Refuses facts that contradict each other, naming the answer to correct. */
	void requireConsistent() {
		BusinessRuleViolation contradiction = contradiction();
		if (contradiction != null) {
			throw contradiction;
		}
	}

	private BusinessRuleViolation contradiction() {
		if (this.peopleCount != null && (this.peopleCount < 0 || this.peopleCount > MAX_PEOPLE)) {
			return BusinessRuleViolation.onField("peopleCount", "facts.peopleCountAbsurd", 0, MAX_PEOPLE);
		}
		if (this.personalData == Answer.NO && this.peopleCount != null && this.peopleCount > 0) {
			return BusinessRuleViolation.onField("peopleCount", "facts.countWithoutPersonalData");
		}
		if (this.personalData == Answer.NO && (this.sensitiveData || this.financialData || this.euResidents)) {
			return BusinessRuleViolation.onField("personalData", "facts.kindsWithoutPersonalData");
		}
		if (this.clientInformed && !this.workForClient) {
			return BusinessRuleViolation.onField("clientInformed", "facts.clientInformedWithoutClient");
		}
		return null;
	}

	public boolean personalDataInvolved() {
		return this.personalData == Answer.YES;
	}

	public boolean overPeopleThreshold() {
		return this.peopleCount != null && this.peopleCount > PPC_PEOPLE_THRESHOLD;
	}

}
