package jp.hikeshi.account;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jp.hikeshi.test.CompletedSetup;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.SignedInBrowser;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Passkeys through Spring Security's real endpoints and verification, with a passkey made by
 * hand ({@link HandMadePasskey}): what a browser sends, and the same from another site.
 */
@IntegrationTest
class PasskeySignInTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Each test's passkey attempts from an address of its own: the throttle counts failures per address. */
	private static final AtomicInteger ADDRESSES = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	AccountService accounts;

	@Autowired
	SessionRepository<? extends Session> sessions;

	@Test
	void aPasskeyAloneSignsThePersonInWithTheirRolesAndCountsAsASecondFactor() throws Exception {
		UserAccount person = this.users.create(Role.RESPONDER);
		HandMadePasskey passkey = new HandMadePasskey();
		String userHandle = registered(person, passkey, "業務用スマートフォン");
		assertThat(audited(person.getUsername(), "PASSKEY_REGISTERED")).containsExactly("業務用スマートフォン");

		SignedInBrowser phone = new SignedInBrowser(this.mvc);
		signIn(phone, passkey, userHandle, HandMadePasskey.ORIGIN, HandMadePasskey.RP_ID, address()).andExpect(status().isOk())
			.andExpect(jsonPath("$.authenticated").value(true))
			.andExpect(jsonPath("$.redirectUrl").value("/"));

		phone.perform(get("/incidents")).andExpect(status().isOk());
		Authentication signedIn = ((SecurityContext) phone.attribute(this.sessions, "SPRING_SECURITY_CONTEXT").orElseThrow())
			.getAuthentication();
		assertThat(signedIn.getPrincipal()).isInstanceOf(SignedInUser.class);
		assertThat(signedIn.getName()).isEqualTo(person.getUsername());
		assertThat(signedIn.getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.contains(Role.RESPONDER.authority(), SignInFactors.PASSKEY);
		assertThat(SignInFactors.hasSecondFactor(signedIn)).isTrue();
		assertThat(Actor.of(signedIn).has(Role.RESPONDER)).isTrue();
		assertThat(audited(person.getUsername(), "SIGNED_IN_WITH_PASSKEY")).hasSize(1);
		// the authenticator's counter, as Spring's verification recorded it
		assertThat(this.jdbc.queryForObject("select signature_count from user_credentials where credential_id = ?",
				Long.class, passkey.id())).isOne();
	}

	@Test
	void aPasskeyAnsweringForAnotherOriginOrRelyingPartyIsRefusedAuditedAndChangesNothing() throws Exception {
		UserAccount person = this.users.create(Role.REPORTER);
		HandMadePasskey passkey = new HandMadePasskey();
		String userHandle = registered(person, passkey, "ノートPC");
		String evil = "https://" + person.getUsername() + ".example";

		Map<String, Object> before = this.jdbc.queryForMap(
				"select last_used, signature_count from user_credentials where credential_id = ?", passkey.id());
		String address = address();
		SignedInBrowser phishing = new SignedInBrowser(this.mvc);
		signIn(phishing, passkey, userHandle, evil, HandMadePasskey.RP_ID, address).andExpect(status().isUnauthorized());
		signIn(phishing, passkey, userHandle, HandMadePasskey.ORIGIN, person.getUsername() + ".example", address)
			.andExpect(status().isUnauthorized());
		phishing.perform(get("/")).andExpect(redirectedUrl("/login"));
		assertThat(this.jdbc.queryForList(
				"select detail from audit_event where action = 'PASSKEY_SIGN_IN_REFUSED' and address = ? order by id",
				String.class, address))
			.containsExactly(evil, HandMadePasskey.ORIGIN);
		assertThat(this.jdbc.queryForMap(
				"select last_used, signature_count from user_credentials where credential_id = ?", passkey.id()))
			.isEqualTo(before);

		// registering: another site's origin, then another RP id — nothing is stored (the person has a
		// passkey, so a password alone no longer opens the page: the passkey signs in)
		SignedInBrowser browser = new SignedInBrowser(this.mvc);
		signIn(browser, passkey, userHandle, HandMadePasskey.ORIGIN, HandMadePasskey.RP_ID, address())
			.andExpect(status().isOk());
		HandMadePasskey other = new HandMadePasskey();
		register(browser, other, "別の端末", evil, HandMadePasskey.RP_ID).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.success").value(false));
		register(browser, other, "別の端末", HandMadePasskey.ORIGIN, "evil.example").andExpect(status().isBadRequest());
		assertThat(this.jdbc.queryForObject("select count(*) from user_credentials where credential_id = ?", Long.class,
				other.id())).isZero();
		assertThat(audited(person.getUsername(), "PASSKEY_REGISTRATION_REFUSED")).containsExactly(evil,
				HandMadePasskey.ORIGIN);
	}

	@Test
	void aFormKeptWhenTheSessionEndedLeadsBackToItsPageAfterAPasskeySignIn() throws Exception {
		UserAccount staff = this.users.create(Role.REPORTER);
		HandMadePasskey passkey = new HandMadePasskey();
		String userHandle = registered(staff, passkey, "スマートフォン");

		// a report typed on a phone whose session ended meanwhile: kept, and the person asked to sign in
		SignedInBrowser phone = new SignedInBrowser(this.mvc);
		phone.perform(post("/report").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.header("Referer", "http://localhost/report")
			.param("_csrf", "token-of-a-session-that-is-gone")
			.param("description", "共有フォルダのファイル名が変わった")
			.param("discoveredAt", "2026-11-01T09:30")
			.param("stillHappening", "YES")).andExpect(redirectedUrl("/login?expired&draft"));

		signIn(phone, passkey, userHandle, HandMadePasskey.ORIGIN, HandMadePasskey.RP_ID, address())
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.authenticated").value(true))
			.andExpect(jsonPath("$.redirectUrl").value("/report"));
		phone.perform(get("/report")).andExpect(status().isOk())
			.andExpect(content().string(containsString("共有フォルダのファイル名が変わった")));
	}

	@Test
	void aDisabledAccountsPasskeyIsRefused() throws Exception {
		UserAccount person = this.users.create(Role.REPORTER);
		HandMadePasskey passkey = new HandMadePasskey();
		String userHandle = registered(person, passkey, "スマートフォン");
		UserAccount current = this.accounts.findByUsername(person.getUsername()).orElseThrow();
		this.accounts.disable(current.getId(), current.getVersion(), "admin");

		SignedInBrowser phone = new SignedInBrowser(this.mvc);
		signIn(phone, passkey, userHandle, HandMadePasskey.ORIGIN, HandMadePasskey.RP_ID, address())
			.andExpect(status().isUnauthorized());
		phone.perform(get("/")).andExpect(redirectedUrl("/login"));
		assertThat(audited(person.getUsername(), "PASSKEY_SIGN_IN_REFUSED")).hasSize(1);
		assertThat(audited(person.getUsername(), "SIGNED_IN_WITH_PASSKEY")).isEmpty();
	}

	@Test
	void aPasskeyNeedsANameOfAtMost64CharactersAndARecentSignIn() throws Exception {
		UserAccount person = this.users.create(Role.REPORTER);
		SignedInBrowser browser = SignedInBrowser.signIn(this.mvc, person.getUsername(), CompletedSetup.PASSWORD);
		HandMadePasskey passkey = new HandMadePasskey();
		register(browser, passkey, "   ", HandMadePasskey.ORIGIN, HandMadePasskey.RP_ID).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("label"))
			.andExpect(jsonPath("$.error").value("labelBlank"));
		register(browser, passkey, "あ".repeat(65), HandMadePasskey.ORIGIN, HandMadePasskey.RP_ID)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value("labelTooLong"));
		assertThat(this.jdbc.queryForObject("select count(*) from user_credentials where credential_id = ?", Long.class,
				passkey.id())).isZero();
		register(browser, passkey, "  " + "あ".repeat(64) + " ", HandMadePasskey.ORIGIN, HandMadePasskey.RP_ID)
			.andExpect(status().isOk());
		assertThat(this.jdbc.queryForObject("select label from user_credentials where credential_id = ?", String.class,
				passkey.id())).isEqualTo("あ".repeat(64));

		// a session that did not sign in with a password or a passkey (here: no sign-in factor at all)
		this.mvc.perform(post("/webauthn/register/options").with(csrf()).with(this.users.signedIn(person.getUsername())))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.error").value("signInAgain"));
		this.mvc.perform(post("/webauthn/register/options").with(csrf())).andExpect(status().isUnauthorized());
	}

	@Test
	void thePageListsThePersonsPasskeysAndRemovesOnlyTheirOwn() throws Exception {
		UserAccount person = this.users.create(Role.REPORTER);
		HandMadePasskey passkey = new HandMadePasskey();
		String userHandle = registered(person, passkey, "<b>仕事用</b>");
		// with a passkey, a password alone no longer opens the account's pages (the second-factor gate)
		SignedInBrowser afterPassword = SignedInBrowser.signIn(this.mvc, person.getUsername(), CompletedSetup.PASSWORD);
		afterPassword.perform(get("/account/passkeys")).andExpect(redirectedUrl("/login/second-factor"));
		SignedInBrowser browser = new SignedInBrowser(this.mvc);
		signIn(browser, passkey, userHandle, HandMadePasskey.ORIGIN, HandMadePasskey.RP_ID, address())
			.andExpect(status().isOk());
		String page = browser.perform(get("/account/passkeys")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		assertThat(page).contains("&lt;b&gt;仕事用&lt;/b&gt;").doesNotContain(passkey.id() + "<").doesNotContain("<b>仕事用");

		UserAccount stranger = this.users.create(Role.ADMIN);
		SignedInBrowser other = SignedInBrowser.signIn(this.mvc, stranger.getUsername(), CompletedSetup.PASSWORD);
		other.perform(post("/account/passkeys/" + passkey.id() + "/remove").with(csrf())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)).andExpect(redirectedUrl("/account/passkeys"));
		assertThat(this.jdbc.queryForObject("select count(*) from user_credentials where credential_id = ?", Long.class,
				passkey.id())).isOne();

		browser.perform(post("/account/passkeys/" + passkey.id() + "/remove").with(csrf())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)).andExpect(redirectedUrl("/account/passkeys"));
		assertThat(this.jdbc.queryForObject("select count(*) from user_credentials where credential_id = ?", Long.class,
				passkey.id())).isZero();
		assertThat(audited(person.getUsername(), "PASSKEY_REMOVED")).containsExactly("<b>仕事用</b>");
	}

	/** Registers the passkey in a session signed in with the password; returns the user handle. */
	private String registered(UserAccount person, HandMadePasskey passkey, String label) throws Exception {
		SignedInBrowser browser = SignedInBrowser.signIn(this.mvc, person.getUsername(), CompletedSetup.PASSWORD);
		JsonNode options = options(browser, "/webauthn/register/options", null);
		assertThat(options.at("/authenticatorSelection/userVerification").asString()).isEqualTo("required");
		assertThat(options.at("/authenticatorSelection/residentKey").asString()).isEqualTo("required");
		assertThat(options.at("/rp/id").asString()).isEqualTo(HandMadePasskey.RP_ID);
		browser.perform(post("/webauthn/register").with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(passkey.registration(options.get("challenge").asString(), label, HandMadePasskey.ORIGIN,
					HandMadePasskey.RP_ID)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.success").value(true));
		return options.at("/user/id").asString();
	}

	private ResultActions register(SignedInBrowser browser, HandMadePasskey passkey, String label, String origin,
			String rpId) throws Exception {
		JsonNode options = options(browser, "/webauthn/register/options", null);
		return browser.perform(post("/webauthn/register").with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(passkey.registration(options.get("challenge").asString(), label, origin, rpId)));
	}

	private ResultActions signIn(SignedInBrowser browser, HandMadePasskey passkey, String userHandle, String origin,
			String rpId, String address) throws Exception {
		JsonNode options = options(browser, "/webauthn/authenticate/options", address);
		assertThat(options.get("userVerification").asString()).isEqualTo("required");
		return browser.perform(post("/login/webauthn").with(csrf())
			.with(from(address))
			.contentType(MediaType.APPLICATION_JSON)
			.content(passkey.assertion(options.get("challenge").asString(), userHandle, origin, rpId)));
	}

	private JsonNode options(SignedInBrowser browser, String path, String address) throws Exception {
		String body = browser.perform(post(path).with(csrf()).with(from(address)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JSON.readTree(body);
	}

	private List<String> audited(String username, String action) {
		return this.jdbc.queryForList("select detail from audit_event where subject = ? and action = ? order by id",
				String.class, username, action);
	}

	private static String address() {
		int n = ADDRESSES.incrementAndGet();
		return "10.47." + ((n >> 8) & 255) + "." + (n & 255);
	}

	private static RequestPostProcessor from(String address) {
		return request -> {
			if (address != null) {
				request.setRemoteAddr(address);
			}
			return request;
		};
	}

}
