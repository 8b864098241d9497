package jp.hikeshi.account.web;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Locale;
import java.util.regex.Pattern;

import jp.hikeshi.account.AccountCommands.CreateAccount;
import jp.hikeshi.account.AccountCommands.UpdateAccount;
import jp.hikeshi.account.AccountService;
import jp.hikeshi.account.Actor;
import jp.hikeshi.account.ApiToken;
import jp.hikeshi.account.ApiTokens;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.audit.AuditAction;
import jp.hikeshi.audit.AuditEvent;
import jp.hikeshi.audit.AuditLog;
import jp.hikeshi.organisation.OrganisationService;
import jp.hikeshi.shared.ReadableTime;
import jp.hikeshi.shared.web.Notice;
import jp.hikeshi.test.CompletedSetup;
import jp.hikeshi.test.FormPage;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.SignedInBrowser;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static jp.hikeshi.test.TestUsers.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The token pages: a person makes a token and sees it once, reads their list in words, revokes
 * their own; the administrator sees and revokes everyone's; refused forms keep what was typed.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ApiTokenWebTest {

	/** An ISO-8601 date or time, as a page must never show one. */
	private static final Pattern ISO = Pattern.compile("\\d{4}-\\d{2}-\\d{2}|T\\d{2}:\\d{2}");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	ApiTokens tokens;

	@Autowired
	AccountService accounts;

	@Autowired
	OrganisationService organisations;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPersonMakesATokenSeesItOnceAndItWorks(CapturedOutput output) throws Exception {
		UserAccount staff = this.users.create(Role.REPORTER);
		RequestPostProcessor me = this.users.signedIn(staff.getUsername());
		SignedInBrowser browser = new SignedInBrowser(this.mvc);
		MvcResult made = browser.perform(create(me, "メールゲートウェイ", "30"))
			.andExpect(redirectedUrl("/account/tokens"))
			.andExpect(flash().attributeExists("created"))
			.andReturn();
		ApiTokenForm.Shown shown = (ApiTokenForm.Shown) made.getFlashMap().get("created");
		assertThat(shown.secret()).startsWith(ApiTokens.PREFIX);
		assertThat(made.getResponse().getRedirectedUrl()).doesNotContain(shown.secret());

		// the example names the configured address (hikeshi.public-base-url), not the one the request named
		String once = browser.perform(get("/account/tokens").with(me))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(FormPage.of(once).valueOf("created-token")).isEqualTo(shown.secret());
		assertThat(once).contains("トークンが表示されるのは今だけです", "Authorization: Bearer " + shown.secret(),
				"curl -H &quot;Authorization: Bearer " + shown.secret() + "&quot; http://localhost:8080/api/v1/me");

		String again = page(me, Locale.JAPANESE);
		assertThat(again).as("shown once only").doesNotContain(shown.secret());
		ApiToken token = this.tokens.mine(actor(staff)).get(0).token();
		String zone = this.organisations.timeZone().getId();
		assertThat(visible(again)).contains("メールゲートウェイ", token.getHint(), "有効", "未使用",
				ReadableTime.dateTime(token.getCreatedAt(), java.time.ZoneId.of(zone), Locale.JAPANESE),
				ReadableTime.dateTime(token.getExpiresAt(), java.time.ZoneId.of(zone), Locale.JAPANESE));
		assertThat(token.getExpiresAt()).isBetween(token.getCreatedAt().plus(java.time.Duration.ofDays(30)).minusSeconds(1),
				token.getCreatedAt().plus(java.time.Duration.ofDays(30)).plusSeconds(1));

		this.mvc.perform(get("/api/v1/me").with(api("Bearer " + shown.secret())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.person.username").value(staff.getUsername()))
			.andExpect(jsonPath("$.token").value("メールゲートウェイ"));
		assertThat(visible(page(me, Locale.JAPANESE))).as("the use is noted").doesNotContain("未使用");
		assertThat(output.getAll()).as("the secret is never logged").doesNotContain(shown.secret());
	}

	@Test
	void theListReadsInWordsInBothLanguages() throws Exception {
		UserAccount staff = this.users.create(Role.REPORTER);
		RequestPostProcessor me = this.users.signedIn(staff.getUsername());
		Actor owner = actor(staff);
		this.tokens.create(owner, "working", 10);
		long revoked = this.tokens.create(owner, "revoked", 10).token().getId();
		this.tokens.revoke(revoked, owner);
		expire(this.tokens.create(owner, "expired", 10).token().getId());

		String japanese = visible(page(me, Locale.JAPANESE));
		assertThat(japanese).contains("有効", "失効", "期限切れ", "未使用");
		String english = visible(page(me, Locale.ENGLISH));
		assertThat(english).contains("Active", "Revoked", "Expired", "Not yet");
		for (String text : new String[] { japanese, english }) {
			assertThat(text).doesNotContain("ACTIVE", "REVOKED", "EXPIRED", "true", "false", "null");
			assertThat(ISO.matcher(text).find()).as("an ISO date or time in: " + text).isFalse();
		}
		// a revoke button for the working token only: revoking an expired or revoked one changes nothing
		assertThat(page(me, Locale.JAPANESE)).containsOnlyOnce("/revoke\"");
	}

	@Test
	void aRefusedTokenKeepsWhatWasTypedAndMakesNothing() throws Exception {
		UserAccount staff = this.users.create(Role.RESPONDER);
		RequestPostProcessor me = this.users.signedIn(staff.getUsername());

		FormPage page = refused(create(me, "", "30"));
		assertThat(page.errorAt("name")).isEqualTo("何が使うトークンか分かる名前を付けてください（例: メールゲートウェイ）。");
		assertThat(page.valueOf("days")).isEqualTo("30");

		page = refused(create(me, "監視ツール", "400"));
		assertThat(page.errorAt("days")).isEqualTo("トークンの有効期間は 1〜365 日です。");
		assertThat(page.valueOf("name")).isEqualTo("監視ツール");

		page = refused(create(me, "監視ツール", "0"));
		assertThat(page.errorAt("days")).isEqualTo("トークンの有効期間は 1〜365 日です。");

		page = refused(create(me, "監視ツール", "たくさん"));
		assertThat(page.errorAt("days")).isEqualTo("日数を数字で入力してください（1〜365）。");
		assertThat(page.valueOf("name")).isEqualTo("監視ツール");
		assertThat(page.valueOf("days")).isEqualTo("たくさん");

		page = refused(create(me, "x".repeat(ApiTokens.MAX_NAME + 1), "30"));
		assertThat(page.errorAt("name")).isEqualTo("名前は 100 文字以内です。");

		page = refused(create(me, "監視\u202Eツール", "30"));
		assertThat(page.hasErrorAt("name")).isTrue();

		assertThat(this.tokens.mine(actor(staff))).as("nothing made").isEmpty();
	}

	@Test
	void anEmptyNumberOfDaysMeansTheDefault() throws Exception {
		UserAccount staff = this.users.create(Role.REPORTER);
		this.mvc.perform(create(this.users.signedIn(staff.getUsername()), "default", ""))
			.andExpect(redirectedUrl("/account/tokens"));
		ApiToken token = this.tokens.mine(actor(staff)).get(0).token();
		assertThat(java.time.Duration.between(token.getCreatedAt(), token.getExpiresAt()))
			.isEqualTo(java.time.Duration.ofDays(ApiTokens.DEFAULT_DAYS));
	}

	@Test
	void aPersonRevokesTheirOwnTokenButNobodyElses() throws Exception {
		UserAccount staff = this.users.create(Role.REPORTER);
		RequestPostProcessor me = this.users.signedIn(staff.getUsername());
		ApiTokens.Created mine = this.tokens.create(actor(staff), "mine", 10);
		UserAccount other = this.users.create(Role.SECURITY_LEAD);
		ApiTokens.Created theirs = this.tokens.create(actor(other), "theirs", 10);

		this.mvc.perform(revoke("/account/tokens/{id}/revoke", mine.token().getId(), me))
			.andExpect(redirectedUrl("/account/tokens"))
			.andExpect(flash().attribute("notice", Notice.of("apiToken.revoked")));
		assertThat(this.tokens.authenticate(mine.secret())).isEmpty();
		this.mvc.perform(get("/api/v1/me").with(api("Bearer " + mine.secret()))).andExpect(status().isUnauthorized());

		this.mvc.perform(revoke("/account/tokens/{id}/revoke", theirs.token().getId(), me)).andExpect(status().isNotFound());
		// not even an administrator, on their own page: other people's tokens are revoked on /admin/tokens
		this.mvc.perform(revoke("/account/tokens/{id}/revoke", theirs.token().getId(), this.users.as(Role.ADMIN)))
			.andExpect(status().isNotFound());
		assertThat(this.tokens.authenticate(theirs.secret())).isPresent();
		assertThat(page(me, Locale.JAPANESE)).doesNotContain("theirs");
	}

	@Test
	void theAdministratorSeesEveryTokenByItsOwnersNameAndRevokesIt() throws Exception {
		long n = System.nanoTime();
		UserAccount owner = this.accounts.create(new CreateAccount("owner-" + n,
				new UserAccount.Profile("高橋 " + n + " 一郎", "経理部", null, null), EnumSet.of(Role.RESPONDER),
				CompletedSetup.PASSWORD), "test");
		ApiTokens.Created working = this.tokens.create(actor(owner), "backup-script-" + n, 10);
		UserAccount admin = this.users.create(Role.ADMIN);
		RequestPostProcessor asAdmin = this.users.signedIn(admin.getUsername());

		String html = adminPage(asAdmin, Locale.JAPANESE);
		assertThat(html).contains("href=\"/admin/tokens\"");
		String text = visible(html);
		assertThat(text).contains("高橋 " + n + " 一郎", "backup-script-" + n, "有効").doesNotContain(owner.getUsername());

		this.mvc.perform(revoke("/admin/tokens/{id}/revoke", working.token().getId(), asAdmin))
			.andExpect(redirectedUrl("/admin/tokens"))
			.andExpect(flash().attribute("notice", Notice.of("apiToken.revoked")));
		assertThat(this.tokens.authenticate(working.secret())).isEmpty();
		AuditEvent event = this.audit.recent(PageRequest.of(0, 20))
			.stream()
			.filter(e -> e.getAction() == AuditAction.API_TOKEN_REVOKED && e.getDetail().equals(owner.getUsername()))
			.findFirst()
			.orElseThrow();
		assertThat(event.getActor()).isEqualTo(admin.getUsername());
		assertThat(event.getSubject()).isEqualTo("backup-script-" + n);

		this.mvc.perform(revoke("/admin/tokens/{id}/revoke", Long.MAX_VALUE, asAdmin)).andExpect(status().isNotFound());
		this.mvc.perform(revoke("/admin/tokens/{id}/revoke", working.token().getId(), this.users.as(Role.SECURITY_LEAD)))
			.andExpect(status().isForbidden());
	}

	@Test
	void theAdministratorsListSaysWhyATokenNoLongerWorks() throws Exception {
		UserAccount disabled = this.users.create(Role.RESPONDER);
		this.tokens.create(actor(disabled), "of a disabled owner", 10);
		this.accounts.disable(disabled.getId(), disabled.getVersion(), "test");
		UserAccount changed = this.users.create(Role.RESPONDER);
		this.tokens.create(actor(changed), "of changed roles", 10);
		this.accounts.update(new UpdateAccount(changed.getId(), changed.getVersion(),
				new UserAccount.Profile(changed.getDisplayName(), null, null, null), EnumSet.of(Role.EXECUTIVE)), "test");

		RequestPostProcessor admin = this.users.as(Role.ADMIN);
		String japanese = visible(adminPage(admin, Locale.JAPANESE));
		assertThat(japanese).contains("持ち主が無効", "役割が変わった");
		String english = visible(adminPage(admin, Locale.ENGLISH));
		assertThat(english).contains("Owner disabled", "Roles changed").doesNotContain("OWNER_DISABLED", "ROLES_CHANGED");
		// either may work again (the owner enabled, the roles given back): they can still be revoked
		String html = adminPage(admin, Locale.JAPANESE);
		assertThat(html).contains("トークン「of a disabled owner」を失効させる", "トークン「of changed roles」を失効させる");
	}

	@Test
	void theAccountPagesLeadToTheTokens() throws Exception {
		String password = this.mvc.perform(get("/account/password").with(this.users.as(Role.REPORTER)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(password).contains("href=\"/account/tokens\"", "href=\"/account/notifications\"");
	}

	private MockHttpServletRequestBuilder create(RequestPostProcessor user, String name, String days) {
		return post("/account/tokens").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.with(csrf())
			.with(user)
			.param("name", name)
			.param("days", days);
	}

	private static MockHttpServletRequestBuilder revoke(String path, long id, RequestPostProcessor user) {
		return post(path, id).contentType(MediaType.APPLICATION_FORM_URLENCODED).with(csrf()).with(user);
	}

	private FormPage refused(MockHttpServletRequestBuilder request) throws Exception {
		return FormPage.of(this.mvc.perform(request).andExpect(status().isOk()).andReturn());
	}

	private String page(RequestPostProcessor user, Locale locale) throws Exception {
		return this.mvc.perform(get("/account/tokens").with(user).locale(locale).header("Accept-Language", locale.getLanguage()))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private String adminPage(RequestPostProcessor admin, Locale locale) throws Exception {
		return this.mvc.perform(get("/admin/tokens").with(admin).locale(locale).header("Accept-Language", locale.getLanguage()))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private void expire(long tokenId) {
		this.jdbc.sql("update api_token set created_at = now() - interval '3 days', expires_at = now() - interval '1 second' where id = ?")
			.param(tokenId)
			.update();
	}

	private static Actor actor(UserAccount account) {
		return new Actor(account.getUsername(), account.getRoles());
	}

	/** The words a person reads: the page without its tags, attributes and the hidden form values. */
	private static String visible(String html) {
		return org.springframework.web.util.HtmlUtils.htmlUnescape(html.replaceAll("(?s)<(script|style)\\b.*?</\\1>", " ")
			.replaceAll("(?s)<[^>]*>", " "));
	}

}
