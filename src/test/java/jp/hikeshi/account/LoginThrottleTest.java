package jp.hikeshi.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;

import jp.hikeshi.test.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The throttle's rules, on the real table: each test uses names and addresses of its own and a
 * clock of its own (so the shared context's other tests are not disturbed).
 */
@IntegrationTest
class LoginThrottleTest {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T01:00:00Z"));

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	JdbcConnectionDetails database;

	private LoginThrottle throttle() {
		return new LoginThrottle(this.jdbc, this.transactions, this.events, this.clock);
	}

	/** A wrong password: reserved, then failed; whether it reached the password check. */
	private static boolean wrong(LoginThrottle throttle, String name, String address) {
		LoginThrottle.Attempt attempt = throttle.reserve(name, address);
		throttle.failed(attempt);
		return attempt.allowed();
	}

	private static boolean right(LoginThrottle throttle, String name, String address) {
		LoginThrottle.Attempt attempt = throttle.reserve(name, address);
		throttle.succeeded(attempt);
		return attempt.allowed();
	}

	@Test
	void theFirstFailuresCostNothing() {
		LoginThrottle throttle = throttle();
		for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
			assertThat(wrong(throttle, "t-free", "10.1.0.1")).isTrue();
		}
		assertThat(wrong(throttle, "t-free", "10.1.0.1")).isFalse();
	}

	@Test
	void thenEachAttemptWaitsTwiceAsLong() {
		LoginThrottle throttle = throttle();
		for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
			wrong(throttle, "t-double", "10.1.1.1");
		}
		assertThat(wrong(throttle, "t-double", "10.1.1.1")).isFalse();
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(wrong(throttle, "t-double", "10.1.1.1")).isTrue();
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(wrong(throttle, "t-double", "10.1.1.1")).isFalse();
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(wrong(throttle, "t-double", "10.1.1.1")).isTrue();
	}

	@Test
	void locksThePasswordPathForFifteenMinutesAfterTenFailuresFromAnywhere() {
		LoginThrottle throttle = throttle();
		for (int i = 0; i < LoginThrottle.LOCK_AFTER_FAILURES; i++) {
			assertThat(wrong(throttle, "t-lock", "10.2." + i + ".1")).isTrue();
			this.clock.advance(Duration.ofMinutes(2));
		}
		this.clock.advance(LoginThrottle.LOCK_DURATION.minus(Duration.ofMinutes(2)).minusSeconds(1));
		assertThat(right(throttle, "t-lock", "10.2.99.1")).as("the password path is locked from anywhere").isFalse();
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(right(throttle, "t-lock", "10.2.99.1")).isTrue();
	}

	@Test
	void aLockedNameDoesNotChargeTheAddress() {
		LoginThrottle throttle = throttle();
		for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
			wrong(throttle, "t-locked-name", "10.3.0." + i);
		}
		for (int i = 0; i < 20; i++) {
			assertThat(wrong(throttle, "t-locked-name", "10.3.1.1")).isFalse();
		}
		assertThat(right(throttle, "t-someone-at-the-same-office", "10.3.1.1")).isTrue();
	}

	@Test
	void theTenthFailureTellsTheOwnerOnceAndNothingElseDoes() {
		List<Object> published = new java.util.concurrent.CopyOnWriteArrayList<>();
		LoginThrottle throttle = new LoginThrottle(this.jdbc, this.transactions, published::add, this.clock);
		for (int i = 0; i < LoginThrottle.LOCK_AFTER_FAILURES + 3; i++) {
			wrong(throttle, "T-Told", "10.2.50." + i);
			this.clock.advance(Duration.ofMinutes(2));
		}
		assertThat(published).singleElement()
			.isEqualTo(new PasswordPathLocked("t-told", "10.2.50.9", this.clock.instant()
				.minus(Duration.ofMinutes(2 * 4))
				.plus(LoginThrottle.LOCK_DURATION)));
	}

	@Test
	void anAddressGuessingManyNamesIsSlowedDownToo() {
		LoginThrottle throttle = throttle();
		for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
			wrong(throttle, "t-spray" + i, "10.4.0.9");
		}
		assertThat(wrong(throttle, "t-someone-else", "10.4.0.9")).isFalse();
		assertThat(wrong(throttle, "t-someone-else", "10.4.0.10")).isTrue();
	}

	@Test
	void unknownNamesAreTreatedExactlyLikeKnownOnes() {
		LoginThrottle throttle = throttle();
		for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
			wrong(throttle, "t-no-such-user", "10.5.0." + i);
		}
		assertThat(wrong(throttle, " T-NO-SUCH-USER ", "10.5.1.1")).isFalse();
	}

	@Test
	void signingInForgivesOnlyWhatThatNameCostTheAddress() {
		LoginThrottle throttle = throttle();
		wrong(throttle, "t-victim1", "10.6.0.1");
		wrong(throttle, "t-victim2", "10.6.0.1");
		assertThat(right(throttle, "t-attacker-own", "10.6.0.1")).isTrue();
		wrong(throttle, "t-victim3", "10.6.0.1");
		assertThat(wrong(throttle, "t-victim4", "10.6.0.1"))
			.as("the address's guesses at other names still count after its own sign-in").isFalse();

		wrong(throttle, "t-forgetful", "10.6.1.1");
		wrong(throttle, "t-forgetful", "10.6.1.1");
		assertThat(right(throttle, "t-forgetful", "10.6.1.1")).isTrue();
		for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
			assertThat(wrong(throttle, "t-forgetful-colleague" + i, "10.6.1.1")).as("own failures forgiven").isTrue();
		}
	}

	@Test
	void oldFailuresAreForgottenAndTheirRowsCleanedUp() {
		LoginThrottle throttle = throttle();
		for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
			wrong(throttle, "t-old", "10.7.0.1");
		}
		this.clock.advance(LoginThrottle.MEMORY.plusSeconds(1));
		assertThat(wrong(throttle, "t-old", "10.7.0.1")).as("counting starts again").isTrue();

		this.clock.advance(LoginThrottle.LOCK_DURATION.plus(LoginThrottle.MEMORY).plusSeconds(1));
		assertThat(throttle.cleanUp(this.clock.instant())).isPositive();
		assertThat(this.jdbc.queryForObject("select count(*) from sign_in_throttle where key like '%t-old'",
				Integer.class)).isZero();
	}

	@Test
	void thePasswordChangeFormIsThrottledPerAccount() {
		LoginThrottle throttle = throttle();
		for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
			assertThat(throttle.reservePasswordChange("t-changer")).isTrue();
		}
		assertThat(throttle.reservePasswordChange("t-changer")).isFalse();
		throttle.passwordChangeProven("t-changer");
		assertThat(throttle.reservePasswordChange("t-changer")).isTrue();
	}

	/**
	 * Two nodes: two throttles, each with a connection pool of its own, on one database. Of a
	 * hundred simultaneous attempts at one name, no more get through than one node alone allows,
	 * and a lock one node made holds on the other.
	 */
	@Test
	void twoNodesShareOneThrottle() throws Exception {
		try (HikariDataSource secondPool = new HikariDataSource()) {
			secondPool.setJdbcUrl(this.database.getJdbcUrl());
			secondPool.setUsername(this.database.getUsername());
			secondPool.setPassword(this.database.getPassword());
			secondPool.setMaximumPoolSize(4);
			LoginThrottle first = throttle();
			LoginThrottle second = new LoginThrottle(new JdbcTemplate(secondPool),
					new DataSourceTransactionManager(secondPool), this.events, this.clock);
			CountDownLatch start = new CountDownLatch(1);
			ExecutorService pool = Executors.newFixedThreadPool(20);
			try {
				List<Future<Boolean>> attempts = new ArrayList<>();
				for (int i = 0; i < 100; i++) {
					LoginThrottle node = (i % 2 == 0) ? first : second;
					String address = "10.8." + (i / 50) + "." + (i % 50);
					Callable<Boolean> attempt = () -> {
						start.await();
						return wrong(node, "t-two-nodes", address);
					};
					attempts.add(pool.submit(attempt));
				}
				start.countDown();
				int checked = 0;
				for (Future<Boolean> attempt : attempts) {
					checked += attempt.get(60, TimeUnit.SECONDS) ? 1 : 0;
				}
				assertThat(checked).isEqualTo(LoginThrottle.FREE_FAILURES);
			}
			finally {
				pool.shutdownNow();
			}
			this.clock.advance(Duration.ofSeconds(1));
			assertThat(wrong(second, "t-two-nodes", "10.8.9.9")).isTrue();
			assertThat(wrong(first, "t-two-nodes", "10.8.9.9")).as("what one node counted, the other sees").isFalse();
		}
	}

	static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

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
