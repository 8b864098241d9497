package jp.hikeshi.account;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jp.hikeshi.account.AuthenticatorApps.Check;
import jp.hikeshi.account.LoginThrottleTest.MutableClock;
import jp.hikeshi.audit.AuditLog;
import jp.hikeshi.shared.ApplicationSecret;
import jp.hikeshi.test.CompletedSetup;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The authenticator app and its recovery codes on the real tables, with a clock of this test's
 * own: a code works once, in its window, and the same code sent twice at once passes once.
 */
@IntegrationTest
class AuthenticatorAppsTest {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T03:00:10Z"));

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	AuditLog audit;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	UserAccountRepository accounts;

	@Autowired
	RememberedDevices devices;

	@Autowired
	ApplicationSecret secret;

	@Autowired
	TestUsers users;

	@Autowired
	AccountService accountService;

	private AuthenticatorApps apps;

	private TransactionTemplate transactions;

	private UserAccount person;

	@BeforeEach
	void setUp() {
		LoginThrottle throttle = new LoginThrottle(this.jdbc, this.transactionManager, this.events, this.clock);
		this.apps = new AuthenticatorApps(this.jdbc, throttle, this.audit, this.passwords, this.accounts, this.devices,
				this.secret, this.clock);
		this.transactions = new TransactionTemplate(this.transactionManager);
		this.person = this.users.create(Role.SECURITY_LEAD);
	}

	private <T> T inTransaction(Supplier<T> work) {
		return this.transactions.execute(status -> work.get());
	}

	/** Adds the app with the code of the step before now; returns its secret and the recovery codes. */
	private byte[] enrol(List<String> recoveryCodes) {
		long id = this.person.getId();
		inTransaction(() -> {
			this.apps.start(id);
			return null;
		});
		byte[] key = base32(this.apps.pendingSecret(id).orElseThrow());
		recoveryCodes.addAll(inTransaction(() -> this.apps.confirm(id, this.person.getUsername(),
				Totp.code(key, Totp.step(this.clock.instant()) - 1))));
		return key;
	}

	private Check check(String code) {
		return inTransaction(() -> this.apps.check(this.person.getId(), this.person.getUsername(), code));
	}

	private long audited(String action) {
		return this.jdbc.queryForObject("select count(*) from audit_event where subject = ? and action = ?", Long.class,
				this.person.getUsername(), action);
	}

	@Test
	void theSecretIsKeptEncryptedAndShownOnlyUntilConfirmed() {
		byte[] key = enrol(new ArrayList<>());
		String stored = this.jdbc.queryForObject("select secret from authenticator_app where account_id = ?", String.class,
				this.person.getId());
		assertThat(stored).doesNotContain(Totp.base32(key));
		assertThat(this.apps.pendingSecret(this.person.getId())).isEmpty();
		assertThat(this.apps.hasAny(this.person.getId())).isTrue();
		assertThat(audited("AUTHENTICATOR_APP_ENROLLED")).isEqualTo(1);
	}

	@Test
	void aWrongFirstCodeLeavesTheAppUnconfirmed() {
		long id = this.person.getId();
		inTransaction(() -> {
			this.apps.start(id);
			return null;
		});
		assertThatThrownBy(() -> inTransaction(() -> this.apps.confirm(id, this.person.getUsername(), "000000")))
			.hasMessageContaining("secondFactor.codeWrong");
		assertThat(this.apps.hasAny(id)).isFalse();
		assertThat(this.apps.pendingSecret(id)).isPresent();
	}

	@Test
	void aCodeWorksOnceAndNoEarlierCodeAfterIt() {
		byte[] key = enrol(new ArrayList<>());
		long now = Totp.step(this.clock.instant());
		assertThat(check(Totp.code(key, now))).isEqualTo(Check.ACCEPTED);
		assertThat(check(Totp.code(key, now))).as("the same code again").isEqualTo(Check.REPLAYED);
		assertThat(check(Totp.code(key, now - 1))).as("the step before, used at enrolment").isEqualTo(Check.REPLAYED);
		assertThat(check(Totp.code(key, now + 1))).as("the next step, within the window").isEqualTo(Check.ACCEPTED);
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(check(Totp.code(key, now + 1))).as("the last one, now the step before").isEqualTo(Check.REPLAYED);
		assertThat(check(Totp.code(key, now + 4))).as("three steps ahead").isEqualTo(Check.WRONG);
		assertThat(audited("SECOND_FACTOR_REPLAYED_CODE")).isEqualTo(3);
		assertThat(audited("SECOND_FACTOR_PASSED_APP")).isEqualTo(2);
		assertThat(audited("SECOND_FACTOR_WRONG_CODE")).isEqualTo(1);
	}

