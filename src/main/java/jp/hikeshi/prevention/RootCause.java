package jp.hikeshi.prevention;

/** A short taxonomy of root causes; the incident's free text says the rest. */
public enum RootCause {

	UNPATCHED_SOFTWARE, WEAK_OR_STOLEN_CREDENTIALS, MISCONFIGURATION, PHISHING_OR_SOCIAL_ENGINEERING, HUMAN_ERROR,
	INSIDER, LOST_OR_STOLEN_DEVICE, THIRD_PARTY, EQUIPMENT_FAILURE, UNKNOWN

}
