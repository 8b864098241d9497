package jp.hikeshi.account;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import jp.hikeshi.account.AccountCommands.CreateAccount;
import jp.hikeshi.account.UserAccount.Profile;
import jp.hikeshi.shared.BusinessRuleViolation;
import jp.hikeshi.test.CompletedSetup;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.SignedInBrowser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Signing in through Microsoft Entra ID and Google against a provider in the test JVM
 * ({@link LocalOidcProvider}), through the real filters: Hikeshi's redirect, the provider's answer,
 * the token request over HTTP, the ID token's signature, then Hikeshi's own checks.
 * One Spring context of its own (about 15 s): the providers' addresses are the local provider's,
 * known only once it runs (@DynamicPropertySource), and the sign-in settings, one row, are changed
 * here freely without touching the shared context's.
 */
@IntegrationTest
class ProviderSignInTest {

	static final LocalOidcProvider provider = LocalOidcProvider.start();

	static final String TENANT = "0a1b2c3d-4e5f-6789-abcd-ef0123456789";

	static final String OTHER_TENANT = "99999999-4e5f-6789-abcd-ef0123456789";

	static final AtomicInteger sequence = new AtomicInteger();

	@DynamicPropertySource
	static void localProvider(DynamicPropertyRegistry properties) {
		properties.add("hikeshi.sign-in.entra.authority", provider::entraAuthority);
		properties.add("hikeshi.sign-in.google.authority", provider::googleAuthority);
	}

