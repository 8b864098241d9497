package jp.hikeshi.api;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many requests a token may make: a bucket per token that holds a minute's allowance and
 * refills continuously, so a script may burst and then runs at the steady rate. Kept in memory,
 * like the sign-in throttle.
 */
@Component
class ApiRateLimits {

	private static final int MAX_TRACKED_TOKENS = 100_000;

	private final Map<Long, Bucket> buckets = new ConcurrentHashMap<>();

	private final Clock clock;

	private final int perMinute;

	ApiRateLimits(Clock clock, @Value("${hikeshi.api.requests-per-minute:600}") int perMinute) {
		this.clock = clock;
		this.perMinute = Math.max(1, perMinute);
	}

	/** Takes one request from the token's allowance: zero when it may go, else how long to wait. */
	Duration take(long tokenId) {
		long now = this.clock.millis();
		if (this.buckets.size() > MAX_TRACKED_TOKENS) {
			this.buckets.clear();
		}
		Bucket bucket = this.buckets.compute(tokenId,
				(id, old) -> ((old == null) ? Bucket.full(this.perMinute, now) : old.refilled(this.perMinute, now)).take());
		if (bucket.granted()) {
			return Duration.ZERO;
		}
		double missing = 1 - bucket.tokens();
		return Duration.ofMillis((long) Math.ceil(missing * 60_000 / this.perMinute));
	}

	int perMinute() {
		return this.perMinute;
	}

	private record Bucket(double tokens, long at, boolean granted) {

		static Bucket full(int capacity, long now) {
			return new Bucket(capacity, now, false);
		}

		Bucket refilled(int capacity, long now) {
			double added = (now - this.at) * capacity / 60_000.0;
			return new Bucket(Math.min(capacity, this.tokens + added), now, false);
		}

		Bucket take() {
			return (this.tokens >= 1) ? new Bucket(this.tokens - 1, this.at, true) : new Bucket(this.tokens, this.at, false);
		}

	}

}
