package jp.hikeshi.account;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The principal of a session: the account's name, display name and roles at sign-in. */
public class SignedInUser extends User {

	private final String displayName;

	private final boolean passwordChangeRequired;

	SignedInUser(UserAccount account, Collection<? extends GrantedAuthority> authorities) {
		super(account.getUsername(), account.getPasswordHash(), account.isEnabled(), true, true, true, authorities);
		this.displayName = account.getDisplayName();
		this.passwordChangeRequired = account.isPasswordChangeRequired();
	}

	public String getDisplayName() {
		return this.displayName;
	}

	public boolean isPasswordChangeRequired() {
		return this.passwordChangeRequired;
	}

	public boolean hasRole(Role role) {
		return getAuthorities().stream().anyMatch(authority -> role.authority().equals(authority.getAuthority()));
	}

	// equals and hashCode stay User's (by user name): the session registry relies on them.
	@Override
	public boolean equals(Object other) {
		return super.equals(other);
	}

	@Override
	public int hashCode() {
		return super.hashCode();
	}

}
