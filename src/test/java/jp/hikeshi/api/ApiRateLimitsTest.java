package jp.hikeshi.api;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.ApiTokens;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static jp.hikeshi.test.TestUsers.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * How many requests a token may make: a minute's allowance at once, then the steady rate; more
 * is refused with 429, {@code Retry-After} and a problem in the caller's language.
 */
@IntegrationTest
class ApiRateLimitsTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	ApiRateLimits limits;

	@Autowired
	ApiTokens tokens;

	@Test
	void aBurstOfAMinutesAllowanceGoesThroughAndTheNextWaits() {
		TestClock clock = new TestClock();
		ApiRateLimits limits = new ApiRateLimits(clock, 6);
		for (int i = 0; i < 6; i++) {
			assertThat(limits.take(1)).as("request " + (i + 1)).isZero();
		}
		// six a minute: one every ten seconds
		assertThat(limits.take(1)).isEqualTo(Duration.ofSeconds(10));
		assertThat(limits.take(2)).as("another token has an allowance of its own").isZero();

		clock.advance(Duration.ofSeconds(4));
		assertAbout(limits.take(1), Duration.ofSeconds(6));
		clock.advance(Duration.ofMillis(6_001));
		assertThat(limits.take(1)).as("refilled by one").isZero();
		assertAbout(limits.take(1), Duration.ofSeconds(10));
	}

	/** A wait as computed from a fraction of a request: to the millisecond. */
	private static void assertAbout(Duration wait, Duration expected) {
		assertThat(wait.toMillis()).as("wait").isBetween(expected.toMillis() - 2, expected.toMillis() + 2);
	}

	@Test
	void theAllowanceRefillsWithTimeButNeverBeyondAMinutesWorth() {
		TestClock clock = new TestClock();
		ApiRateLimits limits = new ApiRateLimits(clock, 6);
		for (int i = 0; i < 6; i++) {
			limits.take(7);
		}
		assertThat(limits.take(7)).isPositive();
		clock.advance(Duration.ofSeconds(30));
		for (int i = 0; i < 3; i++) {
			assertThat(limits.take(7)).as("half a minute brings back half the allowance: " + (i + 1)).isZero();
		}
		assertThat(limits.take(7)).isPositive();

		clock.advance(Duration.ofHours(1));
		for (int i = 0; i < 6; i++) {
			assertThat(limits.take(7)).as("an idle hour brings back one minute's allowance: " + (i + 1)).isZero();
		}
		assertThat(limits.take(7)).as("not more").isEqualTo(Duration.ofSeconds(10));
	}

	@Test
	void theApplicationAllowsSixHundredAMinuteByDefault() {
		assertThat(this.limits.perMinute()).isEqualTo(600);
	}

	/**
	 * Through the API's door, with the application's own limits (600 a minute). Making 600
	 * requests through MockMvc would take half a minute on a busy machine, so the test spends the
	 * token's allowance directly and then asks once; the allowance refills by one every tenth of a
	 * second, so it asks again after spending it again until one request lands on an empty bucket.
	 */
	@Test
	void aTokenOverItsAllowanceGets429WithRetryAfterAsAProblem() throws Exception {
		UserAccount owner = this.users.create(Role.REPORTER);
		ApiTokens.Created token = this.tokens.create(new Actor(owner.getUsername(), owner.getRoles()), "busy script", null);
		String bearer = "Bearer " + token.secret();
		assertThat(this.mvc.perform(get("/api/v1/me").with(api(bearer))).andReturn().getResponse().getStatus())
			.isEqualTo(200);

		MockHttpServletResponse refused = null;
		for (int attempt = 0; attempt < 50 && refused == null; attempt++) {
			while (this.limits.take(token.token().getId()).isZero()) {
				// spend what is left of the allowance
			}
			MockHttpServletResponse response = this.mvc
				.perform(get("/api/v1/me").with(api(bearer)).header("Accept-Language", "en"))
				.andReturn()
				.getResponse();
			if (response.getStatus() != 200) {
				refused = response;
			}
		}
		assertThat(refused).as("a request over the allowance").isNotNull();
		assertThat(refused.getStatus()).isEqualTo(429);
		assertThat(refused.getHeader("Retry-After")).as("whole seconds to wait").isEqualTo("1");
		assertThat(refused.getContentType()).startsWith("application/problem+json");
		String body = refused.getContentAsString(StandardCharsets.UTF_8);
		assertThat(body).contains("\"code\":\"api.rateLimited\"", "\"status\":429",
				"Try again in 1 ");

		// another token, even of the same person, has an allowance of its own
		this.mvc.perform(get("/api/v1/me").with(api(this.users.bearerOf(owner.getUsername())))).andExpect(status().isOk());
	}

	/** A clock the test moves on. */
	private static final class TestClock extends Clock {

		private Instant now = Instant.parse("2026-12-01T00:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
