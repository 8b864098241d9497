package jp.hikeshi.account;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;


import jp.hikeshi.audit.AuditAction;
import jp.hikeshi.audit.AuditLog;
import jp.hikeshi.shared.ApplicationSecret;
import jp.hikeshi.shared.BusinessRuleViolation;
import jp.hikeshi.shared.SecretBox;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's authenticator app (RFC 6238) and the ten recovery codes that stand in for it. The
 * secret is shown while the app is being added and never again: it is kept encrypted and counts
 * only once a code from the app has been confirmed. Every code is checked against the person's
 * second-factor throttle first; a code of a time step already used is refused (one statement
 * decides, so the same code sent twice at once signs in once).
 */
@Service
@Transactional
public class AuthenticatorApps implements FactorEnrolments {

	/** Recovery codes made at a time. */
	public static final int RECOVERY_CODES = 10;

	private static final int SECRET_BYTES = 20;

	/** 12 characters of 32: 60 bits; no l, o, 0 or 1 to misread. */
	private static final String RECOVERY_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

	private static final int RECOVERY_LENGTH = 12;

	private final JdbcTemplate jdbc;

	private final LoginThrottle throttle;

	private final AuditLog audit;

	private final PasswordEncoder passwords;

	private final UserAccountRepository accounts;

	private final RememberedDevices devices;

	private final Clock clock;

	private final SecretBox secretBox;

	private final ApplicationSecret.Seal recoveryCodeSeal;

	private final SecureRandom random = new SecureRandom();

	AuthenticatorApps(JdbcTemplate jdbc, LoginThrottle throttle, AuditLog audit, PasswordEncoder passwords,
			UserAccountRepository accounts, RememberedDevices devices, ApplicationSecret secret, Clock clock) {
		this.jdbc = jdbc;
		this.throttle = throttle;
		this.audit = audit;
		this.passwords = passwords;
		this.accounts = accounts;
		this.devices = devices;
		this.clock = clock;
		this.secretBox = new SecretBox(secret.encryptionKey("authenticator-app-v1"));
		this.recoveryCodeSeal = secret.seal("recovery-code-v1");
	}

	/** What a person's own page shows. */
	@Transactional(readOnly = true)
	public Status status(long accountId) {
		return this.jdbc.query("""
				select (select confirmed_at from authenticator_app where account_id = ?) as confirmed_at,
				       exists (select 1 from authenticator_app where account_id = ?) as started,
				       (select count(*) from recovery_code where account_id = ? and used_at is null) as left_over""",
				rs -> {
					rs.next();
					Timestamp confirmed = rs.getTimestamp("confirmed_at");
					return new Status(confirmed != null, rs.getBoolean("started") && confirmed == null,
							rs.getInt("left_over"));
				}, accountId, accountId, accountId);
	}

	/**
	 * Starts adding an app: a new secret, replacing one not yet confirmed. Refused while an app
	 * is in use (remove it first).
	 */
	public void start(long accountId) {
		if (status(accountId).enrolled()) {
			throw new BusinessRuleViolation("authenticatorApp.alreadyEnrolled");
		}
		byte[] secret = new byte[SECRET_BYTES];
		this.random.nextBytes(secret);
		this.jdbc.update("""
				insert into authenticator_app (account_id, secret, created_at) values (?, ?, ?)
				on conflict (account_id) do update set secret = excluded.secret, created_at = excluded.created_at, last_step = 0""",
				accountId, encrypt(secret), Timestamp.from(this.clock.instant()));
	}

	/** The secret of an app being added, as the person types it into the app; empty once confirmed. */
	@Transactional(readOnly = true)
	public Optional<String> pendingSecret(long accountId) {
		return this.jdbc
			.query("select secret from authenticator_app where account_id = ? and confirmed_at is null",
					(rs, row) -> rs.getString(1), accountId)
			.stream()
			.findFirst()
			.map(stored -> Totp.base32(decrypt(stored)));
	}

