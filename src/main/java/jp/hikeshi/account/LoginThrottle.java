package jp.hikeshi.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Slows down and then stops password guessing, per account name and per address: after
 * {@value #FREE_FAILURES} failures each further attempt must wait twice as long as the last
 * (1 s, 2 s, 4 s …), and after {@value #LOCK_AFTER_FAILURES} failures the key is locked for
 * {@link #LOCK_DURATION}. The same applies to names that do not exist, so the answer never
 * tells whether an account does. Kept in memory: a restart forgives, which is acceptable for a
 * single-instance deployment.
 */
@Component
public class LoginThrottle {

	static final int FREE_FAILURES = 3;

	static final int LOCK_AFTER_FAILURES = 10;

	static final Duration LOCK_DURATION = Duration.ofMinutes(15);

	/** Failures older than this are forgotten. */
	static final Duration MEMORY = Duration.ofMinutes(30);

	private static final int MAX_TRACKED_KEYS = 100_000;

	private final Map<String, Failures> failures = new ConcurrentHashMap<>();

	private final Clock clock;

	LoginThrottle(Clock clock) {
		this.clock = clock;
	}

	/** Whether an attempt for this account name from this address may be checked now. */
	public boolean isAllowed(String username, String address) {
		Instant now = this.clock.instant();
		return allowed(userKey(username), now) && allowed(addressKey(address), now);
	}

	public void recordFailure(String username, String address) {
		Instant now = this.clock.instant();
		if (this.failures.size() > MAX_TRACKED_KEYS) {
			forgetOld(now);
		}
		this.failures.merge(userKey(username), Failures.first(now), (old, ignored) -> old.next(now));
		this.failures.merge(addressKey(address), Failures.first(now), (old, ignored) -> old.next(now));
	}

	public void recordSuccess(String username, String address) {
		this.failures.remove(userKey(username));
		this.failures.remove(addressKey(address));
	}

	/**
	 * How long an address that sent wrong API tokens must wait before its next token is checked;
	 * zero when it may now. Tokens are too long to guess, but a scan should still slow down.
	 */
	public Duration tokenWait(String address) {
		Instant now = this.clock.instant();
		Failures recorded = this.failures.get(tokenKey(address));
		if (recorded == null || recorded.isForgotten(now) || !now.isBefore(recorded.nextAllowedAt())) {
			return Duration.ZERO;
		}
		return Duration.between(now, recorded.nextAllowedAt());
	}

	public void recordTokenFailure(String address) {
		Instant now = this.clock.instant();
		if (this.failures.size() > MAX_TRACKED_KEYS) {
			forgetOld(now);
		}
		this.failures.merge(tokenKey(address), Failures.first(now), (old, ignored) -> old.next(now));
	}

	private static String tokenKey(String address) {
		return "token-address:" + (address == null ? "" : address);
	}

	private boolean allowed(String key, Instant now) {
		Failures recorded = this.failures.get(key);
		return recorded == null || recorded.isForgotten(now) || !now.isBefore(recorded.nextAllowedAt());
	}

	private void forgetOld(Instant now) {
		this.failures.entrySet().removeIf(entry -> entry.getValue().isForgotten(now));
	}

	private static String userKey(String username) {
		return "user:" + (username == null ? "" : username.trim().toLowerCase(Locale.ROOT));
	}

	private static String addressKey(String address) {
		return "address:" + (address == null ? "" : address);
	}

	private record Failures(int count, Instant last) {

		static Failures first(Instant now) {
			return new Failures(1, now);
		}

		Failures next(Instant now) {
			return isForgotten(now) ? first(now) : new Failures(this.count + 1, now);
		}

		boolean isForgotten(Instant now) {
			return this.last.plus(MEMORY).isBefore(now) && this.count < LOCK_AFTER_FAILURES
					|| this.last.plus(LOCK_DURATION).plus(MEMORY).isBefore(now);
		}

		Instant nextAllowedAt() {
			if (this.count >= LOCK_AFTER_FAILURES) {
				return this.last.plus(LOCK_DURATION);
			}
			if (this.count < FREE_FAILURES) {
				return this.last;
			}
			return this.last.plusSeconds(1L << (this.count - FREE_FAILURES));
		}

	}

}