	@Test
	void wrongCodesAreThrottled() {
		byte[] key = enrol(new ArrayList<>());
		for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
			assertThat(check("000000")).isEqualTo(Check.WRONG);
		}
		assertThat(check(Totp.code(key, Totp.step(this.clock.instant())))).as("even the right code must wait")
			.isEqualTo(Check.THROTTLED);
		assertThat(audited("SECOND_FACTOR_THROTTLED")).isEqualTo(1);
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(check(Totp.code(key, Totp.step(this.clock.instant())))).isEqualTo(Check.ACCEPTED);
	}

	@Test
	void theSameCodeSentTwiceAtOncePassesOnce() throws Exception {
		byte[] key = enrol(new ArrayList<>());
		String code = Totp.code(key, Totp.step(this.clock.instant()));
		assertThat(race(() -> check(code))).containsExactlyInAnyOrder(Check.ACCEPTED, Check.REPLAYED);
	}

	@Test
	void aRecoveryCodeWorksOnceAndItsReuseIsRecorded() throws Exception {
		List<String> codes = new ArrayList<>();
		enrol(codes);
		assertThat(codes).hasSize(AuthenticatorApps.RECOVERY_CODES).doesNotHaveDuplicates();
		assertThat(this.apps.status(this.person.getId()).recoveryCodesLeft()).isEqualTo(10);
		// first, while no wrong code has been counted (a third one at once would wait: the throttle)
		assertThat(race(() -> recover(codes.get(1)))).containsExactlyInAnyOrder(Check.ACCEPTED, Check.REUSED);
		String code = codes.get(0);
		assertThat(recover(code.toUpperCase().replace("-", " "))).as("as typed, in capitals with spaces")
			.isEqualTo(Check.ACCEPTED);
		assertThat(recover(code)).isEqualTo(Check.REUSED);
		assertThat(recover("aaaa-bbbb-cccc")).isEqualTo(Check.WRONG);
		assertThat(audited("RECOVERY_CODE_REUSED")).isEqualTo(2);
		assertThat(audited("SECOND_FACTOR_PASSED_RECOVERY_CODE")).isEqualTo(2);
		assertThat(this.apps.status(this.person.getId()).recoveryCodesLeft()).isEqualTo(8);
		// new codes void the old
		List<String> renewed = inTransaction(
				() -> this.apps.renewRecoveryCodes(this.person.getId(), this.person.getUsername()));
		assertThat(recover(codes.get(2))).isEqualTo(Check.WRONG);
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(recover(renewed.get(0))).isEqualTo(Check.ACCEPTED);
	}

	@Test
	void removingTheAppTakesProofAndForgetsTheRememberedBrowsersAsAPasswordChangeDoes() {
		long id = this.person.getId();
		String name = this.person.getUsername();
		enrol(new ArrayList<>());
		this.devices.remember(id, name, "Mozilla/5.0 (Windows NT 10.0) Chrome/130.0");
		assertThatThrownBy(() -> inTransaction(() -> {
			this.apps.remove(id, name, "not-the-Password-at-all");
			return null;
		})).hasMessageContaining("authenticatorApp.proofWrong");
		assertThat(this.apps.hasAny(id)).isTrue();
		assertThat(this.devices.of(id)).extracting(RememberedDevices.Device::label).containsExactly("Chrome / Windows");
		inTransaction(() -> {
			this.apps.remove(id, name, CompletedSetup.PASSWORD);
			return null;
		});
		assertThat(this.apps.hasAny(id)).isFalse();
		assertThat(this.apps.status(id).recoveryCodesLeft()).isZero();
		assertThat(this.devices.of(id)).isEmpty();

		this.devices.remember(id, name, "Mozilla/5.0 (iPhone) Safari/605.1");
		this.accountService.changeOwnPassword(name, CompletedSetup.PASSWORD, "quiet-Harbour-lanterns-2027");
		assertThat(this.devices.of(id)).isEmpty();
	}

	private Check recover(String code) {
		return inTransaction(() -> this.apps.useRecoveryCode(this.person.getId(), this.person.getUsername(), code));
	}

	private static List<Check> race(Callable<Check> attempt) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<Check>> results = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				results.add(pool.submit(() -> {
					start.await();
					return attempt.call();
				}));
			}
			start.countDown();
			List<Check> checks = new ArrayList<>();
			for (Future<Check> result : results) {
				checks.add(result.get(30, TimeUnit.SECONDS));
			}
			return checks;
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** RFC 4648 Base32, as an authenticator app reads the key typed into it. */
	static byte[] base32(String text) {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		int buffer = 0;
		int bits = 0;
		for (char c : text.replace(" ", "").toCharArray()) {
			buffer = (buffer << 5) | alphabet.indexOf(c);
			bits += 5;
			if (bits >= 8) {
				bytes.write((buffer >> (bits - 8)) & 0xff);
				bits -= 8;
			}
		}
		return bytes.toByteArray();
	}

}
