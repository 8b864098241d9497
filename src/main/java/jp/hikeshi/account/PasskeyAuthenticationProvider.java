package jp.hikeshi.account;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import jp.hikeshi.audit.AuditAction;
import jp.hikeshi.audit.AuditLog;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationRequestToken;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Signing in with a passkey alone. In place of Spring's provider, whose principal is the WebAuthn
 * user entity and which asks nothing of the account: here the passkey is verified by Spring's
 * relying party (origin, RP id, challenge, signature, user verification), then the account must
 * still exist and be enabled, and the result is the person's {@link SignedInUser} with their roles
 * and {@link SignInFactors#PASSKEY}. Attempts are throttled per address like passwords, and every
 * outcome goes on the audit trail.
 */
class PasskeyAuthenticationProvider implements AuthenticationProvider {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int MAX_DETAIL = 200;

	private final WebAuthnRelyingPartyOperations relyingParty;

	private final UserDetailsService accounts;

	private final LoginThrottle throttle;

	private final AuditLog audit;

	private final TransactionOperations transactions;

	PasskeyAuthenticationProvider(WebAuthnRelyingPartyOperations relyingParty, UserDetailsService accounts,
			LoginThrottle throttle, AuditLog audit, TransactionOperations transactions) {
		this.relyingParty = relyingParty;
		this.accounts = accounts;
		this.throttle = throttle;
		this.audit = audit;
		this.transactions = transactions;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		RelyingPartyAuthenticationRequest request = ((WebAuthnAuthenticationRequestToken) authentication)
			.getWebAuthnRequest();
		LoginThrottle.Attempt attempt = this.throttle.reservePasskey(address());
		if (!attempt.allowed()) {
			record("", AuditAction.SIGN_IN_THROTTLED, null);
			throw new ThrottledLoginException();
		}
		PublicKeyCredentialUserEntity verified;
		try {
			verified = this.relyingParty.authenticate(request);
		}
		catch (RuntimeException ex) {
			// another site's origin, another RP id, an unknown or removed passkey, a bad signature
			record("", AuditAction.PASSKEY_SIGN_IN_REFUSED, claimedOrigin(request));
			throw new BadCredentialsException("The passkey was refused", ex);
		}
		UserDetails user;
		try {
			user = this.accounts.loadUserByUsername(verified.getName());
		}
		catch (UsernameNotFoundException ex) {
			record("", AuditAction.PASSKEY_SIGN_IN_REFUSED, null);
			throw new BadCredentialsException("The passkey's account is gone", ex);
		}
		if (!user.isEnabled() || !(user instanceof SignedInUser signedIn)) {
			record(user.getUsername(), AuditAction.PASSKEY_SIGN_IN_REFUSED, null);
			throw new DisabledException("The account is disabled");
		}
		this.throttle.passkeySucceeded(attempt);
		List<GrantedAuthority> authorities = new ArrayList<>(signedIn.getAuthorities());
		authorities.add(FactorGrantedAuthority.fromAuthority(SignInFactors.PASSKEY));
		record(signedIn.getUsername(), AuditAction.SIGNED_IN_WITH_PASSKEY, null);
		return new PasskeyAuthentication(signedIn, authorities);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return WebAuthnAuthenticationRequestToken.class.isAssignableFrom(authentication);
	}

	/** Each entry in its own transaction: a refusal is recorded although the sign-in fails. */
	private void record(String username, AuditAction action, String detail) {
		this.transactions.executeWithoutResult(status -> this.audit.record(username, action, username, detail));
	}

	/** The origin the browser wrote into the signed client data: another site's shows who tried. */
	private static String claimedOrigin(RelyingPartyAuthenticationRequest request) {
		try {
			byte[] clientData = request.getPublicKey().getResponse().getClientDataJSON().getBytes();
			JsonNode origin = JSON.readTree(new String(clientData, StandardCharsets.UTF_8)).get("origin");
			if (origin == null || !origin.isString()) {
				return null;
			}
			String text = origin.asString();
			return (text.length() > MAX_DETAIL) ? text.substring(0, MAX_DETAIL) : text;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static String address() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

}
