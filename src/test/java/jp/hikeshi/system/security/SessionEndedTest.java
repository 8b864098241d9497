package jp.hikeshi.system.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import jp.hikeshi.account.AccountCommands.UpdateAccount;
import jp.hikeshi.account.AccountService;
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
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A form sent after its session ended: kept as a draft, the person signs in again and finds
 * it on the page they were on, once. Live sessions with a bad token and posts from other
 * sites are still refused.
 */
@IntegrationTest
class SessionEndedTest {

	private static final String TYPED = "<b>消えては困る</b> 説明 & \"引用\"";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SessionRepository<? extends Session> sessions;

	@Test
	void aFormSentAfterTheSessionEndedIsKeptAndShownOnceAfterSigningIn() throws Exception {
		UserAccount staff = this.users.create(Role.REPORTER);
		SignedInBrowser session = new SignedInBrowser(this.mvc);
		session.perform(report().header("Referer", "http://localhost/report"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/login?expired&draft"));
		assertThat(countReportsBy(staff)).isZero();
		FormDraft draft = draftIn(session).orElseThrow();
		assertThat(draft.action()).isEqualTo("/report");
		assertThat(draft.returnTo()).isEqualTo("/report");
		assertThat(draft.fields()).containsEntry("description", List.of(TYPED))
			.containsEntry("stillHappening", List.of("YES"))
			.doesNotContainKeys("_csrf", "password", "newPassword");

		session.perform(get("/login?expired&draft"))
			.andExpect(content().string(allOf(containsString("セッションが終了しました"),
					containsString("入力していた内容は保存してあります"))));

		String idBefore = session.sessionId();
		session.perform(signIn(staff))
			.andExpect(redirectedUrl("/report"));
		assertThat(session.sessionId()).as("a new session id at sign-in").isNotEqualTo(idBefore);
		assertThat(draftIn(session)).as("the draft survives the new session id").isPresent();

		session.perform(get("/report"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("data-form-draft=\"{&quot;action&quot;:&quot;/report&quot;"),
					containsString("&lt;b&gt;消えては困る&lt;/b&gt; 説明 &amp; \\&quot;引用\\&quot;"),
					containsString("id=\"form-draft-restored\""), not(containsString("<b>消えては困る")),
					not(containsString("_csrf&quot;")))));
		assertThat(draftIn(session)).isEmpty();
		session.perform(get("/report"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("data-form-draft"))));
	}

	@Test
	void aPageOfAnotherSiteIsNeverTheReturnPage() throws Exception {
		UserAccount staff = this.users.create(Role.REPORTER);
		SignedInBrowser session = ended(report().header("Referer", "https://evil.example/report"));
		assertThat(draftIn(session).orElseThrow().returnTo()).isEqualTo("/");
		session.perform(signIn(staff))
			.andExpect(redirectedUrl("/"));

		assertThat(draftIn(ended(report().header("Referer", "http://localhost//evil.example/x"))).orElseThrow()
			.returnTo()).isEqualTo("/");
		assertThat(draftIn(ended(report().header("Referer", "http://localhost:8081/reports"))).orElseThrow()
			.returnTo()).isEqualTo("/");
		assertThat(draftIn(ended(report())).orElseThrow().returnTo()).isEqualTo("/");
		assertThat(draftIn(ended(report().header("Referer", "http://localhost/reports?page=2"))).orElseThrow()
			.returnTo()).isEqualTo("/reports?page=2");
	}

	@Test
	void aBadTokenInALiveSessionIsStillRefused() throws Exception {
		UserAccount staff = this.users.create(Role.REPORTER);
		SignedInBrowser session = signedIn(staff);
		session.perform(report().with(csrf().useInvalidToken()))
			.andExpect(status().isForbidden());
		session.perform(report())
			.andExpect(status().isForbidden());
		assertThat(draftIn(session)).isEmpty();
		assertThat(countReportsBy(staff)).isZero();
	}

	@Test
	void aPostFromAnotherSiteKeepsNothing() throws Exception {
		SignedInBrowser browser = new SignedInBrowser(this.mvc);
		browser.perform(report().header("Origin", "https://evil.example"))
			.andExpect(status().isForbidden());
		assertThat(draftIn(browser)).isEmpty();
		browser = new SignedInBrowser(this.mvc);
		browser.perform(report().header("Sec-Fetch-Site", "cross-site"))
			.andExpect(status().isForbidden());
		assertThat(draftIn(browser)).isEmpty();
		this.mvc.perform(report().header("Origin", "http://localhost").header("Sec-Fetch-Site", "same-origin"))
			.andExpect(redirectedUrl("/login?expired&draft"));
	}

