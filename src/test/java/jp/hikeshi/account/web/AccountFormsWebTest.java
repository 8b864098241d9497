package jp.hikeshi.account.web;

import java.util.Locale;

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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
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

	private static final String ONE_ADDRESS = "メールアドレスを1つだけ、name@example.com の形で入力してください。";

	private static final String PHONE_CHARACTERS = "電話番号は数字・スペース・+ - ( ) だけで入力してください。";

	/** A line break in an address would add a mail header to every notice sent to it. */
	private static final String HEADER_INJECTION = "a@example.com\r\nBcc: x@evil.example";

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
		assertThat(page.errorAt("email")).isEqualTo(ONE_ADDRESS);
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
	void anAddressWithALineBreakIsRefusedNextToItsFieldAndNothingIsSaved() throws Exception {
		long before = countUsers();
		String html = this.mvc.perform(newUser("header-injected").param("email", HEADER_INJECTION).param("phone", "03-1234-5678"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "email", "Email"))
			.andReturn().getResponse().getContentAsString();
		FormPage page = FormPage.of(html);
		assertThat(page.errorAt("email")).isEqualTo(ONE_ADDRESS);
		assertThat(page.valueOf("email")).isEqualTo(HEADER_INJECTION);
		assertThat(page.valueOf("phone")).isEqualTo("03-1234-5678");
		assertThat(countUsers()).isEqualTo(before);
		assertThat(this.accounts.findByUsername("header-injected")).isEmpty();

		for (String notOne : new String[] { "a@example.com\nBcc: x@evil.example", "a@example.com, b@example.com",
				"a@example.com;b@example.com", "\"a\r\nBcc: x\"@example.com", "山田 <a@example.com>" }) {
			this.mvc.perform(newUser("header-injected").param("email", notOne))
				.andExpect(status().isOk())
				.andExpect(model().attributeHasFieldErrorCode("form", "email", "Email"));
		}
		assertThat(countUsers()).isEqualTo(before);

		UserAccount account = this.users.create(Role.SECURITY_LEAD);
		html = this.mvc.perform(edit(account).param("email", HEADER_INJECTION).param("phone", "03-1234-5678"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "email", "Email"))
			.andReturn().getResponse().getContentAsString();
		assertThat(FormPage.of(html).errorAt("email")).isEqualTo(ONE_ADDRESS);
		UserAccount now = this.accounts.findById(account.getId()).orElseThrow();
		assertThat(now.getEmail()).isNull();
		assertThat(now.getPhone()).isNull();
		assertThat(now.getVersion()).isEqualTo(account.getVersion());
	}

	@Test
	void aPhoneNumberIsKeptAndShownAgain() throws Exception {
		UserAccount account = this.users.create(Role.SECURITY_LEAD);
		this.mvc.perform(edit(account).param("email", "lead@example.co.jp").param("phone", "+81 (3) 1234-5678"))
			.andExpect(status().is3xxRedirection());
		UserAccount now = this.accounts.findById(account.getId()).orElseThrow();
		assertThat(now.getPhone()).isEqualTo("+81 (3) 1234-5678");
		assertThat(now.getEmail()).isEqualTo("lead@example.co.jp");
		String html = this.mvc.perform(get("/admin/users/{id}", account.getId()).with(admin()))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(FormPage.of(html).valueOf("phone")).isEqualTo("+81 (3) 1234-5678");
		assertThat(html).contains("type=\"tel\"");

		this.mvc.perform(newUser("with-phone").param("phone", "０３－１２３４－５６７８"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.accounts.findByUsername("with-phone").orElseThrow().getPhone()).isEqualTo("０３－１２３４－５６７８");
	}

	@Test
	void aPhoneNumberWithLettersOrTooLongIsRefusedWithWhatWasTypedStillThere() throws Exception {
		long before = countUsers();
		String html = this.mvc.perform(newUser("phone-letters").param("phone", "03-1234-5678 内線12"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "phone", "Pattern"))
			.andReturn().getResponse().getContentAsString();
		FormPage page = FormPage.of(html);
		assertThat(page.errorAt("phone")).isEqualTo(PHONE_CHARACTERS);
		assertThat(page.valueOf("phone")).isEqualTo("03-1234-5678 内線12");
		assertThat(page.valueOf("username")).isEqualTo("phone-letters");

		html = this.mvc.perform(newUser("phone-letters").param("phone", "03-1234-5678\r\nX"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(FormPage.of(html).errorAt("phone")).isEqualTo(PHONE_CHARACTERS);

		html = this.mvc.perform(newUser("phone-letters").param("phone", "0".repeat(31)))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "phone", "Size"))
			.andReturn().getResponse().getContentAsString();
		assertThat(FormPage.of(html).errorAt("phone")).isEqualTo("30文字以内で入力してください。");

		this.mvc.perform(newUser("phone-letters").param("phone", "( ) - +"))
			.andExpect(model().attributeHasFieldErrorCode("form", "phone", "Pattern"));
		assertThat(countUsers()).isEqualTo(before);

		UserAccount account = this.users.create(Role.SECURITY_LEAD);
		html = this.mvc.perform(edit(account).param("phone", "call me"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		page = FormPage.of(html);
		assertThat(page.errorAt("phone")).isEqualTo(PHONE_CHARACTERS);
		assertThat(page.valueOf("phone")).isEqualTo("call me");
		assertThat(this.accounts.findById(account.getId()).orElseThrow().getPhone()).isNull();
	}

	private MockHttpServletRequestBuilder newUser(String username) {
		return post("/admin/users").contentType(MediaType.APPLICATION_FORM_URLENCODED).with(csrf()).with(admin())
			.param("username", username)
			.param("displayName", "表示名")
			.param("roles", "REPORTER", "SECURITY_LEAD")
			.param("password", CompletedSetup.PASSWORD)
			.param("passwordConfirmation", CompletedSetup.PASSWORD);
	}

	private MockHttpServletRequestBuilder edit(UserAccount account) {
		return post("/admin/users/{id}", account.getId()).contentType(MediaType.APPLICATION_FORM_URLENCODED).with(csrf()).with(admin())
			.param("displayName", account.getDisplayName())
			.param("roles", "REPORTER", "SECURITY_LEAD")
			.param("version", String.valueOf(account.getVersion()));
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

	@Test
	void theCurrentPasswordCannotBeGuessedWithoutLimit() throws Exception {
		UserAccount account = this.users.create(Role.REPORTER);
		String hash = passwordHashOf(account);
		for (int i = 0; i < 12; i++) {
			this.mvc.perform(ownPassword(account, "guess-number-" + i, "brand-New-lantern-77", "brand-New-lantern-77"))
				.andExpect(status().isOk());
		}
		String key = "password-change:" + account.getUsername().toLowerCase(Locale.ROOT);
		assertThat(this.jdbc.queryForObject("select failures from sign_in_throttle where key = ?", Integer.class, key))
			.as("the guesses are counted per account, the three free ones at least").isGreaterThanOrEqualTo(3);
		// past the free three each guess waits twice as long as the one before (LoginThrottleTest, on its
		// own clock); a busy machine outwaited those seconds between two requests, so the guesses are
		// taken to where minutes of them lead: ten, the last just now, which locks the form for a while
		this.jdbc.update("update sign_in_throttle set failures = 10, last_at = now() where key = ?", key);
		String html = this.mvc
			.perform(ownPassword(account, CompletedSetup.PASSWORD, "brand-New-lantern-77", "brand-New-lantern-77"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "currentPassword", "password.changeThrottled"))
			.andReturn().getResponse().getContentAsString();
		assertThat(FormPage.of(html).errorAt("currentPassword"))
			.isEqualTo("現在のパスワードの誤りが続いたため、しばらく受け付けません。数分待ってから、もう一度お試しください。");
		assertThat(passwordHashOf(account)).as("even the right password waits").isEqualTo(hash);
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
