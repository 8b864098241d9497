package jp.hikeshi.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Slows down and then stops password guessing, per name and per address: after
 * {@value #FREE_FAILURES} failures each further attempt must wait twice as long as the last
 * (1 s, 2 s, 4 s …), and after {@value #LOCK_AFTER_FAILURES} failures the key is locked for
 * {@link #LOCK_DURATION}. What a name's lock closes is its <em>password path</em>: a session
 * already signed in goes on, and so will the other ways in (passkeys, SSO); the owner is told
 * by mail ({@link PasswordPathLocked}). Names that do not exist are treated alike, so the
 * answer never tells whether an account does.
 * <p>
 * Kept in PostgreSQL (table {@code sign_in_throttle}), so a restart forgets nothing and every
 * node shares it. Each attempt is decided <em>and counted</em> by one upsert before its password
 * is checked ({@link #reserve}); a success then forgives what that name cost ({@link #succeeded}).
 * Every statement runs in a transaction of its own, so a refused password change, which rolls its
 * own transaction back, still counts.
 */
@Component
public class LoginThrottle {

	static final int FREE_FAILURES = 3;

	static final int LOCK_AFTER_FAILURES = 10;

	static final Duration LOCK_DURATION = Duration.ofMinutes(15);

	/** Failures older than this are forgotten (a lock: this long after it ends). */
	static final Duration MEMORY = Duration.ofMinutes(30);

	/** Every this many attempts, at most {@value #CLEAN_UP_BATCH} forgotten rows are deleted. */
	private static final int CLEAN_UP_EVERY = 64;

	private static final int CLEAN_UP_BATCH = 500;

	private static final int MAX_NAME_IN_KEY = 200;

	private static final int MAX_ADDRESS_IN_KEY = 64;

	/** A row is forgotten: counting starts again at one. */
	private static final String FORGOTTEN = "(t.failures < " + LOCK_AFTER_FAILURES + " and t.last_at + interval '"
			+ MEMORY.toSeconds() + " seconds' < excluded.last_at) or t.last_at + interval '"
			+ LOCK_DURATION.plus(MEMORY).toSeconds() + " seconds' < excluded.last_at";

	/** The attempt may go on to the password check: still free, or the wait (or the lock) is over. */
	private static final String ALLOWED = "t.failures < " + FREE_FAILURES + " or excluded.last_at >= case when t.failures >= "
			+ LOCK_AFTER_FAILURES + " then t.last_at + interval '" + LOCK_DURATION.toSeconds()
			+ " seconds' else t.last_at + interval '1 second' * power(2, t.failures - " + FREE_FAILURES + ") end";

	/** Decides and counts one attempt in one statement; the row lock orders simultaneous attempts. */
	private static final String RESERVE = """
			insert into sign_in_throttle as t (key, failures, last_at, let_through) values (?, 1, ?, true)
			on conflict (key) do update set
			    failures = case when %1$s then 1 when %2$s then t.failures + 1 else t.failures end,
			    last_at = case when (%1$s) or (%2$s) then excluded.last_at else t.last_at end,
			    let_through = (%1$s) or (%2$s)
			returning failures, let_through""".formatted(FORGOTTEN, ALLOWED);

	/** Counts without deciding: how many of an address's failures were for one name. */
	private static final String COUNT = """
			insert into sign_in_throttle as t (key, failures, last_at, let_through) values (?, 1, ?, true)
			on conflict (key) do update set
			    failures = case when %1$s then 1 else t.failures + 1 end, last_at = excluded.last_at, let_through = true
			returning failures""".formatted(FORGOTTEN);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final AtomicInteger sinceCleanUp = new AtomicInteger();

	LoginThrottle(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, ApplicationEventPublisher events,
			Clock clock) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.events = events;
		this.clock = clock;
	}

	/**
	 * One sign-in attempt with a password, decided and counted before the password is checked.
	 * When the name's password path is throttled, the address is not charged for it.
	 */
	public Attempt reserve(String username, String address) {
		Instant now = this.clock.instant();
		cleanUpNowAndThen(now);
		String name = name(username);
		String from = address(address);
		return this.transactions.execute(status -> {
			if (reserve("address:" + from, now) == null) {
				return new Attempt(name, from, false, 0);
			}
			Integer nameFailures = reserve("password:" + name, now);
			if (nameFailures == null) {
				this.jdbc.update("update sign_in_throttle set failures = greatest(failures - 1, 0) where key = ?",
						"address:" + from);
				return new Attempt(name, from, false, 0);
			}
			this.jdbc.queryForObject(COUNT, Integer.class, pairKey(from, name), Timestamp.from(now));
			return new Attempt(name, from, true, nameFailures);
		});
	}

	/**
	 * The password was right: forgives the name's failures, and takes off the address only what
	 * this name cost it, so that signing in to one's own account never clears an address's
	 * guesses at other names.
	 */
	public void succeeded(Attempt attempt) {
		if (!attempt.allowed()) {
			return;
		}
		this.transactions.executeWithoutResult(status -> {
			this.jdbc.update("delete from sign_in_throttle where key = ?", "password:" + attempt.name());
			this.jdbc.update("""
					with pair as (delete from sign_in_throttle where key = ? returning failures)
					update sign_in_throttle set failures = greatest(failures - (select coalesce(sum(failures), 0) from pair), 0)
					where key = ?""", pairKey(attempt.address(), attempt.name()), "address:" + attempt.address());
		});
	}

	/**
	 * The password was wrong (already counted). The attempt that locks the name's password path
	 * tells its owner, once however many nodes saw attempts at the same moment.
	 */
	public void failed(Attempt attempt) {
		if (attempt.allowed() && attempt.nameFailures() == LOCK_AFTER_FAILURES) {
			Instant until = this.clock.instant().plus(LOCK_DURATION);
			this.transactions.executeWithoutResult(
					status -> this.events.publishEvent(new PasswordPathLocked(attempt.name(), attempt.address(), until)));
		}
	}

	/**
	 * One sign-in attempt with a passkey, counted against the address only: whose passkey it is
	 * is known once it has been verified, and a passkey cannot be guessed, so no name is locked.
	 */
	public Attempt reservePasskey(String address) {
		Instant now = this.clock.instant();
		cleanUpNowAndThen(now);
		String from = address(address);
		return this.transactions
			.execute(status -> new Attempt("", from, reserve("address:" + from, now) != null, 0));
	}

	/** The passkey was verified: the attempt is not held against the address. */
	public void passkeySucceeded(Attempt attempt) {
		if (!attempt.allowed()) {
			return;
		}
		this.transactions.executeWithoutResult(status -> this.jdbc.update(
				"update sign_in_throttle set failures = greatest(failures - 1, 0) where key = ?",
				"address:" + attempt.address()));
	}

	/** One attempt at the password-change form's current password, counted per account. */
	public boolean reservePasswordChange(String username) {
		Instant now = this.clock.instant();
		return this.transactions.execute(status -> reserve("password-change:" + name(username), now) != null);
	}

	/** The current password was right: its guesses are forgiven, whatever the new password then is. */
	public void passwordChangeProven(String username) {
		this.transactions.executeWithoutResult(
				status -> this.jdbc.update("delete from sign_in_throttle where key = ?", "password-change:" + name(username)));
	}

	/**
	 * One attempt at a person's second factor (an authenticator app's code, a recovery code),
	 * counted per person like a password: three free, then each waits twice as long, then locked.
	 */
	public boolean reserveSecondFactor(String username) {
		Instant now = this.clock.instant();
		return this.transactions.execute(status -> reserve("second-factor:" + name(username), now) != null);
	}

	/** The second factor was right: its wrong guesses are forgiven. */
	public void secondFactorProven(String username) {
		this.transactions.executeWithoutResult(
				status -> this.jdbc.update("delete from sign_in_throttle where key = ?", "second-factor:" + name(username)));
	}

	/**
	 * How long an address that sent wrong API tokens must wait before its next token is checked;
	 * zero when it may now. Tokens are too long to guess, but a scan should still slow down.
	 */
	public Duration tokenWait(String address) {
		Instant now = this.clock.instant();
		Instant allowedAt = this.jdbc.query("""
				select case when failures >= %d then last_at + interval '%d seconds'
				            when failures >= %d then last_at + interval '1 second' * power(2, failures - %d)
				            else last_at end as allowed_at
				from sign_in_throttle where key = ? and last_at > ?""".formatted(LOCK_AFTER_FAILURES,
				LOCK_DURATION.toSeconds(), FREE_FAILURES, FREE_FAILURES),
				rs -> rs.next() ? rs.getTimestamp(1).toInstant() : now, "token-address:" + address(address),
				Timestamp.from(now.minus(MEMORY)));
		return now.isBefore(allowedAt) ? Duration.between(now, allowedAt) : Duration.ZERO;
	}

	public void recordTokenFailure(String address) {
		Instant now = this.clock.instant();
		cleanUpNowAndThen(now);
		this.transactions.executeWithoutResult(status -> this.jdbc.queryForObject(COUNT, Integer.class,
				"token-address:" + address(address), Timestamp.from(now)));
	}

	/** The failures counted if the attempt goes on, or {@code null} when it must not. */
	private Integer reserve(String key, Instant now) {
		return this.jdbc.query(RESERVE, rs -> {
			rs.next();
			return rs.getBoolean("let_through") ? rs.getInt("failures") : null;
		}, key, Timestamp.from(now));
	}

	/** A bounded delete of rows nobody remembers any more, so the table does not grow for ever. */
	private void cleanUpNowAndThen(Instant now) {
		if (this.sinceCleanUp.incrementAndGet() % CLEAN_UP_EVERY != 0) {
			return;
		}
		cleanUp(now);
	}

	int cleanUp(Instant now) {
		return this.transactions.execute(status -> this.jdbc.update("""
				delete from sign_in_throttle where key in (
				    select key from sign_in_throttle where last_at < ? order by last_at limit ? for update skip locked)""",
				Timestamp.from(now.minus(LOCK_DURATION).minus(MEMORY)), CLEAN_UP_BATCH));
	}

	private static String name(String username) {
		String name = (username == null) ? "" : username.strip().toLowerCase(Locale.ROOT);
		return (name.length() > MAX_NAME_IN_KEY) ? name.substring(0, MAX_NAME_IN_KEY) : name;
	}

	private static String address(String address) {
		String from = (address == null) ? "" : address;
		return (from.length() > MAX_ADDRESS_IN_KEY) ? from.substring(0, MAX_ADDRESS_IN_KEY) : from;
	}

	private static String pairKey(String address, String name) {
		return "pair:" + address + "|" + name;
	}

	/**
	 * One sign-in attempt as the throttle decided it.
	 * @param name the name as the throttle keys it (trimmed, lower case)
	 * @param nameFailures the name's failures counting this attempt
	 */
	public record Attempt(String name, String address, boolean allowed, int nameFailures) {
	}

}
