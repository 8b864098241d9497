package jp.hikeshi.account.web;

import java.util.Set;

import jakarta.validation.constraints.Size;

import jp.hikeshi.account.SignInProviders;

/**
 * The administrator's sign-in settings. The secrets are never sent back to the page: left blank,
 * the stored one stays ("replace" only when typed).
 */
record SignInProvidersForm(Boolean entraEnabled, @Size(max = 36) String entraTenantId,
		@Size(max = 200) String entraClientId, @Size(max = 1000) String entraClientSecret,
		@Size(max = 1000) String entraAllowedDomains, Boolean googleEnabled, @Size(max = 200) String googleClientId,
		@Size(max = 1000) String googleClientSecret, @Size(max = 1000) String googleAllowedDomains,
		Boolean justInTime, Boolean passwordsEnabled, Set<Long> breakGlass, Long version) {

	static SignInProvidersForm of(SignInProviders.Overview overview) {
		return new SignInProvidersForm(overview.entra().enabled(), overview.entra().tenantId(),
				overview.entra().clientId(), null, overview.entra().allowedDomains(), overview.google().enabled(),
				overview.google().clientId(), null, overview.google().allowedDomains(), overview.justInTime(),
				overview.passwordsEnabled(), overview.breakGlass(), overview.version());
	}

	/** The same form without the secrets typed: a refused form is shown again without them. */
	SignInProvidersForm withoutSecrets() {
		return new SignInProvidersForm(this.entraEnabled, this.entraTenantId, this.entraClientId, null,
				this.entraAllowedDomains, this.googleEnabled, this.googleClientId, null, this.googleAllowedDomains,
				this.justInTime, this.passwordsEnabled, this.breakGlass, this.version);
	}

	/** An unticked box is not sent at all: it means no. */
	SignInProviders.Change toChange() {
		return new SignInProviders.Change(yes(this.entraEnabled), this.entraTenantId, this.entraClientId,
				this.entraClientSecret, this.entraAllowedDomains, yes(this.googleEnabled), this.googleClientId,
				this.googleClientSecret, this.googleAllowedDomains, yes(this.justInTime), yes(this.passwordsEnabled),
				(this.breakGlass == null) ? Set.of() : this.breakGlass, (this.version == null) ? -1 : this.version);
	}

	private static boolean yes(Boolean ticked) {
		return Boolean.TRUE.equals(ticked);
	}

}
