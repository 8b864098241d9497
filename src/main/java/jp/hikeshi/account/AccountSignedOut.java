package jp.hikeshi.account;

/**
 * Published when an account's open sessions must end: it was disabled, its roles changed or
 * its password was reset or changed.
 * @param username the account's name
 * @param keptSession the id of the one session that stays open (the one that changed its own
 * password), or {@code null} to end them all
 */
public record AccountSignedOut(String username, String keptSession) {

	public AccountSignedOut(String username) {
		this(username, null);
	}

}
