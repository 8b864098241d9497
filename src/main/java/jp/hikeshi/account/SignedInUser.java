package jp.hikeshi.account;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * The principal of a session: the account's name, display name and roles at sign-in, and whether
 * a second factor was owed then (decided once per sign-in, so that no page asks again).
 */
public class SignedInUser extends User {

	/** Kept in sessions in PostgreSQL: a change of fields must not make every open session unreadable. */
	private static final long serialVersionUID = 2L;

	private final String displayName;

	private final boolean passwordChangeRequired;

	private final long accountId;

	private final SecondFactorRequirement secondFactor;

	SignedInUser(UserAccount account, Collection<? extends GrantedAuthority> authorities,
			SecondFactorRequirement secondFactor) {
		super(account.getUsername(), account.getPasswordHash(), account.isEnabled(), true, true, true, authorities);
		this.displayName = account.getDisplayName();
		this.passwordChangeRequired = account.isPasswordChangeRequired();
		this.accountId = account.getId();
		this.secondFactor = secondFactor;
	}

	/** A sign-in whose second factor is decided later, once for its session ({@link SecondFactors#owed}). */
	SignedInUser(UserAccount account, Collection<? extends GrantedAuthority> authorities) {
		this(account, authorities, null);
	}

	public long getAccountId() {
		return this.accountId;
	}

	/** Whether this sign-in owes a second factor, and whether the person had one to give; null when not decided at sign-in. */
	public SecondFactorRequirement getSecondFactor() {
		return this.secondFactor;
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

	// equals and hashCode stay User's (by user name): two sign-ins of one person are one principal.
	@Override
	public boolean equals(Object other) {
		return super.equals(other);
	}

	@Override
	public int hashCode() {
		return super.hashCode();
	}

}
