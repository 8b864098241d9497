package jp.hikeshi.account.web;

import jp.hikeshi.account.AccountService;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.shared.web.Notice;
import jp.hikeshi.test.CompletedSetup;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.SignedInBrowser;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class UserAdminWebTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void anAdministratorCreatesAUserWhoCanThenSignIn() throws Exception {
		this.mvc.perform(newUser("kobayashi").with(admin()))
			.andExpect(redirectedUrlPattern("/admin/users/*"))
			.andExpect(flash().attribute("notice", Notice.of("user.created")));
		UserAccount created = this.accounts.findByUsername("kobayashi").orElseThrow();
		assertThat(created.getRoles()).containsExactlyInAnyOrder(Role.REPORTER, Role.RESPONDER);

		this.mvc.perform(formLogin("/login").user("kobayashi").password(CompletedSetup.PASSWORD))
			.andExpect(redirectedUrl("/"));
		this.mvc.perform(get("/admin/users").with(admin()))
			.andExpect(content().string(containsString("kobayashi")));
	}

	@Test
	void badInputIsExplainedAndNothingIsSaved() throws Exception {
		long before = countUsers();
		this.mvc.perform(post("/admin/users").contentType(MediaType.APPLICATION_FORM_URLENCODED).with(csrf()).with(admin())
				.param("username", "")
				.param("displayName", "x".repeat(101))
				.param("department", "営業\u0000部")
				.param("email", "not-an-address")
				.param("password", CompletedSetup.PASSWORD)
				.param("passwordConfirmation", "something else"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "username", "NotBlank"))
			.andExpect(model().attributeHasFieldErrorCode("form", "displayName", "Size"))
			.andExpect(model().attributeHasFieldErrorCode("form", "department", "PlainText"))
			.andExpect(model().attributeHasFieldErrorCode("form", "email", "Email"))
			.andExpect(model().attributeHasFieldErrorCode("form", "roles", "NotEmpty"))
			.andExpect(model().attributeHasFieldErrorCode("form", "passwordConfirmation", "password.mismatch"))
			.andExpect(content().string(containsString("入力してください。")));

		this.mvc.perform(newUser(CompletedSetup.ADMIN.toUpperCase()).with(admin()))
			.andExpect(model().attributeHasFieldErrorCode("form", "username", "username.taken"));
		this.mvc.perform(newUser("weakling", "qwerty123456").with(admin()))
			.andExpect(model().attributeHasFieldErrorCode("form", "password", "password.common"));
		assertThat(countUsers()).isEqualTo(before);
	}

	@Test
	void aTamperedRoleIsAFieldErrorNotAFailure() throws Exception {
		this.mvc.perform(newUser("tampered").param("roles", "ROOT").with(admin()))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "roles", "typeMismatch"));
		assertThat(this.accounts.findByUsername("tampered")).isEmpty();
	}

	@Test
	void scriptInANameIsStoredAsTextAndShownEscaped() throws Exception {
		this.mvc.perform(newUser("escaped-name").param("displayName", "<img src=x onerror=alert(1)>").with(admin()))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/admin/users").with(admin()))
			.andExpect(content().string(containsString("&lt;img src=x onerror=alert(1)&gt;")))
			.andExpect(content().string(not(containsString("<img src=x"))));
	}

	@Test
	void withoutAValidCsrfTokenNothingHappens() throws Exception {
		this.mvc.perform(post("/admin/users").contentType(MediaType.APPLICATION_FORM_URLENCODED).with(admin()).param("username", "no-token"))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/admin/users").contentType(MediaType.APPLICATION_FORM_URLENCODED).with(admin()).with(csrf().useInvalidToken()).param("username", "bad-token"))
			.andExpect(status().isForbidden());
		assertThat(this.accounts.findByUsername("no-token")).isEmpty();
		assertThat(this.accounts.findByUsername("bad-token")).isEmpty();
	}

	@Test
	void formsTakeOnlyFormData() throws Exception {
		this.mvc.perform(post("/admin/users").contentType(MediaType.APPLICATION_FORM_URLENCODED).with(admin()).with(csrf())
				.contentType("application/json")
				.content("{\"username\":\"json-user\"}"))
			.andExpect(status().isUnsupportedMediaType());
		assertThat(this.accounts.findByUsername("json-user")).isEmpty();
	}

	@Test
	void anEditFromAStalePageIsRefusedWithWhatWasTypedStillThere() throws Exception {
		UserAccount account = this.users.create(Role.REPORTER);
		this.mvc.perform(post("/admin/users/{id}", account.getId()).contentType(MediaType.APPLICATION_FORM_URLENCODED).with(csrf()).with(admin())
				.param("displayName", "最新").param("roles", "REPORTER").param("version", String.valueOf(account.getVersion())))
			.andExpect(redirectedUrl("/admin/users/" + account.getId()));
		this.mvc.perform(post("/admin/users/{id}", account.getId()).contentType(MediaType.APPLICATION_FORM_URLENCODED).with(csrf()).with(admin())
				.param("displayName", "古い画面").param("roles", "ADMIN").param("version", String.valueOf(account.getVersion())))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasErrors("form"))
			.andExpect(content().string(containsString("この画面を開いた後に、他の人が同じ内容を変更しました")))
			.andExpect(content().string(containsString("value=\"古い画面\"")));
		UserAccount now = this.accounts.findById(account.getId()).orElseThrow();
		assertThat(now.getDisplayName()).isEqualTo("最新");
		assertThat(now.getRoles()).containsExactly(Role.REPORTER);
	}

	@Test
	void anUnknownUserIsNotFound() throws Exception {
		this.mvc.perform(get("/admin/users/{id}", Long.MAX_VALUE).with(admin())).andExpect(status().isNotFound());
		this.mvc.perform(get("/admin/users/not-a-number").with(admin())).andExpect(status().isBadRequest());
	}

	@Test
	void aUserDisabledWhileSignedInIsSignedOutAtOnce() throws Exception {
		UserAccount account = this.users.create(Role.REPORTER);
		SignedInBrowser session = new SignedInBrowser(this.mvc);
		session.perform(post("/login").contentType(MediaType.APPLICATION_FORM_URLENCODED).with(csrf())
				.param("username", account.getUsername()).param("password", CompletedSetup.PASSWORD))
			.andExpect(redirectedUrl("/"));
		session.perform(get("/")).andExpect(status().isOk());

		this.mvc.perform(post("/admin/users/{id}/disable", account.getId()).contentType(MediaType.APPLICATION_FORM_URLENCODED).with(csrf()).with(admin())
				.param("version", String.valueOf(account.getVersion())))
			.andExpect(flash().attribute("notice", Notice.of("user.disabled")));

		session.perform(get("/")).andExpect(redirectedUrl("/login?expired"));
		this.mvc.perform(formLogin("/login").user(account.getUsername()).password(CompletedSetup.PASSWORD))
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void aResetPasswordMustBeChangedBeforeAnythingElse() throws Exception {
		UserAccount account = this.users.create(Role.EXECUTIVE);
		this.mvc.perform(post("/admin/users/{id}/password", account.getId()).contentType(MediaType.APPLICATION_FORM_URLENCODED).with(csrf()).with(admin())
				.param("password", "temporary-Bridge-2026").param("passwordConfirmation", "temporary-Bridge-2026"))
			.andExpect(flash().attribute("notice", Notice.of("user.passwordReset")));

		SignedInBrowser session = new SignedInBrowser(this.mvc);
		session.perform(post("/login").contentType(MediaType.APPLICATION_FORM_URLENCODED).with(csrf())
				.param("username", account.getUsername()).param("password", "temporary-Bridge-2026"))
			.andExpect(redirectedUrl("/account/password"));
		session.perform(get("/")).andExpect(redirectedUrl("/account/password"));
		session.perform(post("/account/password").contentType(MediaType.APPLICATION_FORM_URLENCODED).with(csrf())
				.param("currentPassword", "temporary-Bridge-2026")
				.param("password", "my-own-Bridge-2027")
				.param("passwordConfirmation", "my-own-Bridge-2027"))
			.andExpect(redirectedUrl("/"));
		session.perform(get("/")).andExpect(status().isOk());
	}

	private MockHttpServletRequestBuilder newUser(String username) {
		return newUser(username, CompletedSetup.PASSWORD);
	}

	private MockHttpServletRequestBuilder newUser(String username, String password) {
		return post("/admin/users").contentType(MediaType.APPLICATION_FORM_URLENCODED).with(csrf())
			.param("username", username)
			.param("displayName", "小林 次郎")
			.param("department", "経理部")
			.param("roles", "REPORTER", "RESPONDER")
			.param("password", password)
			.param("passwordConfirmation", password);
	}

	private RequestPostProcessor admin() {
		return this.users.signedIn(CompletedSetup.ADMIN);
	}

	private long countUsers() {
		return this.jdbc.queryForObject("select count(*) from user_account", Long.class);
	}

}
