package jp.hikeshi.audit;

/** What an administrative audit entry records. */
public enum AuditAction {

	SETUP_COMPLETED, ORGANISATION_UPDATED, ACCOUNT_CREATED, ACCOUNT_UPDATED, ACCOUNT_DISABLED, ACCOUNT_ENABLED,
	PASSWORD_RESET, PASSWORD_CHANGED, DEMO_SEEDED

}
