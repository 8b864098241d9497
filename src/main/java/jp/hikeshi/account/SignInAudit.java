package jp.hikeshi.account;

import jp.hikeshi.audit.AuditAction;
import jp.hikeshi.audit.AuditLog;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts signing in and out on the audit trail, with the address and user agent of the request
 * (the trail takes them from it). A failed sign-in keeps the name that was tried, as it was
 * typed — sometimes a password typed into the wrong field, which is why only administrators
 * read the trail. Second factors (TOTP, passkeys) will be recorded here too.
 */
@Component
class SignInAudit {

	private final AuditLog audit;

	SignInAudit(AuditLog audit) {
		this.audit = audit;
	}

	@EventListener
	@Transactional
	void on(AuthenticationSuccessEvent event) {
		// the form's password sign-in; API tokens are recorded where they are checked
		if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken signedIn) {
			this.audit.record(signedIn.getName(), AuditAction.SIGNED_IN, signedIn.getName(), null);
		}
		// an identity provider's sign-in (OAuth2 login), named by the account it matched
		if (event.getAuthentication().getPrincipal() instanceof ProviderSignedInUser signedIn) {
			AuditAction action = (signedIn.provider() == IdentityProvider.ENTRA) ? AuditAction.SIGNED_IN_WITH_ENTRA
					: AuditAction.SIGNED_IN_WITH_GOOGLE;
			this.audit.record(signedIn.getUsername(), action, signedIn.getUsername(), null);
		}
	}

	@EventListener
	@Transactional
	void on(AbstractAuthenticationFailureEvent event) {
		if (event.getException() instanceof ProviderSignInRefused refused) {
			// in a transaction of its own: the sign-in's was rolled back, nothing else was kept
			String tried = cut(refused.tried(), 64);
			this.audit.record(tried, refused.reason().audited(), cut(refused.tried(), 200), refused.provider().brand());
			return;
		}
		String tried = event.getAuthentication().getName();
		AuditAction action = (event.getException() instanceof ThrottledLoginException) ? AuditAction.SIGN_IN_THROTTLED
				: AuditAction.SIGN_IN_FAILED;
		this.audit.record((tried == null) ? "" : tried, action, (tried == null) ? "" : tried, null);
	}

	@EventListener
	@Transactional
	void on(LogoutSuccessEvent event) {
		this.audit.record(event.getAuthentication().getName(), AuditAction.SIGNED_OUT, event.getAuthentication().getName(),
				null);
	}

	/** In the throttle's transaction, beside the owner's mail. */
	@EventListener
	void on(PasswordPathLocked event) {
		this.audit.record(event.username(), AuditAction.PASSWORD_LOCKED, event.username(), null);
	}

	private static String cut(String text, int length) {
		return (text == null) ? "" : text.substring(0, Math.min(text.length(), length));
	}

}
