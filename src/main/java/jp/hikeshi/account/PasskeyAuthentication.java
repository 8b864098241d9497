package jp.hikeshi.account;

import java.util.Collection;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/**
 * A person signed in with a passkey: the same {@link SignedInUser} as after a password (so the
 * navigation, {@link Actor} and the audit trail work unchanged), with {@link SignInFactors#PASSKEY}
 * among the authorities.
 */
public class PasskeyAuthentication extends AbstractAuthenticationToken {

	private final SignedInUser user;

	PasskeyAuthentication(SignedInUser user, Collection<? extends GrantedAuthority> authorities) {
		super(authorities);
		this.user = user;
		setAuthenticated(true);
	}

	@Override
	public Object getCredentials() {
		return null;
	}

	@Override
	public SignedInUser getPrincipal() {
		return this.user;
	}

}
