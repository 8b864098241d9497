package jp.hikeshi.reporting;

/** GDPR's assessment of a breach: Art. 33 needs a risk, Art. 34 a high risk to the people. */
public enum GdprRisk {

	UNASSESSED, UNLIKELY, RISK, HIGH_RISK

}
