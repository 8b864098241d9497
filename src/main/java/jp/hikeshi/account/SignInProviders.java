package jp.hikeshi.account;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.crypto.spec.SecretKeySpec;

import jp.hikeshi.audit.AuditAction;
import jp.hikeshi.audit.AuditLog;
import jp.hikeshi.shared.ApplicationSecret;
import jp.hikeshi.shared.BusinessRuleViolation;
import jp.hikeshi.shared.SecretBox;

import org.springframework.core.env.Environment;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may sign in how: the identity providers as configured (the environment's
 * {@code hikeshi.sign-in.*} settings win over the administrator's, provider by provider), whether
 * passwords still work and for whom. The administrator changes it all here without a restart;
 * the rules that keep the company able to sign in are checked here, not only on the page.
 */
@Service
@Transactional
public class SignInProviders {

	/** A tenant id as Entra writes it: a GUID. */
	static final Pattern TENANT_ID = Pattern
		.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	static final Pattern DOMAIN = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");

	private final SignInSettingsRepository settings;

	private final UserAccountRepository accounts;

	private final AuditLog audit;

	private final Environment environment;

	private final Clock clock;

	private final SecretBox secretBox;

	SignInProviders(SignInSettingsRepository settings, UserAccountRepository accounts, AuditLog audit,
			Environment environment, Clock clock, ApplicationSecret secret) {
		this.settings = settings;
		this.accounts = accounts;
		this.audit = audit;
		this.environment = environment;
		this.clock = clock;
		// a key of its own, derived from the installation's secret: the client secrets are sealed with nothing else
		this.secretBox = new SecretBox(new SecretKeySpec(
				HexFormat.of().parseHex(secret.seal("sign-in-client-secrets-v1").of("aes-256-key")), "AES"));
	}

	/** How one provider stands, for the administrator's page: never its secret, only whether it is set. */
	public record ProviderSettings(IdentityProvider provider, boolean enabled, String tenantId, String clientId,
			boolean secretSet, String allowedDomains, boolean fixedByEnvironment) {

		public boolean usable() {
			return this.enabled && this.clientId != null && this.secretSet
					&& (this.provider != IdentityProvider.ENTRA || this.tenantId != null);
		}

	}

	public record Overview(ProviderSettings entra, ProviderSettings google, boolean justInTime,
			boolean passwordsEnabled, Set<Long> breakGlass, long version) {

	}

	/**
	 * A change to the settings. A secret left {@code null} or blank keeps the one stored. A
	 * provider fixed by the environment keeps the environment's settings whatever is sent.
	 */
	public record Change(boolean entraEnabled, String entraTenantId, String entraClientId, String entraClientSecret,
			String entraAllowedDomains, boolean googleEnabled, String googleClientId, String googleClientSecret,
			String googleAllowedDomains, boolean justInTime, boolean passwordsEnabled, Set<Long> breakGlass,
			long version) {

	}

	/** A provider as a sign-in uses it: with its secret, in clear, for the token request only. */
	record Configured(IdentityProvider provider, String tenantId, String clientId, String clientSecret,
			Set<String> allowedDomains) {

	}

	@Transactional(readOnly = true)
	public Overview overview() {
		SignInSettings stored = stored();
		return new Overview(view(IdentityProvider.ENTRA, stored), view(IdentityProvider.GOOGLE, stored),
				stored.isJustInTime(), stored.isPasswordsEnabled(), stored.getBreakGlass(), stored.getVersion());
	}

	/** The providers the sign-in page offers: those enabled with everything a sign-in needs. */
	@Transactional(readOnly = true)
	public List<IdentityProvider> offered() {
		SignInSettings stored = stored();
		return Arrays.stream(IdentityProvider.values()).filter(provider -> configured(provider, stored).isPresent()).toList();
	}

	@Transactional(readOnly = true)
	public boolean passwordsEnabled() {
		return stored().isPasswordsEnabled();
	}

	/** Whether this person may sign in with a password now: everyone while passwords are on, else the break-glass accounts. */
	@Transactional(readOnly = true)
	public boolean mayUsePassword(String username) {
		SignInSettings stored = stored();
		if (stored.isPasswordsEnabled()) {
			return true;
		}
		return this.accounts.findByUsername(username)
			.map(account -> stored.getBreakGlass().contains(account.getId()))
			.orElse(false);
	}

	@Transactional(readOnly = true)
	Optional<Configured> configured(IdentityProvider provider) {
		return configured(provider, stored());
	}

	@Transactional(readOnly = true)
	boolean justInTime() {
		return stored().isJustInTime();
	}

	/**
	 * While passwords are switched off, the last break-glass administrator cannot stop being one
	 * (disabled, or no longer an administrator): the company would have no way in but the provider.
	 */
	void requireAnotherBreakGlass(UserAccount leaving) {
		SignInSettings stored = stored();
		if (stored.isPasswordsEnabled() || !stored.getBreakGlass().contains(leaving.getId())) {
			return;
		}
		boolean another = stored.getBreakGlass()
			.stream()
			.filter(id -> !id.equals(leaving.getId()))
			.map(this.accounts::findById)
			.flatMap(Optional::stream)
			.anyMatch(UserAccount::isActiveAdministrator);
		if (!another) {
			throw new BusinessRuleViolation("account.lastBreakGlass");
		}
	}

	public void change(Change change, String actor) {
		SignInSettings stored = stored();
		if (stored.getVersion() != change.version()) {
			throw new ObjectOptimisticLockingFailureException(SignInSettings.class, SignInSettings.ID);
		}
		boolean passwordsBefore = stored.isPasswordsEnabled();
		if (!fixedByEnvironment(IdentityProvider.ENTRA)) {
			String tenant = blankToNull(change.entraTenantId());
			tenant = (tenant == null) ? null : tenant.toLowerCase(Locale.ROOT);
			if (tenant != null && !TENANT_ID.matcher(tenant).matches()) {
				throw BusinessRuleViolation.onField("entraTenantId", "signInProviders.tenantId.invalid");
			}
			String clientId = blankToNull(change.entraClientId());
			String domains = domains("entraAllowedDomains", change.entraAllowedDomains());
			if (change.entraEnabled()) {
				require("entraTenantId", tenant);
				require("entraClientId", clientId);
				requireSecret("entraClientSecret", change.entraClientSecret(), stored.getEntraClientSecret());
			}
			stored.entra(change.entraEnabled(), tenant, clientId, sealIfGiven(change.entraClientSecret()), domains);
		}
		if (!fixedByEnvironment(IdentityProvider.GOOGLE)) {
			String clientId = blankToNull(change.googleClientId());
			String domains = domains("googleAllowedDomains", change.googleAllowedDomains());
			if (change.googleEnabled()) {
				require("googleClientId", clientId);
				requireSecret("googleClientSecret", change.googleClientSecret(), stored.getGoogleClientSecret());
				// Google's hd claim is the only proof of the Workspace: without a domain nobody could sign in
				require("googleAllowedDomains", domains);
			}
			stored.google(change.googleEnabled(), clientId, sealIfGiven(change.googleClientSecret()), domains);
		}
		Set<Long> breakGlass = (change.breakGlass() == null) ? Set.of() : Set.copyOf(change.breakGlass());
		List<UserAccount> breakGlassAccounts = new ArrayList<>();
		for (Long id : breakGlass) {
			UserAccount account = this.accounts.findById(id)
				.filter(UserAccount::isActiveAdministrator)
				.orElseThrow(() -> BusinessRuleViolation.onField("breakGlass", "signInProviders.breakGlass.notAdministrator"));
			breakGlassAccounts.add(account);
		}
		if (!change.passwordsEnabled()) {
			if (Arrays.stream(IdentityProvider.values()).noneMatch(provider -> configured(provider, stored).isPresent())) {
				throw BusinessRuleViolation.onField("passwordsEnabled", "signInProviders.passwordsOff.noProvider");
			}
			if (breakGlassAccounts.isEmpty()) {
				throw BusinessRuleViolation.onField("breakGlass", "signInProviders.passwordsOff.noBreakGlass");
			}
		}
		stored.access(change.justInTime(), change.passwordsEnabled(), breakGlass, this.clock.instant());
		String offered = Arrays.stream(IdentityProvider.values())
			.filter(provider -> configured(provider, stored).isPresent())
			.map(IdentityProvider::brand)
			.collect(Collectors.joining(", "));
		// never the secrets: only which providers a person can now use
		this.audit.record(actor, AuditAction.SIGN_IN_PROVIDERS_CHANGED, offered.isEmpty() ? "-" : offered,
				cut(breakGlassAccounts.stream().map(UserAccount::getUsername).sorted().collect(Collectors.joining(", ")),
						1000));
		if (passwordsBefore != change.passwordsEnabled()) {
			this.audit.record(actor,
					change.passwordsEnabled() ? AuditAction.PASSWORDS_SWITCHED_ON : AuditAction.PASSWORDS_SWITCHED_OFF,
					"-", null);
		}
	}

	public boolean fixedByEnvironment(IdentityProvider provider) {
		return environmentValue(provider, "client-id") != null;
	}

	/** Where a provider's pages and keys are: the real ones, or a local provider's (the tests'). */
	String authority(IdentityProvider provider) {
		return environmentValue(provider, "authority");
	}

	private SignInSettings stored() {
		return this.settings.findById(SignInSettings.ID).orElseThrow();
	}

	private ProviderSettings view(IdentityProvider provider, SignInSettings stored) {
		if (fixedByEnvironment(provider)) {
			return new ProviderSettings(provider, true, environmentValue(provider, "tenant-id"),
					environmentValue(provider, "client-id"), environmentValue(provider, "client-secret") != null,
					environmentValue(provider, "allowed-domains"), true);
		}
		return switch (provider) {
			case ENTRA -> new ProviderSettings(provider, stored.isEntraEnabled(), stored.getEntraTenantId(),
					stored.getEntraClientId(), stored.getEntraClientSecret() != null, stored.getEntraAllowedDomains(),
					false);
			case GOOGLE -> new ProviderSettings(provider, stored.isGoogleEnabled(), null, stored.getGoogleClientId(),
					stored.getGoogleClientSecret() != null, stored.getGoogleAllowedDomains(), false);
		};
	}

	private Optional<Configured> configured(IdentityProvider provider, SignInSettings stored) {
		if (!view(provider, stored).usable()) {
			return Optional.empty();
		}
		if (fixedByEnvironment(provider)) {
			String tenant = environmentValue(provider, "tenant-id");
			return Optional.of(new Configured(provider, (tenant == null) ? null : tenant.toLowerCase(Locale.ROOT),
					environmentValue(provider, "client-id"), environmentValue(provider, "client-secret"),
					domainSet(environmentValue(provider, "allowed-domains"))));
		}
		String secret = open((provider == IdentityProvider.ENTRA) ? stored.getEntraClientSecret()
				: stored.getGoogleClientSecret());
		if (secret == null) {
			// sealed under another installation key: as good as unset
			return Optional.empty();
		}
		return switch (provider) {
			case ENTRA -> Optional.of(new Configured(provider, stored.getEntraTenantId(), stored.getEntraClientId(), secret,
					domainSet(stored.getEntraAllowedDomains())));
			case GOOGLE -> Optional.of(new Configured(provider, null, stored.getGoogleClientId(), secret,
					domainSet(stored.getGoogleAllowedDomains())));
		};
	}

	private String environmentValue(IdentityProvider provider, String key) {
		return blankToNull(this.environment.getProperty("hikeshi.sign-in." + provider.registrationId() + "." + key));
	}

	static Set<String> domainSet(String domains) {
		if (domains == null) {
			return Set.of();
		}
		return Arrays.stream(domains.split("[,\\s]+"))
			.map(String::strip)
			.filter(domain -> !domain.isEmpty())
			.map(domain -> domain.toLowerCase(Locale.ROOT))
			.collect(Collectors.toCollection(LinkedHashSet::new));
	}

	private static String domains(String field, String typed) {
		Set<String> domains = domainSet(typed);
		for (String domain : domains) {
			if (domain.length() > 253 || !DOMAIN.matcher(domain).matches()) {
				throw BusinessRuleViolation.onField(field, "signInProviders.domain.invalid", domain);
			}
		}
		// joined without spaces: never longer than what was typed, so it fits where the form's limit did
		return domains.isEmpty() ? null : String.join(",", domains);
	}

	private static void require(String field, String value) {
		if (value == null) {
			throw BusinessRuleViolation.onField(field, "signInProviders.required");
		}
	}

	private static void requireSecret(String field, String typed, byte[] stored) {
		if (blankToNull(typed) == null && stored == null) {
			throw BusinessRuleViolation.onField(field, "signInProviders.secret.required");
		}
	}

	private static String cut(String text, int length) {
		return text.substring(0, Math.min(text.length(), length));
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private byte[] sealIfGiven(String secret) {
		return (blankToNull(secret) == null) ? null : this.secretBox.seal(secret.strip());
	}

	private String open(byte[] sealed) {
		return (sealed == null) ? null : this.secretBox.open(sealed);
	}

}
