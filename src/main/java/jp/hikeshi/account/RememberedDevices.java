package jp.hikeshi.account;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import jp.hikeshi.audit.AuditAction;
import jp.hikeshi.audit.AuditLog;
import jp.hikeshi.shared.ApplicationSecret;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Browsers a person chose to remember after passing a second factor on them: the next sign-in
 * of that person on that browser needs no second factor until the device expires (at most
 * {@value #MAX_DAYS} days). The browser holds a random token in a cookie; only its HMAC is kept.
 * A password change, removing the app and an administrator's reset forget them all.
 */
@Service
@Transactional
public class RememberedDevices {

	public static final String COOKIE = "hikeshi-device";

	public static final int MAX_DAYS = 30;

	private static final int LABEL_LENGTH = 100;

	private final JdbcTemplate jdbc;

	private final AuditLog audit;

	private final Clock clock;

	private final ApplicationSecret.Seal tokenSeal;

	private final Duration lifetime;

	private final SecureRandom random = new SecureRandom();

	RememberedDevices(JdbcTemplate jdbc, AuditLog audit, Clock clock, ApplicationSecret secret,
			@Value("${hikeshi.sign-in.remembered-device-days:30}") int days) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
		this.tokenSeal = secret.seal("remembered-device-v1");
		this.lifetime = Duration.ofDays(Math.max(1, Math.min(days, MAX_DAYS)));
	}

	/** How long a remembered device is remembered (the cookie's age too). */
	public Duration lifetime() {
		return this.lifetime;
	}

	/** Remembers this browser; returns the token for its cookie. */
	public String remember(long accountId, String username, String userAgent) {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = this.clock.instant();
		this.jdbc.update(
				"insert into remembered_device (account_id, token_hash, label, created_at, expires_at) values (?, ?, ?, ?, ?)",
				accountId, this.tokenSeal.of(token), label(userAgent), Timestamp.from(now),
				Timestamp.from(now.plus(this.lifetime)));
		this.audit.record(username, AuditAction.REMEMBERED_DEVICE_ADDED, username, label(userAgent));
		return token;
	}

	/**
	 * Whether this token is a device this person remembered and that has not expired; another
	 * person's token on the same browser is not theirs. Recorded as a second factor passed.
	 */
	public boolean recognise(long accountId, String username, String token) {
		if (token == null || token.isBlank() || token.length() > 100) {
			return false;
		}
		boolean known = Boolean.TRUE.equals(this.jdbc.queryForObject("""
				select exists (select 1 from remembered_device where account_id = ? and token_hash = ? and expires_at > ?)""",
				Boolean.class, accountId, this.tokenSeal.of(token), Timestamp.from(this.clock.instant())));
		if (known) {
			this.audit.record(username, AuditAction.SECOND_FACTOR_PASSED_DEVICE, username, null);
		}
		return known;
	}

	@Transactional(readOnly = true)
	public List<Device> of(long accountId) {
		return this.jdbc.query("""
				select id, label, created_at, expires_at from remembered_device
				where account_id = ? and expires_at > ? order by created_at desc, id desc""",
				(rs, row) -> new Device(rs.getLong("id"), rs.getString("label"), rs.getTimestamp("created_at").toInstant(),
						rs.getTimestamp("expires_at").toInstant()),
				accountId, Timestamp.from(this.clock.instant()));
	}

	/** The person forgets one of their own devices; another person's id does nothing. */
	public void revoke(long accountId, String username, long deviceId) {
		if (this.jdbc.update("delete from remembered_device where id = ? and account_id = ?", deviceId, accountId) > 0) {
			this.audit.record(username, AuditAction.REMEMBERED_DEVICE_REVOKED, username, null);
		}
	}

	public void revokeAll(long accountId) {
		this.jdbc.update("delete from remembered_device where account_id = ?", accountId);
	}

	/** A name the person recognises, from what the browser says it is ("Chrome on Windows"). */
	static String label(String userAgent) {
		if (userAgent == null || userAgent.isBlank()) {
			return "";
		}
		String browser = userAgent.contains("Edg/") ? "Edge" : userAgent.contains("Firefox/") ? "Firefox"
				: userAgent.contains("Chrome/") ? "Chrome" : userAgent.contains("Safari/") ? "Safari" : null;
		String system = userAgent.contains("Windows") ? "Windows" : userAgent.contains("iPhone") ? "iPhone"
				: userAgent.contains("iPad") ? "iPad" : userAgent.contains("Android") ? "Android"
						: userAgent.contains("Mac OS") ? "macOS" : userAgent.contains("Linux") ? "Linux" : null;
		String label = (browser != null && system != null) ? browser + " / " + system
				: (browser != null) ? browser : (system != null) ? system : userAgent.strip();
		label = label.replaceAll("\\p{Cntrl}", " ");
		return (label.length() > LABEL_LENGTH) ? label.substring(0, LABEL_LENGTH) : label;
	}

	public record Device(long id, String label, Instant createdAt, Instant expiresAt) {
	}

}
