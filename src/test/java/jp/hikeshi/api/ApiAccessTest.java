package jp.hikeshi.api;

import java.util.EnumSet;

import jp.hikeshi.account.AccountCommands.UpdateAccount;
import jp.hikeshi.account.AccountService;
import jp.hikeshi.account.Actor;
import jp.hikeshi.account.ApiTokens;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static jp.hikeshi.test.TestUsers.api;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Who gets through the API's door: a working personal token, and nothing else. */
@IntegrationTest
class ApiAccessTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	ApiTokens tokens;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aTokenActsAsItsOwnerWithoutASession() throws Exception {
		UserAccount lead = this.users.create(Role.SECURITY_LEAD);
		this.mvc.perform(get("/api/v1/me").with(api(this.users.bearerOf(lead.getUsername()))))
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist("Set-Cookie"))
			.andExpect(jsonPath("$.person.username").value(lead.getUsername()))
			.andExpect(jsonPath("$.person.displayName").value(lead.getDisplayName()))
			.andExpect(jsonPath("$.roles[0]").value("SECURITY_LEAD"))
			.andExpect(jsonPath("$.token").value("test script"));
	}

	@Test
	void withoutATokenTheAnswerIs401AsAProblemInTheCallersLanguage() throws Exception {
		this.mvc.perform(get("/api/v1/me").header("Accept-Language", "en"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", "Bearer"))
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.code").value("api.unauthenticated"))
			.andExpect(jsonPath("$.detail", containsString("personal API token")));
		this.mvc.perform(get("/api/v1/me").header("Accept-Language", "ja"))
			.andExpect(jsonPath("$.detail", containsString("APIトークン")));
	}

	@Test
	void anUnknownOrMalformedTokenIsRefused() throws Exception {
		for (String header : new String[] { "Bearer hks_nothing", "Bearer ", "Basic dXNlcjpwYXNz", "hks_x" }) {
			this.mvc.perform(get("/api/v1/me").with(api(header)).with(request -> {
				request.setRemoteAddr("192.0.2." + (header.length() % 200));
				return request;
			}))
				.andExpect(status().isUnauthorized())
				.andExpect(jsonPath("$.code").value("api.token.invalid"));
		}
	}

	@Test
	void guessingTokensFromOneAddressSlowsDown() throws Exception {
		for (int i = 0; i < 3; i++) {
			this.mvc.perform(get("/api/v1/me").with(api("Bearer hks_guess" + i)).with(from("198.51.100.7")))
				.andExpect(status().isUnauthorized());
		}
		this.mvc.perform(get("/api/v1/me").with(api("Bearer hks_guess4")).with(from("198.51.100.7")))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(jsonPath("$.code").value("api.token.tooManyFailures"));
		UserAccount lead = this.users.create(Role.SECURITY_LEAD);
		this.mvc.perform(get("/api/v1/me").with(api(this.users.bearerOf(lead.getUsername()))).with(from("198.51.100.8")))
			.andExpect(status().isOk());
	}

	@Test
	void aRevokedTokenStopsWorking() throws Exception {
		UserAccount lead = this.users.create(Role.SECURITY_LEAD);
		Actor actor = new Actor(lead.getUsername(), lead.getRoles());
		ApiTokens.Created created = this.tokens.create(actor, "to revoke", 30);
		this.mvc.perform(get("/api/v1/me").with(api("Bearer " + created.secret()))).andExpect(status().isOk());
		this.tokens.revoke(created.token().getId(), actor);
		this.mvc.perform(get("/api/v1/me").with(api("Bearer " + created.secret())))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void anExpiredTokenStopsWorking() throws Exception {
		UserAccount lead = this.users.create(Role.SECURITY_LEAD);
		ApiTokens.Created created = this.tokens.create(new Actor(lead.getUsername(), lead.getRoles()), "old", 1);
		this.jdbc.sql("update api_token set created_at = now() - interval '3 days', expires_at = now() - interval '1 second' where id = ?")
			.param(created.token().getId())
			.update();
		this.mvc.perform(get("/api/v1/me").with(api("Bearer " + created.secret())))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void aTokenStopsWorkingWhenItsOwnersRolesChangeOrTheOwnerIsDisabled() throws Exception {
		UserAccount lead = this.users.create(Role.SECURITY_LEAD);
		String bearer = this.users.bearerOf(lead.getUsername());
		this.accounts.update(new UpdateAccount(lead.getId(), lead.getVersion(), new UserAccount.Profile(lead.getDisplayName(), lead.getDepartment(), null, null),
				EnumSet.of(Role.SECURITY_LEAD, Role.EXECUTIVE)), "test");
		this.mvc.perform(get("/api/v1/me").with(api(bearer))).andExpect(status().isUnauthorized());

		UserAccount responder = this.users.create(Role.RESPONDER);
		String other = this.users.bearerOf(responder.getUsername());
		this.accounts.disable(responder.getId(), responder.getVersion(), "test");
		this.mvc.perform(get("/api/v1/me").with(api(other))).andExpect(status().isUnauthorized());
	}

	@Test
	void whatARoleMayNotReachIs404NotForbidden() throws Exception {
		String reporter = this.users.bearer(Role.REPORTER);
		this.mvc.perform(get("/api/v1/duties").with(api(reporter)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("api.notFound"));
		this.mvc.perform(get("/api/v1/no-such-thing").with(api(reporter))).andExpect(status().isNotFound());
	}

	@Test
	void tokenNamesAndDaysAreChecked() {
		UserAccount lead = this.users.create(Role.SECURITY_LEAD);
		Actor actor = new Actor(lead.getUsername(), lead.getRoles());
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> this.tokens.create(actor, " ", null))
			.hasMessage("apiToken.nameRequired");
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> this.tokens.create(actor, "x", 366))
			.hasMessage("apiToken.daysOutOfRange");
		org.assertj.core.api.Assertions.assertThat(this.tokens.create(actor, "x", null).token().getExpiresAt())
			.isAfter(java.time.Instant.now().plus(java.time.Duration.ofDays(89)));
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}
