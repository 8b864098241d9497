package jp.hikeshi.account;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

import jakarta.servlet.http.Cookie;

import jp.hikeshi.test.CompletedSetup;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.SignedInBrowser;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The second-factor gate with real sign-ins (sessions in PostgreSQL): a password alone reaches
 * nothing but the gate; the right code goes on to the page first asked for; a remembered browser
 * passes its own person only; a role that requires a factor sends a person without one to enrol;
 * an administrator's reset removes everything and signs the person out.
 */
@IntegrationTest
class SecondFactorWebTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	AuthenticatorApps apps;

	@Autowired
	SecondFactorPolicy policy;

	@Autowired
	JdbcTemplate jdbc;

	/** A person with an authenticator app, confirmed with the code of this step; returns its key. */
	private byte[] enrol(UserAccount person) {
		this.apps.start(person.getId());
		byte[] key = AuthenticatorAppsTest.base32(this.apps.pendingSecret(person.getId()).orElseThrow());
		this.apps.confirm(person.getId(), person.getUsername(), Totp.code(key, now()));
		return key;
	}

	private static long now() {
		return Totp.step(Instant.now());
	}

	private static MockHttpServletRequestBuilder form(String path) {
		return post(path).contentType(MediaType.APPLICATION_FORM_URLENCODED).with(csrf());
	}

	@Test
	void aPasswordAloneReachesOnlyTheGateAndTheRightCodeGoesOn() throws Exception {
		UserAccount person = this.users.create(Role.SECURITY_LEAD);
		byte[] key = enrol(person);
		SignedInBrowser browser = new SignedInBrowser(this.mvc);
		browser.perform(get("/incidents")).andExpect(redirectedUrl("/login"));
		browser.perform(form("/login").param("username", person.getUsername()).param("password", CompletedSetup.PASSWORD))
			.andExpect(redirectedUrlPattern("**/incidents?continue"));
		for (String page : List.of("/incidents", "/", "/account/password", "/admin/users", "/account/security")) {
			browser.perform(get(page)).andExpect(redirectedUrl("/login/second-factor"));
		}
		browser.perform(get("/login/second-factor")).andExpect(status().isOk());

		// wrong, then not a code at all: said by the field, what was typed kept, still at the gate
		browser.perform(form("/login/second-factor").param("code", "000000").param("remember", "true"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("codeForm", "code", "secondFactor.codeWrong"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"000000\"")));
		for (String bad : List.of("", "12ab56", "1234567", "12345")) {
			var refused = browser.perform(form("/login/second-factor").param("code", bad)).andReturn();
			assertThat(refused.getResponse().getStatus()).as(bad).isEqualTo(200);
			assertThat(((org.springframework.validation.BindingResult) refused.getModelAndView().getModel()
				.get("org.springframework.validation.BindingResult.codeForm")).getFieldErrorCount("code")).as("[" + bad + "] " + refused.getModelAndView().getModel()).isPositive();
		}
		browser.perform(form("/login/second-factor/recovery").param("recoveryCode", "x".repeat(21)))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("recoveryForm", "recoveryCode"));
		// still at the gate; the page asked for last is where the right code goes on to
		browser.perform(get("/incidents")).andExpect(redirectedUrl("/login/second-factor"));

		String before = browser.sessionId();
		browser.perform(form("/login/second-factor").param("code", Totp.code(key, now() + 1)))
			.andExpect(redirectedUrlPattern("**/incidents?continue"));
		assertThat(browser.sessionId()).as("a new session id once the factor is given").isNotEqualTo(before);
		browser.perform(get("/incidents")).andExpect(status().isOk());
		browser.perform(get("/login/second-factor")).andExpect(redirectedUrl("/"));
	}

	@Test
	void aRememberedBrowserPassesItsOwnPersonOnly() throws Exception {
		UserAccount person = this.users.create(Role.EXECUTIVE);
		byte[] key = enrol(person);
		SignedInBrowser first = SignedInBrowser.signIn(this.mvc, person.getUsername(), CompletedSetup.PASSWORD);
		MockHttpServletResponse passed = first
			.perform(form("/login/second-factor").param("code", Totp.code(key, now() + 1)).param("remember", "true"))
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getResponse();
		String setCookie = passed.getHeader("Set-Cookie").lines().filter(h -> h.startsWith(RememberedDevices.COOKIE)).findFirst()
			.orElse(passed.getHeaders("Set-Cookie").stream().filter(h -> h.startsWith(RememberedDevices.COOKIE)).findFirst().orElseThrow());
		assertThat(setCookie).contains("HttpOnly", "SameSite=Lax", "Max-Age=" + 30 * 24 * 3600);
		Cookie device = new Cookie(RememberedDevices.COOKIE, setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';')));

		// the next sign-in on this browser: no gate
		SignedInBrowser again = SignedInBrowser.signIn(this.mvc, person.getUsername(), CompletedSetup.PASSWORD);
		again.perform(get("/").cookie(device)).andExpect(status().isOk());
		again.perform(get("/executive/inbox")).andExpect(status().isOk());

		// another person with a second factor, on the same browser: still asked
		UserAccount other = this.users.create(Role.EXECUTIVE);
		enrol(other);
		SignedInBrowser theirs = SignedInBrowser.signIn(this.mvc, other.getUsername(), CompletedSetup.PASSWORD);
		theirs.perform(get("/").cookie(device)).andExpect(redirectedUrl("/login/second-factor"));

		// listed on the person's page, and forgotten when revoked there
		Long deviceId = this.jdbc.queryForObject("select id from remembered_device where account_id = ?", Long.class,
				person.getId());
		again.perform(get("/account/security")).andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("/account/security/devices/" + deviceId + "/revoke")));
		again.perform(form("/account/security/devices/" + deviceId + "/revoke")).andExpect(redirectedUrl("/account/security"));
		SignedInBrowser afterRevoke = SignedInBrowser.signIn(this.mvc, person.getUsername(), CompletedSetup.PASSWORD);
		afterRevoke.perform(get("/").cookie(device)).andExpect(redirectedUrl("/login/second-factor"));
	}

	@Test
	void aRoleThatRequiresASecondFactorSendsAPersonWithoutOneToEnrol() throws Exception {
		UserAccount person = this.users.create(Role.RESPONDER);
		this.policy.change(EnumSet.of(Role.RESPONDER), "test");
		try {
			SignedInBrowser browser = SignedInBrowser.signIn(this.mvc, person.getUsername(), CompletedSetup.PASSWORD);
			browser.perform(get("/incidents/assigned")).andExpect(redirectedUrl("/account/security"));
			browser.perform(get("/account/security")).andExpect(status().isOk())
				.andExpect(model().attribute("mustEnrol", true));
			browser.perform(form("/account/security/app")).andExpect(redirectedUrl("/account/security"));
			byte[] key = AuthenticatorAppsTest.base32(this.apps.pendingSecret(person.getId()).orElseThrow());
			browser.perform(form("/account/security/app/confirm").param("code", "12x"))
				.andExpect(status().isOk())
				.andExpect(model().attributeHasFieldErrors("confirmForm", "code"));
			browser.perform(form("/account/security/app/confirm").param("code", Totp.code(key, now())))
				.andExpect(status().isOk())
				.andExpect(model().attribute("codes", org.hamcrest.Matchers.hasSize(10)));
			// the code just confirmed was the second factor: on to the page
			browser.perform(get("/incidents/assigned")).andExpect(status().isOk());
		}
		finally {
			this.policy.change(EnumSet.noneOf(Role.class), "test");
		}
	}

	@Test
	void anAdministratorsResetRemovesEverythingAndSignsThePersonOut() throws Exception {
		UserAccount person = this.users.create(Role.SECURITY_LEAD);
		byte[] key = enrol(person);
		SignedInBrowser browser = SignedInBrowser.signIn(this.mvc, person.getUsername(), CompletedSetup.PASSWORD);
		browser.perform(form("/login/second-factor").param("code", Totp.code(key, now() + 1)).param("remember", "true"))
			.andExpect(redirectedUrl("/"));
		browser.perform(get("/")).andExpect(status().isOk());

		this.mvc.perform(form("/admin/users/" + person.getId() + "/second-factors/reset").with(this.users.as(Role.ADMIN)))
			.andExpect(redirectedUrl("/admin/users/" + person.getId()));

		assertThat(this.apps.hasAny(person.getId())).isFalse();
		assertThat(this.jdbc.queryForObject("""
				select (select count(*) from recovery_code where account_id = ?) + (select count(*) from remembered_device where account_id = ?)""",
				Long.class, person.getId(), person.getId())).isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from audit_event where subject = ? and action = 'SECOND_FACTORS_RESET'",
				Long.class, person.getUsername())).isEqualTo(1);
		browser.perform(get("/")).andExpect(redirectedUrl("/login?expired"));
		// without a requirement for the role, the next sign-in needs the password only
		SignedInBrowser.signIn(this.mvc, person.getUsername(), CompletedSetup.PASSWORD).perform(get("/")).andExpect(status().isOk());
	}

	@Test
	void theAdministratorChoosesTheRolesAndABadRoleIsRefusedByTheField() throws Exception {
		var admin = this.users.as(Role.ADMIN);
		try {
			this.mvc.perform(get("/admin/sign-in-security").with(admin)).andExpect(status().isOk());
			this.mvc.perform(form("/admin/sign-in-security").with(admin).param("requiredRoles", "NOT_A_ROLE"))
				.andExpect(status().isOk())
				.andExpect(model().attributeHasFieldErrors("form", "requiredRoles"));
			assertThat(this.policy.requiredRoles()).isEmpty();
			this.mvc.perform(form("/admin/sign-in-security").with(admin).param("requiredRoles", "EXECUTIVE"))
				.andExpect(redirectedUrl("/admin/sign-in-security"));
			assertThat(this.policy.requiredRoles()).containsExactly(Role.EXECUTIVE);
		}
		finally {
			this.policy.change(EnumSet.noneOf(Role.class), "test");
		}
	}

}
