package jp.hikeshi.account;

import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;

/**
 * How a sign-in proved who it is: the authority each way of signing in adds to the person's
 * {@link Authentication} (Spring Security's factor authorities where it has one). A person who
 * has enrolled a second factor, or whose role requires one, gets past the second-factor gate only
 * with one of {@link #SECOND}; a password alone is not enough for them.
 */
public final class SignInFactors {

	public static final String PASSWORD = FactorGrantedAuthority.PASSWORD_AUTHORITY;

	/** A passkey with user verification: possession and a PIN or biometric, a whole sign-in on its own. */
	public static final String PASSKEY = FactorGrantedAuthority.WEBAUTHN_AUTHORITY;

	/** A code from an authenticator app (RFC 6238). */
	public static final String TOTP = "FACTOR_TOTP";

	/** One of the ten single-use recovery codes. */
	public static final String RECOVERY_CODE = "FACTOR_RECOVERY_CODE";

	/** A device the person chose to remember (at most 30 days) after passing a second factor on it. */
	public static final String REMEMBERED_DEVICE = "FACTOR_REMEMBERED_DEVICE";

	/** The company's identity provider (Microsoft Entra ID) said it checked a second factor (amr "mfa"). */
	public static final String PROVIDER_MFA = "FACTOR_PROVIDER_MFA";

	/** A sign-in through the company's identity provider (OpenID Connect). */
	public static final String PROVIDER = FactorGrantedAuthority.AUTHORIZATION_CODE_AUTHORITY;

	/** The authorities that satisfy a second-factor requirement. */
	public static final Set<String> SECOND = Set.of(PASSKEY, TOTP, RECOVERY_CODE, REMEMBERED_DEVICE, PROVIDER_MFA);

	private SignInFactors() {
	}

	public static boolean hasSecondFactor(Authentication authentication) {
		if (authentication == null) {
			return false;
		}
		for (GrantedAuthority authority : authentication.getAuthorities()) {
			if (SECOND.contains(authority.getAuthority())) {
				return true;
			}
		}
		return false;
	}

}
