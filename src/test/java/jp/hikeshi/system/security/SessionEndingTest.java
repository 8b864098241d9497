package jp.hikeshi.system.security;

import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.test.CompletedSetup;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.SignedInBrowser;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Sessions end where a person expects them to: a new password of one's own ends one's other
 * sessions (a thief's among them) but not the one that changed it, and a session cookie copied
 * before signing out opens nothing afterwards.
 */
@IntegrationTest
class SessionEndingTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theSessionIsKeptInPostgresqlBehindAnHttpOnlyLaxCookie() throws Exception {
		UserAccount account = this.users.create(Role.REPORTER);
		MvcResult signedIn = this.mvc.perform(post("/login").contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.with(csrf())
				.param("username", account.getUsername())
				.param("password", CompletedSetup.PASSWORD))
			.andExpect(redirectedUrl("/"))
			.andReturn();
		assertThat(signedIn.getResponse().getHeaders("Set-Cookie")).isNotEmpty()
			.allSatisfy(cookie -> assertThat(cookie).startsWith(SignedInBrowser.COOKIE + "=")
				.contains("HttpOnly")
				.contains("SameSite=Lax"));
		assertThat(this.jdbc.queryForObject("select count(*) from spring_session where principal_name = ?", Long.class,
				account.getUsername())).isOne();
	}

	@Test
	void aSessionsAccessTimeIsWrittenOnceAMinuteNotAfterEveryPage() throws Exception {
		UserAccount account = this.users.create(Role.REPORTER);
		SignedInBrowser browser = SignedInBrowser.signIn(this.mvc, account.getUsername(), CompletedSetup.PASSWORD);
		browser.perform(get("/")).andExpect(status().isOk());
		long written = lastAccess(account);

		browser.perform(get("/")).andExpect(status().isOk());
		assertThat(lastAccess(account)).as("a page a moment later writes nothing").isEqualTo(written);

		// the access time it holds is a minute and a half old: the next page writes it, and the expiry with it
		this.jdbc.update("""
				update spring_session set last_access_time = last_access_time - 90000, expiry_time = expiry_time - 90000
				where principal_name = ?""", account.getUsername());
		long before = System.currentTimeMillis();
		browser.perform(get("/")).andExpect(status().isOk());
		assertThat(lastAccess(account)).isGreaterThanOrEqualTo(before);
		assertThat(this.jdbc.queryForObject(
				"select expiry_time - last_access_time from spring_session where principal_name = ?", Long.class,
				account.getUsername())).isEqualTo(30 * 60 * 1000L);
	}

	private long lastAccess(UserAccount account) {
		return this.jdbc.queryForObject("select last_access_time from spring_session where principal_name = ?",
				Long.class, account.getUsername());
	}

	@Test
	void changingOnesOwnPasswordEndsOnesOtherSessionsButNotThisOne() throws Exception {
		UserAccount account = this.users.create(Role.REPORTER);
		SignedInBrowser desk = SignedInBrowser.signIn(this.mvc, account.getUsername(), CompletedSetup.PASSWORD);
		SignedInBrowser phone = SignedInBrowser.signIn(this.mvc, account.getUsername(), CompletedSetup.PASSWORD);
		phone.perform(get("/")).andExpect(status().isOk());

		desk.perform(post("/account/password").contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.with(csrf())
				.param("currentPassword", CompletedSetup.PASSWORD)
				.param("password", "a-Fresh-Lantern-2031")
				.param("passwordConfirmation", "a-Fresh-Lantern-2031"))
			.andExpect(redirectedUrl("/"));

		desk.perform(get("/")).andExpect(status().isOk());
		phone.perform(get("/")).andExpect(redirectedUrl("/login?expired"));
	}

	@Test
	void aSessionCookieCopiedBeforeSigningOutOpensNothingAfterwards() throws Exception {
		UserAccount account = this.users.create(Role.REPORTER);
		SignedInBrowser owner = SignedInBrowser.signIn(this.mvc, account.getUsername(), CompletedSetup.PASSWORD);
		SignedInBrowser thief = owner.copy();
		thief.perform(get("/")).andExpect(status().isOk());

		owner.perform(post("/logout").contentType(MediaType.APPLICATION_FORM_URLENCODED).with(csrf()))
			.andExpect(redirectedUrl("/login?signedOut"));

		thief.perform(get("/")).andExpect(redirectedUrl("/login"));
		thief.perform(get("/account/password")).andExpect(redirectedUrl("/login"));
	}

}
