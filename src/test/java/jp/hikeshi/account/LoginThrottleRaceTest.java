package jp.hikeshi.account;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.ArrayList;
import java.util.List;

import jp.hikeshi.test.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wrong passwords sent all at once: the throttle must decide each one before any password is
 * checked, so no more get through than it lets through one after the other.
 */
@IntegrationTest
class LoginThrottleRaceTest {

	private static final int ATTEMPTS = 100;

	@Autowired
	LoginThrottle throttle;

	@Test
	void aHundredWrongPasswordsAtOnceFromOneAddressCheckNoMoreThanTheFreeOnes() throws Exception {
		assertThat(checkedOutOf(ATTEMPTS, i -> "race-one", i -> "10.77.0.1"))
			.isLessThanOrEqualTo(LoginThrottle.FREE_FAILURES);
	}

	@Test
	void fortyAddressesAtOnceCheckNoMoreThanTheFreeOnesForTheName() throws Exception {
		assertThat(checkedOutOf(40, i -> "race-forty", i -> "10.78.0." + i))
			.isLessThanOrEqualTo(LoginThrottle.FREE_FAILURES);
	}

	/**
	 * Sends the attempts together; each one the throttle lets through waits in the password check
	 * until every attempt has been decided, as a slow bcrypt would, and then fails.
	 */
	private int checkedOutOf(int attempts, java.util.function.IntFunction<String> name,
			java.util.function.IntFunction<String> address) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		CountDownLatch decided = new CountDownLatch(attempts);
		AtomicInteger checked = new AtomicInteger();
		AuthenticationProvider slowWrongPassword = new AuthenticationProvider() {
			@Override
			public org.springframework.security.core.Authentication authenticate(
					org.springframework.security.core.Authentication authentication) {
				checked.incrementAndGet();
				decided.countDown();
				try {
					decided.await(20, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				throw new BadCredentialsException("wrong");
			}

			@Override
			public boolean supports(Class<?> authentication) {
				return true;
			}
		};
		ThrottlingAuthenticationProvider provider = new ThrottlingAuthenticationProvider(slowWrongPassword,
				this.throttle);
		ExecutorService pool = Executors.newFixedThreadPool(attempts);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int i = 0; i < attempts; i++) {
				int n = i;
				done.add(pool.submit(() -> {
					start.await();
					UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken
						.unauthenticated(name.apply(n), "wrong-" + n);
					attempt.setDetails(new WebAuthenticationDetails(address.apply(n), null));
					try {
						provider.authenticate(attempt);
					}
					catch (ThrottledLoginException ex) {
						decided.countDown();
					}
					catch (AuthenticationException ex) {
						// a checked wrong password
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> attempt : done) {
				attempt.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		return checked.get();
	}

}