	@AfterAll
	static void stopProvider() {
		provider.stop();
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	SignInProviders providers;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	AuthenticatorApps apps;

	@Autowired
	SessionRepository<? extends Session> sessions;

	@BeforeEach
	void bothProvidersOffered() {
		settings(false, true, Set.of());
	}

	@Test
	void entraWithTheRightTenantAndAVerifiedAddressSignsInAsTheMatchedAccountWithItsRoles() throws Exception {
		UserAccount admin = account("alice", Role.ADMIN, Role.SECURITY_LEAD);
		Map<String, Object> claims = entra(admin.getEmail());
		claims.put("email", admin.getEmail().toUpperCase());
		claims.put("amr", LocalOidcProvider.list("pwd", "mfa"));
		SignedInBrowser browser = new SignedInBrowser(this.mvc);

		signIn(browser, "entra", claims).andExpect(redirectedUrl("/"));

		browser.perform(get("/admin/users")).andExpect(status().isOk());
		browser.perform(get("/triage")).andExpect(status().isOk());
		SecurityContext context = (SecurityContext) browser.attribute(this.sessions, "SPRING_SECURITY_CONTEXT").orElseThrow();
		assertThat(context.getAuthentication().getPrincipal()).isInstanceOf(SignedInUser.class);
		assertThat(context.getAuthentication().getName()).isEqualTo(admin.getUsername());
		assertThat(context.getAuthentication().getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.contains("ROLE_ADMIN", "ROLE_SECURITY_LEAD", SignInFactors.PROVIDER, SignInFactors.PROVIDER_MFA)
			.doesNotContain(SignInFactors.PASSWORD);
		assertThat(audited("SIGNED_IN_WITH_ENTRA", admin.getUsername())).isEqualTo(1);
		assertThat(linkedIdentities(admin)).isEqualTo(1);

		// the second time by the linked identity, even after the address changed at the provider
		claims.put("email", "renamed-" + admin.getEmail());
		signIn(new SignedInBrowser(this.mvc), "entra", claims).andExpect(redirectedUrl("/"));
		assertThat(audited("SIGNED_IN_WITH_ENTRA", admin.getUsername())).isEqualTo(2);
	}

	@Test
	void aPersonWithAnAuthenticatorAppStillOwesItsCodeUnlessEntraCheckedASecondFactor() throws Exception {
		UserAccount lead = account("carol", Role.SECURITY_LEAD);
		this.apps.start(lead.getId());
		byte[] key = AuthenticatorAppsTest.base32(this.apps.pendingSecret(lead.getId()).orElseThrow());
		this.apps.confirm(lead.getId(), lead.getUsername(), Totp.code(key, Totp.step(java.time.Instant.now())));

		// Google says nothing of a second factor: the gate asks for the app's code
		SignedInBrowser viaGoogle = new SignedInBrowser(this.mvc);
		signIn(viaGoogle, "google", google(lead.getEmail())).andExpect(status().is3xxRedirection());
		viaGoogle.perform(get("/triage")).andExpect(redirectedUrl("/login/second-factor"));

		// Entra with a password only: the same
		Map<String, Object> claims = entra(lead.getEmail());
		claims.put("amr", LocalOidcProvider.list("pwd"));
		SignedInBrowser passwordOnly = new SignedInBrowser(this.mvc);
		signIn(passwordOnly, "entra", claims).andExpect(status().is3xxRedirection());
		passwordOnly.perform(get("/triage")).andExpect(redirectedUrl("/login/second-factor"));

		// Entra that checked a second factor itself: through
		claims.put("amr", LocalOidcProvider.list("pwd", "mfa"));
		SignedInBrowser withMfa = new SignedInBrowser(this.mvc);
		signIn(withMfa, "entra", claims).andExpect(status().is3xxRedirection());
		withMfa.perform(get("/triage")).andExpect(status().isOk());
	}

	@Test
	void aTokenOfAnotherTenantIsRefusedAuditedAndChangesNothing() throws Exception {
		UserAccount person = account("bob", Role.REPORTER);
		// issued for the right issuer but naming another tenant (a multi-tenant "common" registration)
		Map<String, Object> wrongTid = entra(person.getEmail());
		wrongTid.put("tid", OTHER_TENANT);
		// and one from the other tenant altogether
		Map<String, Object> wrongIssuer = entra(person.getEmail());
		wrongIssuer.put("tid", OTHER_TENANT);
		wrongIssuer.put("iss", provider.entraAuthority() + "/" + OTHER_TENANT + "/v2.0");

		for (Map<String, Object> claims : java.util.List.of(wrongTid, wrongIssuer)) {
			SignedInBrowser browser = new SignedInBrowser(this.mvc);
			signIn(browser, "entra", claims).andExpect(redirectedUrl("/login?refused=other-tenant"));
			browser.perform(get("/report")).andExpect(redirectedUrl("/login"));
		}
		assertThat(audited("PROVIDER_SIGN_IN_OTHER_TENANT", person.getEmail())).isEqualTo(2);
		assertThat(linkedIdentities(person)).isZero();
		this.mvc.perform(get("/login").param("refused", "other-tenant"))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("/oauth2/authorization/entra")))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("管理者にお問い合わせください")));
	}

	@Test
	void entraAddressesAreTakenOnlyWhenVerifiedOrInTheCompanysDomain() throws Exception {
		UserAccount person = account("carol", Role.REPORTER);
		// nOAuth: an address the user's tenant wrote, not verified, outside the company's domains
		Map<String, Object> unverified = entra(person.getEmail());
		unverified.remove("xms_edov");
		unverified.put("preferred_username", "carol@outside.example");
		signIn(new SignedInBrowser(this.mvc), "entra", unverified)
			.andExpect(redirectedUrl("/login?refused=unverified-email"));
		assertThat(audited("PROVIDER_SIGN_IN_UNVERIFIED_EMAIL", person.getEmail())).isEqualTo(1);
		assertThat(linkedIdentities(person)).isZero();

		// the sign-in name (UPN) in one of the allowed domains stands for the address
		Map<String, Object> upn = entra(person.getEmail());
		upn.remove("xms_edov");
		upn.put("email", "someone-else@outside.example");
		upn.put("preferred_username", person.getEmail());
		signIn(new SignedInBrowser(this.mvc), "entra", upn).andExpect(redirectedUrl("/"));
	}

	@Test
	void googleNeedsAVerifiedAddressAndTheCompanysWorkspace() throws Exception {
		UserAccount person = account("dave", Role.RESPONDER);
		Map<String, Object> noWorkspace = google(person.getEmail());
		noWorkspace.remove("hd");
		Map<String, Object> otherWorkspace = google(person.getEmail());
		otherWorkspace.put("hd", "outside.example");
		Map<String, Object> unverified = google(person.getEmail());
		unverified.put("email_verified", false);

		signIn(new SignedInBrowser(this.mvc), "google", noWorkspace)
			.andExpect(redirectedUrl("/login?refused=domain-not-allowed"));
		signIn(new SignedInBrowser(this.mvc), "google", otherWorkspace)
			.andExpect(redirectedUrl("/login?refused=domain-not-allowed"));
		signIn(new SignedInBrowser(this.mvc), "google", unverified)
			.andExpect(redirectedUrl("/login?refused=unverified-email"));
		assertThat(audited("PROVIDER_SIGN_IN_DOMAIN_NOT_ALLOWED", person.getEmail())).isEqualTo(2);
		assertThat(audited("PROVIDER_SIGN_IN_UNVERIFIED_EMAIL", person.getEmail())).isEqualTo(1);
		assertThat(linkedIdentities(person)).isZero();

		SignedInBrowser browser = new SignedInBrowser(this.mvc);
		signIn(browser, "google", google(person.getEmail())).andExpect(redirectedUrl("/"));
		browser.perform(get("/incidents")).andExpect(status().isOk());
		assertThat(audited("SIGNED_IN_WITH_GOOGLE", person.getUsername())).isEqualTo(1);
	}

	@Test
	void aPersonWithoutAnAccountIsRefusedUnlessTheAdministratorAllowsJustInTimeAccounts() throws Exception {
		String address = "newcomer" + sequence.incrementAndGet() + "@example.co.jp";
		Map<String, Object> claims = entra(address);
		claims.put("name", "新人 太郎");
		signIn(new SignedInBrowser(this.mvc), "entra", claims).andExpect(redirectedUrl("/login?refused=no-account"));
		assertThat(audited("PROVIDER_SIGN_IN_NO_ACCOUNT", address)).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("select count(*) from user_account where lower(email) = ?", Long.class,
				address)).isZero();

		settings(true, true, Set.of());
		SignedInBrowser browser = new SignedInBrowser(this.mvc);
		signIn(browser, "entra", claims).andExpect(redirectedUrl("/"));
		UserAccount created = this.accounts.all()
			.stream()
			.filter(account -> address.equals(account.getEmail()))
			.findFirst()
			.orElseThrow();
		assertThat(created.getRoles()).containsExactly(Role.REPORTER);
		assertThat(created.getDisplayName()).isEqualTo("新人 太郎");
		assertThat(created.getUsername()).startsWith("newcomer");
		assertThat(audited("ACCOUNT_CREATED_JUST_IN_TIME", created.getUsername())).isEqualTo(1);
		browser.perform(get("/report")).andExpect(status().isOk());
		browser.perform(get("/triage")).andExpect(status().isForbidden());
		// no password of its own: none the person could know signs in
		SignedInBrowser.signIn(this.mvc, created.getUsername(), CompletedSetup.PASSWORD)
			.perform(get("/report"))
			.andExpect(redirectedUrl("/login"));
	}

	@Test
	void aDisabledAccountIsRefused() throws Exception {
		UserAccount person = account("erin", Role.REPORTER);
		this.accounts.disable(person.getId(), person.getVersion(), CompletedSetup.ADMIN);
		signIn(new SignedInBrowser(this.mvc), "google", google(person.getEmail()))
			.andExpect(redirectedUrl("/login?refused=disabled-account"));
		assertThat(audited("PROVIDER_SIGN_IN_DISABLED", person.getEmail())).isEqualTo(1);
		assertThat(linkedIdentities(person)).isZero();
	}

	@Test
	void withPasswordsSwitchedOffOnlyTheBreakGlassAdministratorSignsInWithAPassword() throws Exception {
		UserAccount person = account("frank", Role.SECURITY_LEAD);
		UserAccount breakGlass = account("grace", Role.ADMIN);
		settings(false, false, Set.of(breakGlass.getId()));

		SignedInBrowser refused = SignedInBrowser.signIn(this.mvc, person.getUsername(), CompletedSetup.PASSWORD);
		refused.perform(get("/triage")).andExpect(redirectedUrl("/login"));
		this.mvc.perform(post("/login").with(csrf())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("username", person.getUsername())
			.param("password", CompletedSetup.PASSWORD)).andExpect(redirectedUrl("/login?passwordsOff"));

		// the sign-in page leads with the providers; the password form waits behind the emergency link
		String page = this.mvc.perform(get("/login")).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("sign-in-providers--only", "/login?emergency=", "/oauth2/authorization/google");
		String emergency = this.mvc.perform(get("/login").param("emergency", ""))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(emergency).doesNotContain("sign-in-providers--only").contains("name=\"password\"");

		SignedInBrowser admin = SignedInBrowser.signIn(this.mvc, breakGlass.getUsername(), CompletedSetup.PASSWORD);
		admin.perform(get("/admin/users")).andExpect(status().isOk());
		// the company sign-in still works for everyone
		signIn(new SignedInBrowser(this.mvc), "entra", entra(person.getEmail())).andExpect(redirectedUrl("/"));
		// and the last break-glass administrator stays one while passwords are off
		UserAccount current = this.accounts.findById(breakGlass.getId()).orElseThrow();
		assertThatThrownBy(() -> this.accounts.disable(current.getId(), current.getVersion(), CompletedSetup.ADMIN))
			.isInstanceOf(BusinessRuleViolation.class)
			.hasMessage("account.lastBreakGlass");
		assertThat(this.accounts.findById(breakGlass.getId()).orElseThrow().isEnabled()).isTrue();
	}

	@Test
	void passwordsCannotBeSwitchedOffWithoutABreakGlassAdministratorOrAProvider() throws Exception {
		UserAccount reporter = account("heidi", Role.REPORTER);
		assertThatThrownBy(() -> settings(false, false, Set.of())).isInstanceOf(BusinessRuleViolation.class)
			.hasMessage("signInProviders.passwordsOff.noBreakGlass");
		assertThatThrownBy(() -> settings(false, false, Set.of(reporter.getId())))
			.isInstanceOf(BusinessRuleViolation.class)
			.hasMessage("signInProviders.breakGlass.notAdministrator");
		UserAccount admin = account("ivan", Role.ADMIN);
		SignInProviders.Overview now = this.providers.overview();
		SignInProviders.Change noProvider = new SignInProviders.Change(false, TENANT, "entra-client", null,
				"example.co.jp", false, "google-client", null, "example.co.jp", false, false, Set.of(admin.getId()),
				now.version());
		assertThatThrownBy(() -> this.providers.change(noProvider, "test")).isInstanceOf(BusinessRuleViolation.class)
			.hasMessage("signInProviders.passwordsOff.noProvider");
		assertThat(this.providers.passwordsEnabled()).isTrue();
	}

	@Test
	void theAdministratorsPageRefusesBadInputByTheFieldKeepsWhatWasTypedAndNeverShowsTheSecret() throws Exception {
		long version = this.providers.overview().version();
		SignedInBrowser admin = SignedInBrowser.signIn(this.mvc, CompletedSetup.ADMIN, CompletedSetup.PASSWORD);
		String page = admin.perform(post("/admin/sign-in-providers").with(csrf())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("entraEnabled", "true")
			.param("entraTenantId", "not-a-guid")
			.param("entraClientId", "typed-client-id")
			.param("entraClientSecret", "typed-secret-never-shown")
			.param("googleEnabled", "true")
			.param("googleClientId", "google-client")
			.param("googleAllowedDomains", "example.co.jp")
			.param("passwordsEnabled", "true")
			.param("version", String.valueOf(version)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("entraTenantId-error", "not-a-guid", "typed-client-id")
			.doesNotContain("typed-secret-never-shown", "s3cret");
		assertThat(this.providers.configured(IdentityProvider.ENTRA).orElseThrow().tenantId()).isEqualTo(TENANT);
		assertThat(this.jdbc.queryForObject("select count(*) from sign_in_settings where position(convert_to('s3cret', 'UTF8') in entra_client_secret) > 0",
				Long.class)).isZero();
		admin.perform(get("/admin/sign-in-providers"))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("s3cret"))));
	}

	private void settings(boolean justInTime, boolean passwords, Set<Long> breakGlass) {
		SignInProviders.Overview now = this.providers.overview();
		this.providers.change(new SignInProviders.Change(true, TENANT, "entra-client", "s3cret-entra", "example.co.jp",
				true, "google-client", "s3cret-google", "example.co.jp", justInTime, passwords, breakGlass,
				now.version()), "test");
	}

	private UserAccount account(String name, Role first, Role... more) {
		String username = name + sequence.incrementAndGet();
		return this.accounts.create(new CreateAccount(username,
				new Profile("テスト " + username, null, username + "@example.co.jp", null), EnumSet.of(first, more),
				CompletedSetup.PASSWORD), "test");
	}

	private Map<String, Object> entra(String email) {
		Map<String, Object> claims = new HashMap<>();
		claims.put("iss", provider.entraAuthority() + "/" + TENANT + "/v2.0");
		claims.put("aud", "entra-client");
		claims.put("sub", "entra-" + email);
		claims.put("tid", TENANT);
		claims.put("email", email);
		claims.put("xms_edov", true);
		return claims;
	}

	private Map<String, Object> google(String email) {
		Map<String, Object> claims = new HashMap<>();
		claims.put("iss", provider.googleAuthority());
		claims.put("aud", "google-client");
		claims.put("sub", "google-" + email);
		claims.put("email", email);
		claims.put("email_verified", true);
		claims.put("hd", "example.co.jp");
		return claims;
	}

	/** Hikeshi sends the browser to the provider; the provider sends it back with a code for these claims. */
	private org.springframework.test.web.servlet.ResultActions signIn(SignedInBrowser browser, String registrationId,
			Map<String, Object> claims) throws Exception {
		String location = browser.perform(get("/oauth2/authorization/" + registrationId))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		Map<String, String> query = query(URI.create(location).getRawQuery());
		Map<String, Object> withNonce = new HashMap<>(claims);
		withNonce.put("nonce", query.get("nonce"));
		String code = provider.issue(withNonce);
		return browser.perform(get("/login/oauth2/code/" + registrationId).param("code", code)
			.param("state", query.get("state")));
	}

	private static Map<String, String> query(String raw) {
		Map<String, String> values = new HashMap<>();
		for (String pair : raw.split("&")) {
			int equals = pair.indexOf('=');
			values.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
		}
		return values;
	}

	private long audited(String action, String subject) {
		return this.jdbc.queryForObject("select count(*) from audit_event where action = ? and lower(subject) = lower(?)",
				Long.class, action, subject);
	}

	private long linkedIdentities(UserAccount account) {
		return this.jdbc.queryForObject("select count(*) from external_identity where user_account_id = ?", Long.class,
				account.getId());
	}

}
