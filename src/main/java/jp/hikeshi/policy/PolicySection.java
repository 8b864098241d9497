package jp.hikeshi.policy;

/**
 * The sections of the response policy, in the order of the sample incident-handling rules of
 * IPA's 中小企業の情報セキュリティ対策ガイドライン 付録5: what it covers, who responds, who decides
 * what, whom to call, what is never done, how the company recovers, reports and learns.
 */
public enum PolicySection {

	/** Purpose and scope. */
	PURPOSE,
	/** The response organisation and its roles. */
	ORGANISATION,
	/** What is reported to the executive, and how soon. */
	ESCALATION,
	/** Who may cut the network or isolate a machine. */
	CONTAINMENT,
	/** Who decides to publish. */
	DISCLOSURE,
	/** Who talks to customers, clients and the press. */
	COMMUNICATION,
	/** Whom to call for outside help: vendors, IPA, police, lawyer, insurer. */
	OUTSIDE_HELP,
	/** A ransom is not paid. */
	RANSOM,
	/** Where the backups are kept and who restores them. */
	BACKUPS,
	/** Reports to the authorities. */
	AUTHORITIES,
	/** The review after an incident. */
	REVIEW;

	/** Longest text of one section: a paragraph or two, not a manual. */
	public static final int MAX_TEXT = 2000;

}
