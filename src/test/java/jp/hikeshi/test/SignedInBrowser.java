package jp.hikeshi.test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import jakarta.servlet.http.Cookie;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * One browser on MockMvc that keeps its session the way a real one does: by the session cookie
 * the answers set (sessions live in PostgreSQL, found by that cookie), so that two browsers of
 * the same person are two sessions and a cookie can be copied to another browser — or to
 * another node.
 */
public final class SignedInBrowser {

	/** The session cookie's name (server.servlet.session.cookie.name). */
	public static final String COOKIE = "JSESSIONID";

	private final MockMvc mvc;

	private Cookie session;

	// the container's session too: with sessions in the container's memory (before #16) the
	// same tests ran, and failed where they should
	private MockHttpSession container = new MockHttpSession();

	public SignedInBrowser(MockMvc mvc) {
		this.mvc = mvc;
	}

	public static SignedInBrowser signIn(MockMvc mvc, String username, String password) throws Exception {
		SignedInBrowser browser = new SignedInBrowser(mvc);
		browser.perform(post("/login").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.with(csrf())
			.param("username", username)
			.param("password", password));
		return browser;
	}

	public ResultActions perform(MockHttpServletRequestBuilder request) throws Exception {
		if (this.session != null) {
			request.cookie(this.session);
		}
		ResultActions actions = this.mvc.perform(request.session(this.container));
		MvcResult result = actions.andReturn();
		Cookie set = result.getResponse().getCookie(COOKIE);
		if (set != null) {
			this.session = (set.getMaxAge() == 0) ? null : set;
		}
		this.container = (result.getRequest().getSession(false) instanceof MockHttpSession kept) ? kept
				: new MockHttpSession();
		return actions;
	}

	/** The same session cookie in another browser (a thief's), or at another node's MockMvc. */
	public SignedInBrowser copyTo(MockMvc other) {
		SignedInBrowser copy = new SignedInBrowser(other);
		copy.session = this.session;
		copy.container = this.container;
		return copy;
	}

	public SignedInBrowser copy() {
		return copyTo(this.mvc);
	}

	/** The session's id (the cookie holds it in Base64); null before any session. */
	public String sessionId() {
		return (this.session == null) ? null
				: new String(Base64.getDecoder().decode(this.session.getValue()), StandardCharsets.UTF_8);
	}

	/** An attribute of this browser's session, as stored in PostgreSQL. */
	public Optional<Object> attribute(SessionRepository<? extends Session> sessions, String name) {
		String id = sessionId();
		Session stored = (id == null) ? null : sessions.findById(id);
		return (stored == null) ? Optional.empty() : Optional.ofNullable(stored.getAttribute(name));
	}

}
