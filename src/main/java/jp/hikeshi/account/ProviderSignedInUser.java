package jp.hikeshi.account;

import java.util.Collection;
import java.util.Map;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A person signed in through an identity provider: the same {@link SignedInUser} the rest of the
 * application knows (name, roles, display name), plus what OAuth2 login needs of an
 * {@link OidcUser}. It keeps only the ID token's few claims that name the person at the
 * provider, never the token itself: the session in PostgreSQL carries no credential of the provider's.
 */
public final class ProviderSignedInUser extends SignedInUser implements OidcUser {

	private final IdentityProvider provider;

	private final OidcIdToken idToken;

	ProviderSignedInUser(UserAccount account, Collection<? extends GrantedAuthority> authorities,
			IdentityProvider provider, OidcIdToken received) {
		super(account, authorities);
		this.provider = provider;
		this.idToken = OidcIdToken.withTokenValue("not-kept")
			.issuer(received.getIssuer().toString())
			.subject(received.getSubject())
			.issuedAt(received.getIssuedAt())
			.expiresAt(received.getExpiresAt())
			.build();
	}

	public IdentityProvider provider() {
		return this.provider;
	}

	/** The password was not asked for: no change of it can be due at this sign-in. */
	@Override
	public boolean isPasswordChangeRequired() {
		return false;
	}

	@Override
	public Map<String, Object> getClaims() {
		return this.idToken.getClaims();
	}

	@Override
	public OidcUserInfo getUserInfo() {
		return null;
	}

	@Override
	public OidcIdToken getIdToken() {
		return this.idToken;
	}

	@Override
	public Map<String, Object> getAttributes() {
		return this.idToken.getClaims();
	}

	@Override
	public String getName() {
		return getUsername();
	}

	@Override
	public boolean equals(Object other) {
		return super.equals(other);
	}

	@Override
	public int hashCode() {
		return super.hashCode();
	}

}
