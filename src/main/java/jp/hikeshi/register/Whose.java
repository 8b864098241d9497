package jp.hikeshi.register;

/**
 * Whose personal data a system holds: the company's customers, its employees, or a client's
 * (委託元), processed for it — the same answers as step 2's data sets.
 */
public enum Whose {

	CUSTOMERS, EMPLOYEES, CLIENT, OTHER

}