	/**
	 * The first code from the app: it now counts, and ten recovery codes are made (returned
	 * once, to be shown once).
	 */
	public List<String> confirm(long accountId, String username, String code) {
		byte[] secret = this.jdbc
			.query("select secret from authenticator_app where account_id = ? and confirmed_at is null",
					(rs, row) -> decrypt(rs.getString(1)), accountId)
			.stream()
			.findFirst()
			.orElseThrow(() -> new BusinessRuleViolation("authenticatorApp.notStarted"));
		if (!this.throttle.reserveSecondFactor(username)) {
			throw BusinessRuleViolation.onField("code", "secondFactor.throttled");
		}
		OptionalLong step = Totp.matchingStep(secret, code, this.clock.instant());
		if (step.isEmpty()) {
			throw BusinessRuleViolation.onField("code", "secondFactor.codeWrong");
		}
		this.throttle.secondFactorProven(username);
		this.jdbc.update("update authenticator_app set confirmed_at = ?, last_step = ? where account_id = ?",
				Timestamp.from(this.clock.instant()), step.getAsLong(), accountId);
		this.audit.record(username, AuditAction.AUTHENTICATOR_APP_ENROLLED, username, null);
		return makeRecoveryCodes(accountId, username);
	}

	/** A code at the second-factor gate (or to prove it is the app's owner). */
	public Check check(long accountId, String username, String code) {
		Check check = checkCode(accountId, username, code);
		recordAtTheGate(username, check, AuditAction.SECOND_FACTOR_PASSED_APP);
		return check;
	}

	/** A recovery code at the gate: each works once. */
	public Check useRecoveryCode(long accountId, String username, String code) {
		Check check;
		if (!this.throttle.reserveSecondFactor(username)) {
			check = Check.THROTTLED;
		}
		else {
			String hash = this.recoveryCodeSeal.of(accountId, normalise(code));
			Instant now = this.clock.instant();
			int used = this.jdbc.update(
					"update recovery_code set used_at = ? where account_id = ? and code_hash = ? and used_at is null",
					Timestamp.from(now), accountId, hash);
			if (used == 1) {
				this.throttle.secondFactorProven(username);
				check = Check.ACCEPTED;
			}
			else {
				boolean reused = Boolean.TRUE.equals(this.jdbc.queryForObject(
						"select exists (select 1 from recovery_code where account_id = ? and code_hash = ?)", Boolean.class,
						accountId, hash));
				check = reused ? Check.REUSED : Check.WRONG;
			}
		}
		recordAtTheGate(username, check, AuditAction.SECOND_FACTOR_PASSED_RECOVERY_CODE);
		return check;
	}

	/** New recovery codes; the old ones stop working. */
	public List<String> renewRecoveryCodes(long accountId, String username) {
		if (!status(accountId).enrolled()) {
			throw new BusinessRuleViolation("authenticatorApp.notEnrolled");
		}
		return makeRecoveryCodes(accountId, username);
	}

	/**
	 * The person removes their own app, proving it with a current code or their password; the
	 * recovery codes and remembered devices go with it.
	 */
	public void remove(long accountId, String username, String proof) {
		if (!status(accountId).enrolled()) {
			throw new BusinessRuleViolation("authenticatorApp.notEnrolled");
		}
		boolean proven;
		if (proof.matches("\\d{" + Totp.DIGITS + "}")) {
			Check check = checkCode(accountId, username, proof);
			if (check == Check.THROTTLED) {
				throw BusinessRuleViolation.onField("proof", "secondFactor.throttled");
			}
			proven = check == Check.ACCEPTED;
		}
		else {
			if (!this.throttle.reserveSecondFactor(username)) {
				throw BusinessRuleViolation.onField("proof", "secondFactor.throttled");
			}
			proven = this.accounts.findById(accountId)
				.map(account -> this.passwords.matches(proof, account.getPasswordHash()))
				.orElse(false);
		}
		if (!proven) {
			throw BusinessRuleViolation.onField("proof", "authenticatorApp.proofWrong");
		}
		this.throttle.secondFactorProven(username);
		removeAll(accountId);
		this.audit.record(username, AuditAction.AUTHENTICATOR_APP_REMOVED, username, null);
	}