	@Test
	void anOversizedFormIsNotKeptButThePersonIsStillAskedToSignIn() throws Exception {
		SignedInBrowser large = new SignedInBrowser(this.mvc);
		large.perform(report().param("affectedSystem", "長".repeat(FormDraft.MAX_BYTES / 3 + 1)))
			.andExpect(redirectedUrl("/login?expired"));
		assertThat(draftIn(large)).isEmpty();

		MockHttpServletRequestBuilder many = report();
		for (int i = 0; i < FormDraft.MAX_FIELDS; i++) {
			many.param("field" + i, "x");
		}
		SignedInBrowser numerous = new SignedInBrowser(this.mvc);
		numerous.perform(many).andExpect(redirectedUrl("/login?expired"));
		assertThat(draftIn(numerous)).isEmpty();
	}

	@Test
	void signingOutOrInAfterTheSessionEndedNeedsNoDraft() throws Exception {
		this.mvc.perform(post("/logout").contentType(MediaType.APPLICATION_FORM_URLENCODED).param("_csrf", "stale"))
			.andExpect(redirectedUrl("/login?signedOut"));
		SignedInBrowser signIn = new SignedInBrowser(this.mvc);
		signIn.perform(post("/login").contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.param("username", "someone")
				.param("password", "typed-secret")
				.param("_csrf", "stale"))
			.andExpect(redirectedUrl("/login?expired"));
		assertThat(draftIn(signIn)).isEmpty();
	}

	@Test
	void aSessionEndedByAnAdministratorKeepsTheFormToo() throws Exception {
		UserAccount staff = this.users.create(Role.REPORTER);
		SignedInBrowser session = signedIn(staff);
		UserAccount current = this.accounts.findById(staff.getId()).orElseThrow();
		this.accounts.update(new UpdateAccount(current.getId(), current.getVersion(), new UserAccount.Profile(
				current.getDisplayName(), current.getDepartment(), current.getEmail(), current.getPhone()), EnumSet.of(Role.REPORTER,
						Role.RESPONDER)), CompletedSetup.ADMIN);

		session.perform(report().with(csrf()).header("Referer", "http://localhost/report"))
			.andExpect(redirectedUrl("/login?expired&draft"));
		assertThat(countReportsBy(staff)).isZero();
		assertThat(draftIn(session).orElseThrow().fields())
			.containsEntry("description", List.of(TYPED));
	}

	/** The report form as a browser sends it: a stale token, and stray password fields that are never kept. */
	private static MockHttpServletRequestBuilder report() {
		return post("/report").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("_csrf", "token-of-a-session-that-is-gone")
			.param("description", TYPED)
			.param("discoveredAt", "2026-11-01T09:30")
			.param("stillHappening", "YES")
			.param("password", "never-kept")
			.param("newPassword", "never-kept-either");
	}

	private SignedInBrowser ended(MockHttpServletRequestBuilder request) throws Exception {
		SignedInBrowser browser = new SignedInBrowser(this.mvc);
		browser.perform(request).andExpect(redirectedUrl("/login?expired&draft"));
		return browser;
	}

	/** The draft kept in the browser's session, read where the session lives (PostgreSQL). */
	private Optional<FormDraft> draftIn(SignedInBrowser browser) {
		return browser.attribute(this.sessions, FormDraft.class.getName()).map(FormDraft.class::cast);
	}

	private static MockHttpServletRequestBuilder signIn(UserAccount account) {
		return post("/login").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.with(csrf())
			.param("username", account.getUsername())
			.param("password", CompletedSetup.PASSWORD);
	}

	private SignedInBrowser signedIn(UserAccount account) throws Exception {
		SignedInBrowser browser = new SignedInBrowser(this.mvc);
		browser.perform(signIn(account))
			.andExpect(redirectedUrl("/"));
		return browser;
	}

	private long countReportsBy(UserAccount account) {
		return this.jdbc.queryForObject("select count(*) from incident where reported_by = ?", Long.class,
				account.getUsername());
	}

}
