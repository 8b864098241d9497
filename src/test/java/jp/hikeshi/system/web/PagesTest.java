package jp.hikeshi.system.web;

import jakarta.servlet.RequestDispatcher;

import jp.hikeshi.test.CompletedSetup;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** What every page carries: the language, the security headers, and friendly errors. */
@IntegrationTest
class PagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Test
	void japaneseByDefault() throws Exception {
		this.mvc.perform(get("/login"))
			.andExpect(content().string(allOf(containsString("<html lang=\"ja\""), containsString("ログイン"))));
		this.mvc.perform(get("/login").header("Accept-Language", "fr-FR,de;q=0.8"))
			.andExpect(content().string(containsString("ログイン")));
	}

	@Test
	void englishWhenTheBrowserPrefersIt() throws Exception {
		this.mvc.perform(get("/login").header("Accept-Language", "en-GB,en;q=0.9,ja;q=0.5"))
			.andExpect(content().string(allOf(containsString("<html lang=\"en\""), containsString("Sign in"))));
	}

	@Test
	void theSwitcherChoiceIsRemembered() throws Exception {
		this.mvc.perform(get("/login").param("lang", "en").header("Accept-Language", "ja"))
			.andExpect(content().string(containsString("Sign in")))
			.andExpect(cookie().value("hikeshi-lang", "en"))
			.andExpect(cookie().httpOnly("hikeshi-lang", true));
		this.mvc.perform(get("/login").cookie(new jakarta.servlet.http.Cookie("hikeshi-lang", "en")))
			.andExpect(content().string(containsString("Sign in")));
		this.mvc.perform(get("/login").param("lang", "xx-<script>"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("ログイン")));
	}

	@Test
	void securityHeadersOnEveryPage() throws Exception {
		this.mvc.perform(get("/login"))
			.andExpect(header().string("Content-Security-Policy",
					allOf(containsString("script-src 'self'"), not(containsString("unsafe-inline")),
							containsString("frame-ancestors 'none'"))))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("Referrer-Policy", "same-origin"));
	}

	@Test
	void assetsAreServedByTheApplication() throws Exception {
		this.mvc.perform(get("/css/hikeshi.css")).andExpect(status().isOk());
		this.mvc.perform(get("/js/hikeshi.js")).andExpect(status().isOk());
		this.mvc.perform(get("/login"))
			.andExpect(content().string(allOf(not(containsString("https://")), not(containsString("http://")))));
	}

	@Test
	void aServerErrorShowsNeitherStackTraceNorMessage() throws Exception {
		this.mvc.perform(get("/error").accept(org.springframework.http.MediaType.TEXT_HTML)
				.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
				.requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/somewhere")
				.requestAttr(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("SECRET-internal-detail")))
			.andExpect(status().isInternalServerError())
			.andExpect(content().string(allOf(containsString("問題が発生しました"), not(containsString("SECRET")),
					not(containsString("IllegalStateException")), not(containsString("at jp.hikeshi")))));
	}

}
