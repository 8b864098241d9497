package jp.hikeshi.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jp.hikeshi.account.ProviderSignInRefused.Reason;
import jp.hikeshi.account.SignInProviders.Configured;
import jp.hikeshi.account.UserAccount.Profile;
import jp.hikeshi.audit.AuditAction;
import jp.hikeshi.audit.AuditLog;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who an ID token is, in Hikeshi: after Spring Security checked the token's signature, audience,
 * expiry and nonce, this checks what only Hikeshi knows — the company's tenant or Workspace
 * domain, an address the provider vouches for — and finds the account: by the identity linked
 * before, else by that address on exactly one enabled account (and links it), else, only if the
 * administrator allows it, a new reporter's account. Anything else is refused with nothing changed.
 */
@Component
public class ProviderSignIn implements OAuth2UserService<OidcUserRequest, OidcUser> {

	private final SignInProviders providers;

	private final ProviderRegistrations registrations;

	private final UserAccountRepository accounts;

	private final ExternalIdentityRepository identities;

	private final PasswordEncoder passwordEncoder;

	private final AuditLog audit;

	private final Clock clock;

	private final TransactionTemplate transaction;

	private final SecureRandom random = new SecureRandom();

	ProviderSignIn(SignInProviders providers, ProviderRegistrations registrations, UserAccountRepository accounts,
			ExternalIdentityRepository identities, PasswordEncoder passwordEncoder, AuditLog audit, Clock clock,
			PlatformTransactionManager transactions) {
		this.providers = providers;
		this.registrations = registrations;
		this.accounts = accounts;
		this.identities = identities;
		this.passwordEncoder = passwordEncoder;
		this.audit = audit;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
		IdentityProvider provider = IdentityProvider.byRegistrationId(request.getClientRegistration().getRegistrationId())
			.orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error("invalid_client")));
		// the settings as they are now: a provider switched off since the person left for it lets nobody in
		Configured configured = this.providers.configured(provider)
			.orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error("invalid_client")));
		OidcIdToken token = request.getIdToken();
		String email = switch (provider) {
			case ENTRA -> entraEmail(configured, token);
			case GOOGLE -> googleEmail(configured, token);
		};
		boolean providerMfa = provider == IdentityProvider.ENTRA && claimList(token, "amr").contains("mfa");
		UserAccount account = this.transaction.execute(status -> account(provider, token, email));
		List<GrantedAuthority> authorities = new ArrayList<>();
		account.getRoles().stream().sorted().forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
		authorities.add(new SimpleGrantedAuthority(SignInFactors.PROVIDER));
		if (providerMfa) {
			authorities.add(new SimpleGrantedAuthority(SignInFactors.PROVIDER_MFA));
		}
		return new ProviderSignedInUser(account, authorities, provider, token);
	}

	/**
	 * Entra: the tenant is checked by its id as well as by the issuer (a "common" or
	 * "organizations" registration would accept any tenant's tokens). Its {@code email} claim is
	 * whatever the user's tenant says (nOAuth): taken only when Entra marks the address's domain as
	 * verified ({@code xms_edov}); else the sign-in name, if it is in one of the company's domains.
	 */
	private String entraEmail(Configured configured, OidcIdToken token) {
		String tenant = token.getClaimAsString("tid");
		String issuer = (token.getIssuer() == null) ? null : token.getIssuer().toString();
		if (tenant == null || !tenant.equalsIgnoreCase(configured.tenantId())
				|| !this.registrations.issuer(configured).equals(issuer)) {
			throw new ProviderSignInRefused(Reason.OTHER_TENANT, configured.provider(), tried(token));
		}
		String email = token.getEmail();
		if (email != null && isTrue(token.getClaim("xms_edov"))) {
			return email;
		}
		String signInName = token.getPreferredUsername();
		if (signInName != null && configured.allowedDomains().contains(domainOf(signInName))) {
			return signInName;
		}
		throw new ProviderSignInRefused(Reason.UNVERIFIED_EMAIL, configured.provider(), tried(token));
	}

	/**
	 * Google: the address must be verified, and the account must belong to one of the company's
	 * Workspace domains ({@code hd}): an address in the domain alone proves nothing (a personal
	 * Google account can carry any address).
	 */
	private String googleEmail(Configured configured, OidcIdToken token) {
		String issuer = (token.getIssuer() == null) ? null : token.getIssuer().toString();
		if (!this.registrations.issuer(configured).equals(issuer)) {
			throw new ProviderSignInRefused(Reason.OTHER_TENANT, configured.provider(), tried(token));
		}
		if (token.getEmail() == null || !Boolean.TRUE.equals(token.getEmailVerified())) {
			throw new ProviderSignInRefused(Reason.UNVERIFIED_EMAIL, configured.provider(), tried(token));
		}
		String workspace = token.getClaimAsString("hd");
		if (workspace == null || !configured.allowedDomains().contains(workspace.toLowerCase(Locale.ROOT))) {
			throw new ProviderSignInRefused(Reason.DOMAIN_NOT_ALLOWED, configured.provider(), tried(token));
		}
		return token.getEmail();
	}

	private UserAccount account(IdentityProvider provider, OidcIdToken token, String email) {
		String issuer = token.getIssuer().toString();
		var linked = this.identities.findByIssuerAndSubject(issuer, token.getSubject());
		if (linked.isPresent()) {
			UserAccount account = this.accounts.findById(linked.get().userAccountId()).orElseThrow();
			if (!account.isEnabled()) {
				throw new ProviderSignInRefused(Reason.DISABLED_ACCOUNT, provider, email);
			}
			return account;
		}
		List<UserAccount> sameAddress = this.accounts.findByEmail(email);
		List<UserAccount> enabled = sameAddress.stream().filter(UserAccount::isEnabled).toList();
		UserAccount account;
		if (enabled.size() == 1) {
			account = enabled.get(0);
		}
		else if (enabled.isEmpty() && !sameAddress.isEmpty()) {
			throw new ProviderSignInRefused(Reason.DISABLED_ACCOUNT, provider, email);
		}
		else if (enabled.isEmpty() && this.providers.justInTime()) {
			account = createJustInTime(provider, token, email);
		}
		else {
			// none, or two accounts with one address: which one is meant is for the administrator to say
			throw new ProviderSignInRefused(Reason.NO_ACCOUNT, provider, email);
		}
		this.identities.save(new ExternalIdentity(provider, issuer, token.getSubject(), account.getId(),
				this.clock.instant()));
		return account;
	}

	private UserAccount createJustInTime(IdentityProvider provider, OidcIdToken token, String email) {
		String username = freeUsername(email);
		String name = (token.getFullName() == null || token.getFullName().isBlank()) ? username
				: token.getFullName().strip();
		name = name.codePoints()
			.filter(point -> !Character.isISOControl(point))
			.limit(100)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
		String address = (email.length() <= 254 && Profile.EMAIL_PATTERN.matcher(email).matches()) ? email : null;
		// no usable password: a random one nobody is told, so the account signs in through the provider only
		byte[] unusable = new byte[32];
		this.random.nextBytes(unusable);
		UserAccount account = new UserAccount(username, new Profile(name, null, address, null),
				EnumSet.of(Role.REPORTER), this.passwordEncoder.encode(Base64.getEncoder().encodeToString(unusable)),
				this.clock.instant());
		account = this.accounts.save(account);
		this.audit.record(username, AuditAction.ACCOUNT_CREATED_JUST_IN_TIME, username, provider.brand());
		return account;
	}

	/** The address's local part, cut to what a login name may hold, numbered when taken. */
	private String freeUsername(String email) {
		String local = email.substring(0, Math.max(0, email.indexOf('@')))
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^a-z0-9._-]", "");
		if (local.length() < 3) {
			local = "user-" + local;
		}
		local = local.substring(0, Math.min(local.length(), 56));
		String candidate = local;
		for (int n = 2; this.accounts.existsByUsername(candidate); n++) {
			candidate = local + "-" + n;
		}
		return candidate;
	}

	private static String tried(OidcIdToken token) {
		String named = (token.getEmail() != null) ? token.getEmail() : token.getPreferredUsername();
		return (named != null) ? named : token.getSubject();
	}

	private static String domainOf(String address) {
		int at = address.lastIndexOf('@');
		return (at < 0) ? "" : address.substring(at + 1).toLowerCase(Locale.ROOT);
	}

	private static boolean isTrue(Object claim) {
		return Boolean.TRUE.equals(claim) || "true".equals(claim) || "1".equals(claim);
	}

	private static Set<String> claimList(OidcIdToken token, String name) {
		Object claim = token.getClaim(name);
		if (claim instanceof java.util.Collection<?> values) {
			return values.stream().map(String::valueOf).collect(java.util.stream.Collectors.toSet());
		}
		return Set.of();
	}

}
