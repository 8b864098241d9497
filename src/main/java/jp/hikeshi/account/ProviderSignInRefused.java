package jp.hikeshi.account;

import jp.hikeshi.audit.AuditAction;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * A provider's answer Hikeshi does not accept, whatever the provider said: nothing changed, the
 * refusal is on the audit trail ({@link SignInAudit}) and the person is told what to do.
 */
public class ProviderSignInRefused extends OAuth2AuthenticationException {

	/** Why, each with its entry on the audit trail and its message on the sign-in page. */
	public enum Reason {

		OTHER_TENANT(AuditAction.PROVIDER_SIGN_IN_OTHER_TENANT),
		UNVERIFIED_EMAIL(AuditAction.PROVIDER_SIGN_IN_UNVERIFIED_EMAIL),
		DOMAIN_NOT_ALLOWED(AuditAction.PROVIDER_SIGN_IN_DOMAIN_NOT_ALLOWED),
		NO_ACCOUNT(AuditAction.PROVIDER_SIGN_IN_NO_ACCOUNT), DISABLED_ACCOUNT(AuditAction.PROVIDER_SIGN_IN_DISABLED);

		private final AuditAction audited;

		Reason(AuditAction audited) {
			this.audited = audited;
		}

		public AuditAction audited() {
			return this.audited;
		}

		/** The value of the sign-in page's {@code refused} parameter. */
		public String parameter() {
			return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
		}

	}

	private final Reason reason;

	private final IdentityProvider provider;

	private final String tried;

	ProviderSignInRefused(Reason reason, IdentityProvider provider, String tried) {
		super(new OAuth2Error("hikeshi_" + reason.name().toLowerCase(java.util.Locale.ROOT)), reason.name());
		this.reason = reason;
		this.provider = provider;
		this.tried = tried;
	}

	public Reason reason() {
		return this.reason;
	}

	public IdentityProvider provider() {
		return this.provider;
	}

	/** The address (or, without one, the subject) the provider named: what the administrator looks for. */
	public String tried() {
		return this.tried;
	}

}
