package jp.hikeshi.account;

/**
 * The roles of DOMAIN.md §1. A person may hold several: in a 20-person company the security
 * lead is often also an executive.
 */
public enum Role {

	/** 従業員: any member of staff; reports what they noticed and follows their own reports. */
	REPORTER,
	/** 情報セキュリティ責任者: triages reports, escalates and runs the response. */
	SECURITY_LEAD,
	/** 担当者: works the incidents assigned to them. */
	RESPONDER,
	/** 経営者: forms the response team, approves disclosure and closing. */
	EXECUTIVE,
	/** 管理者: users, roles and the organisation's settings. */
	ADMIN;

	/** The authority Spring Security checks, {@code ROLE_} and the name. */
	public String authority() {
		return "ROLE_" + name();
	}

}
