package jp.hikeshi.audit.web;

import java.util.List;
import java.util.Map;

import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.test.CompletedSetup;
import jp.hikeshi.test.FormPage;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.SignedInBrowser;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Signing in and out, and API tokens, on the audit trail with where they came from; the
 * administrator's filters, and what they say to filters they cannot read.
 */
@IntegrationTest
class SignInAuditTest {

	private static final String BROWSER = "Mozilla/5.0 (Windows NT 10.0) " + "x".repeat(300);

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void successesFailuresAndSignOutsAreRecordedWithAddressAndUserAgent() throws Exception {
		UserAccount account = this.users.create(Role.REPORTER);
		// a password typed into the name field is kept as it was typed, for the administrator only
		String typedIntoTheName = "Oops-" + account.getUsername() + "-pw!";
		this.mvc.perform(signIn(typedIntoTheName, "whatever-1").with(from("10.66.1.7")))
			.andExpect(redirectedUrl("/login?error"));
		SignedInBrowser browser = new SignedInBrowser(this.mvc);
		browser.perform(signIn(account.getUsername(), CompletedSetup.PASSWORD).with(from("10.66.1.8")))
			.andExpect(redirectedUrl("/"));
		browser.perform(post("/logout").with(csrf()).with(from("10.66.1.9")))
			.andExpect(redirectedUrl("/login?signedOut"));

		assertThat(entries(typedIntoTheName)).containsExactly(
				Map.of("action", "SIGN_IN_FAILED", "actor", typedIntoTheName, "address", "10.66.1.7", "user_agent",
						BROWSER.substring(0, 200)));
		assertThat(entries(account.getUsername())).extracting(row -> row.get("action") + " " + row.get("address"))
			.containsExactly("SIGNED_IN 10.66.1.8", "SIGNED_OUT 10.66.1.9");
	}

	@Test
	void aThrottledAttemptIsRecordedAsSuch() throws Exception {
		String name = "audit-ghost-" + System.nanoTime();
		for (int i = 0; i < 4; i++) {
			this.mvc.perform(signIn(name, "wrong-" + i).with(from("10.66.2." + i)));
		}
		assertThat(entries(name)).extracting(row -> row.get("action"))
			.containsExactly("SIGN_IN_FAILED", "SIGN_IN_FAILED", "SIGN_IN_FAILED", "SIGN_IN_THROTTLED");
	}

	@Test
	void anApiTokenIsRecordedWhenMadeAndOnceAMinuteWhenUsed() throws Exception {
		UserAccount owner = this.users.create(Role.SECURITY_LEAD);
		String bearer = this.users.bearerOf(owner.getUsername());
		for (int i = 0; i < 3; i++) {
			this.mvc.perform(get("/api/v1/me").with(TestUsers.api(bearer))).andExpect(status().isOk());
		}
		assertThat(entries(owner.getUsername())).extracting(row -> row.get("action"))
			.containsExactly("API_TOKEN_CREATED", "API_TOKEN_USED");
	}

	@Test
	void theAdministratorFiltersByKindPersonAddressAndDays() throws Exception {
		String name = "audit-filtered-" + System.nanoTime();
		this.mvc.perform(signIn(name, "wrong-1").with(from("10.67.3.1")));
		this.mvc.perform(signIn(name, "wrong-2").with(from("10.68.3.1")));

		String html = this.mvc
			.perform(get("/admin/audit").with(admin())
				.param("kind", "SIGN_IN_FAILED")
				.param("person", name.toUpperCase())
				.param("address", "10.67.")
				.param("from", "2020-01-01")
				.param("to", "2099-12-31"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(html).contains("10.67.3.1", "サインインの失敗").doesNotContain("10.68.3.1", "SIGN_IN_FAILED<");

		html = this.mvc.perform(get("/admin/audit").with(admin()).param("kind", "SIGN_IN").param("person", name))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(html).contains("10.67.3.1", "10.68.3.1");
	}

	@Test
	void filtersThatCannotBeReadAreNamedNextToTheirFieldNever500() throws Exception {
		FormPage page = FormPage.of(this.mvc
			.perform(get("/admin/audit").with(admin())
				.param("kind", "DROP TABLE")
				.param("address", "<script>")
				.param("from", "-999999999-01-01")
				.param("to", "yesterday")
				.param("page", "2147483647"))
			.andExpect(status().isBadRequest())
			.andReturn().getResponse().getContentAsString());
		assertThat(page.errorAt("kind")).isEqualTo("一覧から操作を選んでください。");
		assertThat(page.errorAt("address")).startsWith("数字・ピリオド・コロンだけで");
		assertThat(page.errorAt("from")).isEqualTo("2000年1月1日から2099年12月31日までの日付を入力してください。");
		assertThat(page.errorAt("to")).isEqualTo("日付を YYYY-MM-DD の形で入力してください。");
		assertThat(page.valueOf("address")).as("what was typed stays").isEqualTo("<script>");
		assertThat(page.html()).doesNotContain("<script>");

		page = FormPage.of(this.mvc
			.perform(get("/admin/audit").with(admin()).param("from", "2026-12-02").param("to", "2026-12-01"))
			.andExpect(status().isBadRequest())
			.andReturn().getResponse().getContentAsString());
		assertThat(page.errorAt("to")).isEqualTo("終了日が開始日より前になっています。");
	}

	private List<Map<String, Object>> entries(String name) {
		return this.jdbc.queryForList("""
				select action, actor, address, user_agent from audit_event
				where (lower(subject) = lower(?) or lower(actor) = lower(?)) and action <> 'ACCOUNT_CREATED' order by id""", name, name)
			.stream()
			.map(row -> row.get("action").toString().startsWith("SIGN_IN_FAILED")
					? Map.<String, Object>of("action", row.get("action"), "actor", row.get("actor"), "address",
							row.get("address"), "user_agent", row.get("user_agent"))
					: row)
			.toList();
	}

	private RequestPostProcessor admin() {
		return this.users.signedIn(CompletedSetup.ADMIN);
	}

	private static MockHttpServletRequestBuilder signIn(String username, String password) {
		return post("/login").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.with(csrf())
			.header(HttpHeaders.USER_AGENT, BROWSER)
			.param("username", username)
			.param("password", password);
	}

	private static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}
