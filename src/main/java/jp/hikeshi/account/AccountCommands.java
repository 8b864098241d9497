package jp.hikeshi.account;

import java.util.Set;

import jp.hikeshi.account.UserAccount.Profile;

/** What the account pages ask the {@link AccountService} to do. */
public final class AccountCommands {

	private AccountCommands() {
	}

	public record CreateAccount(String username, Profile profile, Set<Role> roles, String password) {
	}

	public record UpdateAccount(long id, long version, Profile profile, Set<Role> roles) {
	}

}
