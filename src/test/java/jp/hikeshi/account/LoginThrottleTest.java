package jp.hikeshi.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T01:00:00Z"));

	private final LoginThrottle throttle = new LoginThrottle(this.clock);

	@Test
	void theFirstFailuresCostNothing() {
		for (int i = 0; i < LoginThrottle.FREE_FAILURES - 1; i++) {
			this.throttle.recordFailure("hanako", "10.0.0.1");
		}
		assertThat(this.throttle.isAllowed("hanako", "10.0.0.1")).isTrue();
	}

	@Test
	void thenEachAttemptWaitsTwiceAsLong() {
		for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
			this.throttle.recordFailure("hanako", "10.0.0.1");
		}
		assertThat(this.throttle.isAllowed("hanako", "10.0.0.1")).isFalse();
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.throttle.isAllowed("hanako", "10.0.0.1")).isTrue();

		this.throttle.recordFailure("hanako", "10.0.0.1");
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.throttle.isAllowed("hanako", "10.0.0.1")).isFalse();
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.throttle.isAllowed("hanako", "10.0.0.1")).isTrue();
	}

	@Test
	void locksForFifteenMinutesAfterTenFailures() {
		for (int i = 0; i < LoginThrottle.LOCK_AFTER_FAILURES; i++) {
			this.throttle.recordFailure("hanako", "10.0.0.1");
		}
		this.clock.advance(LoginThrottle.LOCK_DURATION.minusSeconds(1));
		assertThat(this.throttle.isAllowed("hanako", "10.0.0.2")).as("the account is locked from anywhere").isFalse();
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.throttle.isAllowed("hanako", "10.0.0.2")).isTrue();
	}

	@Test
	void anAddressGuessingManyNamesIsSlowedDownToo() {
		for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
			this.throttle.recordFailure("name" + i, "10.0.0.9");
		}
		assertThat(this.throttle.isAllowed("someone-else", "10.0.0.9")).isFalse();
		assertThat(this.throttle.isAllowed("someone-else", "10.0.0.10")).isTrue();
	}

	@Test
	void unknownNamesAreTreatedExactlyLikeKnownOnes() {
		for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
			this.throttle.recordFailure("no-such-user", "10.0.0.1");
		}
		assertThat(this.throttle.isAllowed("NO-SUCH-USER", "10.0.0.3")).isFalse();
	}

	@Test
	void successForgivesAndOldFailuresAreForgotten() {
		for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
			this.throttle.recordFailure("hanako", "10.0.0.1");
		}
		this.throttle.recordSuccess("hanako", "10.0.0.1");
		assertThat(this.throttle.isAllowed("hanako", "10.0.0.1")).isTrue();

		for (int i = 0; i < LoginThrottle.FREE_FAILURES + 3; i++) {
			this.throttle.recordFailure("taro", "10.0.0.5");
		}
		this.clock.advance(LoginThrottle.MEMORY.plusSeconds(1));
		this.throttle.recordFailure("taro", "10.0.0.5");
		assertThat(this.throttle.isAllowed("taro", "10.0.0.5")).as("counting starts again").isTrue();
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