	@Override
	@Transactional(readOnly = true)
	public boolean hasAny(long accountId) {
		return Boolean.TRUE.equals(this.jdbc.queryForObject(
				"select exists (select 1 from authenticator_app where account_id = ? and confirmed_at is not null)",
				Boolean.class, accountId));
	}

	/** The app, its recovery codes and the remembered devices. */
	@Override
	public void removeAll(long accountId) {
		this.jdbc.update("delete from authenticator_app where account_id = ?", accountId);
		this.jdbc.update("delete from recovery_code where account_id = ?", accountId);
		this.devices.revokeAll(accountId);
	}

	private Check checkCode(long accountId, String username, String code) {
		List<byte[]> secrets = this.jdbc.query(
				"select secret from authenticator_app where account_id = ? and confirmed_at is not null",
				(rs, row) -> decrypt(rs.getString(1)), accountId);
		if (secrets.isEmpty()) {
			return Check.WRONG;
		}
		if (!this.throttle.reserveSecondFactor(username)) {
			return Check.THROTTLED;
		}
		OptionalLong step = Totp.matchingStep(secrets.get(0), code, this.clock.instant());
		if (step.isEmpty()) {
			return Check.WRONG;
		}
		// only a step later than the last one accepted: a code is good once, however many send it
		int taken = this.jdbc.update(
				"update authenticator_app set last_step = ? where account_id = ? and confirmed_at is not null and last_step < ?",
				step.getAsLong(), accountId, step.getAsLong());
		if (taken == 0) {
			return Check.REPLAYED;
		}
		this.throttle.secondFactorProven(username);
		return Check.ACCEPTED;
	}

	private void recordAtTheGate(String username, Check check, AuditAction passed) {
		AuditAction action = switch (check) {
			case ACCEPTED -> passed;
			case WRONG -> AuditAction.SECOND_FACTOR_WRONG_CODE;
			case REPLAYED -> AuditAction.SECOND_FACTOR_REPLAYED_CODE;
			case REUSED -> AuditAction.RECOVERY_CODE_REUSED;
			case THROTTLED -> AuditAction.SECOND_FACTOR_THROTTLED;
		};
		this.audit.record(username, action, username, null);
	}

	private List<String> makeRecoveryCodes(long accountId, String username) {
		this.jdbc.update("delete from recovery_code where account_id = ?", accountId);
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < RECOVERY_CODES; i++) {
			StringBuilder code = new StringBuilder();
			for (int c = 0; c < RECOVERY_LENGTH; c++) {
				if (c > 0 && c % 4 == 0) {
					code.append('-');
				}
				code.append(RECOVERY_ALPHABET.charAt(this.random.nextInt(RECOVERY_ALPHABET.length())));
			}
			codes.add(code.toString());
			this.jdbc.update("insert into recovery_code (account_id, code_hash) values (?, ?)", accountId,
					this.recoveryCodeSeal.of(accountId, normalise(code.toString())));
		}
		this.audit.record(username, AuditAction.RECOVERY_CODES_MADE, username, null);
		return codes;
	}

	/** As typed: with or without the hyphens, spaces, in either case. */
	static String normalise(String code) {
		return code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
	}

	private String encrypt(byte[] secret) {
		return Base64.getEncoder().encodeToString(this.secretBox.seal(secret));
	}

	private byte[] decrypt(String stored) {
		byte[] secret = this.secretBox.openBytes(Base64.getDecoder().decode(stored));
		if (secret == null) {
			throw new IllegalStateException("The authenticator app's secret cannot be read with this installation's key");
		}
		return secret;
	}

	/** How a code at the gate went. */
	public enum Check {

		ACCEPTED, WRONG, REPLAYED, REUSED, THROTTLED

	}

	/**
	 * @param enrolled an app is in use
	 * @param pending an app is being added (its secret still shown)
	 * @param recoveryCodesLeft unused recovery codes
	 */
	public record Status(boolean enrolled, boolean pending, int recoveryCodesLeft) {
	}

}
