package jp.hikeshi.incident;

/**
 * インシデントの分類. An incident may be of more than one (ransomware that also leaked data):
 * the first chosen is its primary category, the one the dashboard counts it under.
 */
public enum Category {

	INFORMATION_LEAK, VIRUS_RANSOMWARE, UNAUTHORISED_ACCESS, SYSTEM_OUTAGE, WEBSITE_DEFACEMENT,
	/** 紛失. */
	LOST_DEVICE,
	/** 盗難: a crime, reported to the police. */
	STOLEN_DEVICE,
	MISSENT_EMAIL,
	/** 不正送金・ビジネスメール詐欺 (BEC). */
	FRAUDULENT_TRANSFER,
	OTHER

}
