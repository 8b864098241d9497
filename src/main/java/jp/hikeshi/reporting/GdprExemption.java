package jp.hikeshi.reporting;

/**
 * Why the data subjects need not be told one by one (GDPR Art. 34(3)): the data was
 * unintelligible (encrypted), the high risk was removed, or telling each would take
 * disproportionate effort, in which case a public communication replaces it.
 */
public enum GdprExemption {

	NONE, ENCRYPTED, RISK_REMOVED, DISPROPORTIONATE_EFFORT

}
