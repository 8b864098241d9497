package jp.hikeshi.account;

import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsChecker;

/**
 * Once the administrator switched passwords off, a right password is still refused, except for
 * the break-glass administrators: the check runs after the password was compared, so the answer
 * for a wrong one stays the same as ever.
 */
public class PasswordsSwitchedOff implements UserDetailsChecker {

	private final SignInProviders providers;

	public PasswordsSwitchedOff(SignInProviders providers) {
		this.providers = providers;
	}

	@Override
	public void check(UserDetails user) {
		if (!this.providers.mayUsePassword(user.getUsername())) {
			throw new Refused();
		}
	}

	/** A right password while passwords are switched off. */
	public static class Refused extends AccountStatusException {

		Refused() {
			super("Passwords are switched off");
		}

	}

}
