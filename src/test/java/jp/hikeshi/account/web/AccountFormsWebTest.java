package jp.hikeshi.account.web;

import jp.hikeshi.account.AccountService;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.test.CompletedSetup;
import jp.hikeshi.test.FormPage;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every account form refused: the reason next to its field with its arguments filled in, what
 * was typed still in the fields — except passwords, never written back — and nothing saved.
 */
@IntegrationTest
class AccountFormsWebTest {

	private static final String TYPED_PASSWORD = "short-pw";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aNewUserRefusedKeepsWhatWasTypedButThePasswords() throws Exception {
		long before = countUsers();
		String html = this.mvc.perform(post("/admin/users").contentType(MediaType.APPLICATION_FORM_URLENCODED).with(csrf()).with(admin())
				.param("username", "tanaka.hanako")
				.param("displayName", "田中 <花子> & \"チーム\"")
				.param("department", "総務部")
				.param("email", "hanako@example.jp")
				.param("roles", "REPORTER", "SECURITY_LEAD")
				.param("password", TYPED_PASSWORD)
				.param("passwordConfirmation", TYPED_PASSWORD))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "password", "password.tooShort"))
			.andExpect(content().string(not(containsString(TYPED_PASSWORD))))
			.andReturn().getResponse().getContentAsString();
		FormPage page = FormPage.of(html);
		assertThat(page.errorAt("password")).isEqualTo("12文字以上にしてください。");
		assertThat(page.valueOf("username")).isEqualTo("tanaka.hanako");
		assertThat(page.valueOf("displayName")).isEqualTo("田中 <花子> & \"チーム\"");
		assertThat(page.valueOf("department")).isEqualTo("総務部");
		assertThat(page.valueOf("email")).isEqualTo("hanako@example.jp");
		assertThat(page.isChecked("roles2")).as("SECURITY_LEAD").isTrue();
		assertThat(page.valueOf("password")).isEmpty();
		assertThat(page.valueOf("passwordConfirmation")).isEmpty();
		assertThat(countUsers()).isEqualTo(before);

		html = this.mvc.perform(post("/admin/users").contentType(MediaType.APPLICATION_FORM_URLENCODED).with(csrf()).with(admin())
				.param("username", "ab")
				.param("displayName", "名".repeat(101))
				.param("roles", "REPORTER")
				.param("password", CompletedSetup.PASSWORD)
				.param("passwordConfirmation", CompletedSetup.PASSWORD + "x"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		page = FormPage.of(html);
		assertThat(page.errorAt("username")).isEqualTo("3〜64文字で入力してください。");
		assertThat(page.errorAt("displayName")).isEqualTo("100文字以内で入力してください。");
		assertThat(page.errorAt("passwordConfirmation")).isEqualTo("2つのパスワードが一致しません。");
		assertThat(page.valueOf("displayName")).isEqualTo("名".repeat(101));
		assertThat(html).doesNotContain(CompletedSetup.PASSWORD);
		assertThat(countUsers()).isEqualTo(before);
	}

	@Test
	void anEditRefusedKeepsWhatWasTyped() throws Exception {
		UserAccount account = this.users.create(Role.REPORTER);
		String html = this.mvc.perform(post("/admin/users/{id}", account.getId()).contentType(MediaType.APPLICATION_FORM_URLENCODED).with(csrf()).with(admin())
				.param("displayName", "新しい名前")
				.param("department", "営業\u0007部")
				.param("email", "not-an-address")
				.param("roles", "REPORTER", "RESPONDER")
				.param("version", String.valueOf(account.getVersion())))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		FormPage page = FormPage.of(html);
		assertThat(page.errorAt("department")).isEqualTo("制御文字や見えない書式文字が含まれています。取り除いてください。");
		assertThat(page.errorAt("email")).isEqualTo("メールアドレスの形式ではありません。");
		assertThat(page.valueOf("displayName")).isEqualTo("新しい名前");
		assertThat(page.valueOf("email")).isEqualTo("not-an-address");
		assertThat(page.isChecked("roles3")).as("RESPONDER").isTrue();
		assertThat(page.valueOf("version")).isEqualTo(String.valueOf(account.getVersion()));
		UserAccount now = this.accounts.findById(account.getId()).orElseThrow();
		assertThat(now.getDisplayName()).isEqualTo(account.getDisplayName());
		assertThat(now.getRoles()).containsExactly(Role.REPORTER);

		this.mvc.perform(post("/admin/users/{id}", account.getId()).contentType(MediaType.APPLICATION_FORM_URLENCODED).with(csrf()).with(admin())
				.param("displayName", "新しい名前")
				.param("version", String.valueOf(account.getVersion())))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "roles", "NotEmpty"))
			.andExpect(content().string(containsString("1つ以上選んでください。")));
		assertThat(this.accounts.findById(account.getId()).orElseThrow().getRoles()).containsExactly(Role.REPORTER);
	}

	@Test
	void aPasswordResetRefusedSaysWhyAndEchoesNothing() throws Exception {
		UserAccount account = this.users.create(Role.REPORTER);
		String hash = passwordHashOf(account);
		String html = this.mvc.perform(post("/admin/users/{id}/password", account.getId()).contentType(MediaType.APPLICATION_FORM_URLENCODED).with(csrf()).with(admin())
				.param("password", TYPED_PASSWORD)
				.param("passwordConfirmation", TYPED_PASSWORD))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("resetForm", "password", "password.tooShort"))
			.andReturn().getResponse().getContentAsString();
		FormPage page = FormPage.of(html);
		assertThat(page.errorAt("password")).isEqualTo("12文字以上にしてください。");
		assertThat(page.valueOf("password")).isEmpty();
		assertThat(html).doesNotContain(TYPED_PASSWORD);
		assertThat(page.valueOf("displayName")).as("the other form shows the account").isEqualTo(account.getDisplayName());
		assertThat(passwordHashOf(account)).isEqualTo(hash);
	}

	@Test
	void anOwnPasswordChangeRefusedSaysWhyAndEchoesNothing() throws Exception {
		UserAccount account = this.users.create(Role.REPORTER);
		String hash = passwordHashOf(account);
		String wrongCurrent = "not-my-password-at-all";
		String html = this.mvc.perform(ownPassword(account, wrongCurrent, "brand-New-lantern-77", "brand-New-lantern-77"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "currentPassword", "password.currentWrong"))
			.andReturn().getResponse().getContentAsString();
		FormPage page = FormPage.of(html);
		assertThat(page.errorAt("currentPassword")).isEqualTo("現在のパスワードが違います。");
		assertThat(html).doesNotContain(wrongCurrent, "brand-New-lantern-77");

		html = this.mvc.perform(ownPassword(account, CompletedSetup.PASSWORD, "x".repeat(73), "x".repeat(73)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(FormPage.of(html).errorAt("password")).isEqualTo("パスワードが長すぎます（72バイトまで。日本語は1文字3バイトです）。");
		assertThat(html).doesNotContain("x".repeat(73), CompletedSetup.PASSWORD);
		assertThat(passwordHashOf(account)).isEqualTo(hash);
	}

	private MockHttpServletRequestBuilder ownPassword(UserAccount account, String current, String password,
			String confirmation) {
		return post("/account/password").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.with(csrf())
			.with(this.users.signedIn(account.getUsername()))
			.param("currentPassword", current)
			.param("password", password)
			.param("passwordConfirmation", confirmation);
	}

	private RequestPostProcessor admin() {
		return this.users.signedIn(CompletedSetup.ADMIN);
	}

	private long countUsers() {
		return this.jdbc.queryForObject("select count(*) from user_account", Long.class);
	}

	private String passwordHashOf(UserAccount account) {
		return this.jdbc.queryForObject("select password_hash from user_account where id = ?", String.class,
				account.getId());
	}

}
