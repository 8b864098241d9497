package jp.hikeshi.account;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The administrator's settings for signing in (one row): the two identity providers, whether an
 * unknown person is given an account just in time, whether passwords still work, and for whom
 * they work when they do not (the break-glass administrators). The environment's settings win
 * over the providers' here ({@link SignInProviders}). Client secrets are kept sealed.
 */
@Entity
@Table(name = "sign_in_settings")
class SignInSettings {

	static final short ID = 1;

	@Id
	private Short id;

	private boolean entraEnabled;

	private String entraTenantId;

	private String entraClientId;

	private byte[] entraClientSecret;

	private String entraAllowedDomains;

	private boolean googleEnabled;

	private String googleClientId;

	private byte[] googleClientSecret;

	private String googleAllowedDomains;

	private boolean justInTime;

	private boolean passwordsEnabled = true;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "sign_in_break_glass", joinColumns = @JoinColumn(name = "sign_in_settings_id"))
	@Column(name = "user_account_id")
	private Set<Long> breakGlass = new HashSet<>();

	private Instant updatedAt;

	@Version
	private long version;

	protected SignInSettings() {
	}

	void entra(boolean enabled, String tenantId, String clientId, byte[] sealedSecret, String allowedDomains) {
		this.entraEnabled = enabled;
		this.entraTenantId = tenantId;
		this.entraClientId = clientId;
		if (sealedSecret != null) {
			this.entraClientSecret = sealedSecret;
		}
		this.entraAllowedDomains = allowedDomains;
	}

	void google(boolean enabled, String clientId, byte[] sealedSecret, String allowedDomains) {
		this.googleEnabled = enabled;
		this.googleClientId = clientId;
		if (sealedSecret != null) {
			this.googleClientSecret = sealedSecret;
		}
		this.googleAllowedDomains = allowedDomains;
	}

	void access(boolean justInTime, boolean passwordsEnabled, Set<Long> breakGlass, Instant now) {
		this.justInTime = justInTime;
		this.passwordsEnabled = passwordsEnabled;
		this.breakGlass.clear();
		this.breakGlass.addAll(breakGlass);
		this.updatedAt = now;
	}

	boolean isEntraEnabled() {
		return this.entraEnabled;
	}

	String getEntraTenantId() {
		return this.entraTenantId;
	}

	String getEntraClientId() {
		return this.entraClientId;
	}

	byte[] getEntraClientSecret() {
		return this.entraClientSecret;
	}

	String getEntraAllowedDomains() {
		return this.entraAllowedDomains;
	}

	boolean isGoogleEnabled() {
		return this.googleEnabled;
	}

	String getGoogleClientId() {
		return this.googleClientId;
	}

	byte[] getGoogleClientSecret() {
		return this.googleClientSecret;
	}

	String getGoogleAllowedDomains() {
		return this.googleAllowedDomains;
	}

	boolean isJustInTime() {
		return this.justInTime;
	}

	boolean isPasswordsEnabled() {
		return this.passwordsEnabled;
	}

	Set<Long> getBreakGlass() {
		return Set.copyOf(this.breakGlass);
	}

	long getVersion() {
		return this.version;
	}

}
