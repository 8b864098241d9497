package jp.hikeshi.system.security;

import java.util.EnumSet;
import java.util.List;

import jp.hikeshi.account.AccountCommands.UpdateAccount;
import jp.hikeshi.account.AccountService;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.test.CompletedSetup;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
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

	@Test
	void aFormSentAfterTheSessionEndedIsKeptAndShownOnceAfterSigningIn() throws Exception {
		UserAccount staff = this.users.create(Role.REPORTER);
		MvcResult ended = this.mvc.perform(report().header("Referer", "http://localhost/report"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/login?expired&draft"))
			.andReturn();
		assertThat(countReportsBy(staff)).isZero();
		MockHttpSession session = (MockHttpSession) ended.getRequest().getSession(false);
		FormDraft draft = FormDraft.in(session).orElseThrow();
		assertThat(draft.action()).isEqualTo("/report");
		assertThat(draft.returnTo()).isEqualTo("/report");
		assertThat(draft.fields()).containsEntry("description", List.of(TYPED))
			.containsEntry("stillHappening", List.of("YES"))
			.doesNotContainKeys("_csrf", "password", "newPassword");

		this.mvc.perform(get("/login?expired&draft").session(session))
			.andExpect(content().string(allOf(containsString("セッションが終了しました"),
					containsString("入力していた内容は保存してあります"))));

		String idBefore = session.getId();
		this.mvc.perform(signIn(staff).session(session))
			.andExpect(redirectedUrl("/report"));
		assertThat(session.getId()).as("a new session id at sign-in").isNotEqualTo(idBefore);
		assertThat(FormDraft.in(session)).as("the draft survives the new session id").isPresent();

		this.mvc.perform(get("/report").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("data-form-draft=\"{&quot;action&quot;:&quot;/report&quot;"),
					containsString("&lt;b&gt;消えては困る&lt;/b&gt; 説明 &amp; \\&quot;引用\\&quot;"),
					containsString("id=\"form-draft-restored\""), not(containsString("<b>消えては困る")),
					not(containsString("_csrf&quot;")))));
		assertThat(FormDraft.in(session)).isEmpty();
		this.mvc.perform(get("/report").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("data-form-draft"))));
	}

	@Test
	void aPageOfAnotherSiteIsNeverTheReturnPage() throws Exception {
		UserAccount staff = this.users.create(Role.REPORTER);
		MockHttpSession session = ended(report().header("Referer", "https://evil.example/report"));
		assertThat(FormDraft.in(session).orElseThrow().returnTo()).isEqualTo("/");
		this.mvc.perform(signIn(staff).session(session))
			.andExpect(redirectedUrl("/"));

		assertThat(FormDraft.in(ended(report().header("Referer", "http://localhost//evil.example/x"))).orElseThrow()
			.returnTo()).isEqualTo("/");
		assertThat(FormDraft.in(ended(report().header("Referer", "http://localhost:8081/reports"))).orElseThrow()
			.returnTo()).isEqualTo("/");
		assertThat(FormDraft.in(ended(report())).orElseThrow().returnTo()).isEqualTo("/");
		assertThat(FormDraft.in(ended(report().header("Referer", "http://localhost/reports?page=2"))).orElseThrow()
			.returnTo()).isEqualTo("/reports?page=2");
	}

	@Test
	void aBadTokenInALiveSessionIsStillRefused() throws Exception {
		UserAccount staff = this.users.create(Role.REPORTER);
		MockHttpSession session = signedIn(staff);
		this.mvc.perform(report().session(session).with(csrf().useInvalidToken()))
			.andExpect(status().isForbidden());
		this.mvc.perform(report().session(session))
			.andExpect(status().isForbidden());
		assertThat(FormDraft.in(session)).isEmpty();
		assertThat(countReportsBy(staff)).isZero();
	}

	@Test
	void aPostFromAnotherSiteKeepsNothing() throws Exception {
		MvcResult result = this.mvc.perform(report().header("Origin", "https://evil.example"))
			.andExpect(status().isForbidden())
			.andReturn();
		assertThat(FormDraft.in(result.getRequest().getSession(false))).isEmpty();
		result = this.mvc.perform(report().header("Sec-Fetch-Site", "cross-site"))
			.andExpect(status().isForbidden())
			.andReturn();
		assertThat(FormDraft.in(result.getRequest().getSession(false))).isEmpty();
		this.mvc.perform(report().header("Origin", "http://localhost").header("Sec-Fetch-Site", "same-origin"))
			.andExpect(redirectedUrl("/login?expired&draft"));
	}

	@Test
	void anOversizedFormIsNotKeptButThePersonIsStillAskedToSignIn() throws Exception {
		MvcResult large = this.mvc.perform(report().param("affectedSystem", "長".repeat(FormDraft.MAX_BYTES / 3 + 1)))
			.andExpect(redirectedUrl("/login?expired"))
			.andReturn();
		assertThat(FormDraft.in(large.getRequest().getSession(false))).isEmpty();

		MockHttpServletRequestBuilder many = report();
		for (int i = 0; i < FormDraft.MAX_FIELDS; i++) {
			many.param("field" + i, "x");
		}
		MvcResult numerous = this.mvc.perform(many).andExpect(redirectedUrl("/login?expired")).andReturn();
		assertThat(FormDraft.in(numerous.getRequest().getSession(false))).isEmpty();
	}

	@Test
	void signingOutOrInAfterTheSessionEndedNeedsNoDraft() throws Exception {
		this.mvc.perform(post("/logout").contentType(MediaType.APPLICATION_FORM_URLENCODED).param("_csrf", "stale"))
			.andExpect(redirectedUrl("/login?signedOut"));
		MvcResult signIn = this.mvc
			.perform(post("/login").contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.param("username", "someone")
				.param("password", "typed-secret")
				.param("_csrf", "stale"))
			.andExpect(redirectedUrl("/login?expired"))
			.andReturn();
		assertThat(FormDraft.in(signIn.getRequest().getSession(false))).isEmpty();
	}

	@Test
	void aSessionEndedByAnAdministratorKeepsTheFormToo() throws Exception {
		UserAccount staff = this.users.create(Role.REPORTER);
		MockHttpSession session = signedIn(staff);
		UserAccount current = this.accounts.findById(staff.getId()).orElseThrow();
		this.accounts.update(new UpdateAccount(current.getId(), current.getVersion(), new UserAccount.Profile(
				current.getDisplayName(), current.getDepartment(), current.getEmail(), current.getPhone()), EnumSet.of(Role.REPORTER,
						Role.RESPONDER)), CompletedSetup.ADMIN);

		MvcResult result = this.mvc.perform(report().session(session).with(csrf()).header("Referer", "http://localhost/report"))
			.andExpect(redirectedUrl("/login?expired&draft"))
			.andReturn();
		assertThat(countReportsBy(staff)).isZero();
		assertThat(FormDraft.in(result.getRequest().getSession(false)).orElseThrow().fields())
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

	private MockHttpSession ended(MockHttpServletRequestBuilder request) throws Exception {
		return (MockHttpSession) this.mvc.perform(request)
			.andExpect(redirectedUrl("/login?expired&draft"))
			.andReturn()
			.getRequest()
			.getSession(false);
	}

	private static MockHttpServletRequestBuilder signIn(UserAccount account) {
		return post("/login").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.with(csrf())
			.param("username", account.getUsername())
			.param("password", CompletedSetup.PASSWORD);
	}

	private MockHttpSession signedIn(UserAccount account) throws Exception {
		return (MockHttpSession) this.mvc
			.perform(formLogin("/login").user(account.getUsername()).password(CompletedSetup.PASSWORD))
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getRequest()
			.getSession(false);
	}

	private long countReportsBy(UserAccount account) {
		return this.jdbc.queryForObject("select count(*) from incident where reported_by = ?", Long.class,
				account.getUsername());
	}

}
