package jp.hikeshi.account.web;

import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.test.CompletedSetup;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.SignedInBrowser;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class SignInTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Test
	void anUnknownNameAndAWrongPasswordGetTheSameAnswer() throws Exception {
		UserAccount account = this.users.create(Role.REPORTER);
		this.mvc.perform(signIn(account.getUsername(), "wrong-password-123").with(from("10.9.0.1")))
			.andExpect(redirectedUrl("/login?error"));
		this.mvc.perform(signIn("nobody-by-this-name", "wrong-password-123").with(from("10.9.0.2")))
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void theSessionIdChangesAtSignIn() throws Exception {
		UserAccount account = this.users.create(Role.REPORTER);
		SignedInBrowser browser = new SignedInBrowser(this.mvc);
		browser.perform(get("/login"));
		String idBefore = browser.sessionId();
		assertThat(idBefore).as("the sign-in page's session (its CSRF token)").isNotNull();
		browser.perform(signIn(account.getUsername(), CompletedSetup.PASSWORD))
			.andExpect(redirectedUrl("/"));
		assertThat(browser.sessionId()).isNotNull().isNotEqualTo(idBefore);
	}

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	@Test
	void repeatedFailuresAreThrottledEvenWithTheRightPassword() throws Exception {
		UserAccount account = this.users.create(Role.REPORTER);
		for (int i = 0; i < 3; i++) {
			this.mvc.perform(signIn(account.getUsername(), "wrong-password-" + i)
					.with(from("10.9.1." + i)))
				.andExpect(redirectedUrl("/login?error"));
		}
		lengthenTheWait(account.getUsername());
		this.mvc.perform(signIn(account.getUsername(), CompletedSetup.PASSWORD)
				.with(from("10.9.1.99")))
			.andExpect(redirectedUrl("/login?throttled"));
	}

	@Test
	void namesThatDoNotExistAreThrottledAlike() throws Exception {
		for (int i = 0; i < 3; i++) {
			this.mvc.perform(signIn("ghost", "wrong-password-" + i).with(from("10.9.2." + i)))
				.andExpect(redirectedUrl("/login?error"));
		}
		lengthenTheWait("ghost");
		this.mvc.perform(signIn("ghost", "wrong-password-x").with(from("10.9.2.99")))
			.andExpect(redirectedUrl("/login?throttled"));
	}

	/**
	 * The third failure makes the next attempt wait one second; under load a request can take
	 * longer than that, so the name's last failure is moved a minute on (the throttle decides by
	 * PostgreSQL's comparison of times, not by a clock the test could hold still).
	 */
	private void lengthenTheWait(String username) {
		assertThat(this.jdbc.update("update sign_in_throttle set last_at = last_at + interval '1 minute' where key = ?",
				"password:" + username.toLowerCase(java.util.Locale.ROOT))).isEqualTo(1);
	}

	@Test
	void signingOutEndsTheSession() throws Exception {
		UserAccount account = this.users.create(Role.REPORTER);
		SignedInBrowser browser = SignedInBrowser.signIn(this.mvc, account.getUsername(), CompletedSetup.PASSWORD);
		browser.perform(get("/")).andExpect(status().isOk());
		browser.perform(post("/logout").contentType(MediaType.APPLICATION_FORM_URLENCODED).with(csrf()))
			.andExpect(redirectedUrl("/login?signedOut"));
		browser.perform(get("/")).andExpect(redirectedUrl("/login"));
	}

	private static MockHttpServletRequestBuilder signIn(String username, String password) {
		return post("/login").contentType(MediaType.APPLICATION_FORM_URLENCODED).with(csrf()).param("username", username).param("password", password);
	}

	private static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}
