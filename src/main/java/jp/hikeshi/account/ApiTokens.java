package jp.hikeshi.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jp.hikeshi.audit.AuditAction;
import jp.hikeshi.audit.AuditLog;
import jp.hikeshi.shared.BusinessRuleViolation;
import jp.hikeshi.shared.Sha256;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: made by a person under their account, shown once, revoked by them or
 * by the administrator. A token authenticates as its owner with the roles it was made with,
 * and only while the owner still holds exactly those roles and is enabled.
 */
@Service
@Transactional
public class ApiTokens {

	/** What every token starts with, so that secret scanners and people recognise one. */
	public static final String PREFIX = "hks_";

	public static final int DEFAULT_DAYS = 90;

	public static final int MAX_DAYS = 365;

	public static final int MAX_NAME = 100;

	private static final int HINT_LENGTH = 8;

	private static final Duration USE_NOTED_EVERY = Duration.ofMinutes(1);

	private final SecureRandom random = new SecureRandom();

	private final ApiTokenRepository tokens;

	private final UserAccountRepository accounts;

	private final AuditLog audit;

	private final Clock clock;

	private final JdbcClient jdbc;

	/** When each token's use was last written, so that a busy script does not write on every request. */
	private final Map<Long, Instant> lastNoted = new java.util.concurrent.ConcurrentHashMap<>();

	private final TransactionTemplate transactions;

	ApiTokens(ApiTokenRepository tokens, UserAccountRepository accounts, AuditLog audit, Clock clock,
			JdbcClient jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.tokens = tokens;
		this.accounts = accounts;
		this.audit = audit;
		this.clock = clock;
	}

	/** A new token and, this once, its secret value. */
	public record Created(ApiToken token, String secret) {
	}

	/** Who a token acts as, and under which name it is attributed. */
	public record TokenUser(long tokenId, String tokenName, Actor actor) {
	}

	/** A token as a list shows it, with whether it works. */
	public record Listed(ApiToken token, ApiToken.Standing standing) {
	}

	/**
	 * Makes a token for the person acting.
	 * @param days how long it works, 1 to {@value #MAX_DAYS}; {@code null} for {@value #DEFAULT_DAYS}
	 */
	public Created create(Actor owner, String name, Integer days) {
		String trimmed = (name == null) ? "" : name.strip();
		if (trimmed.isEmpty()) {
			throw BusinessRuleViolation.onField("name", "apiToken.nameRequired");
		}
		if (trimmed.length() > MAX_NAME) {
			throw BusinessRuleViolation.onField("name", "apiToken.nameTooLong", MAX_NAME);
		}
		int validity = (days == null) ? DEFAULT_DAYS : days;
		if (validity < 1 || validity > MAX_DAYS) {
			throw BusinessRuleViolation.onField("days", "apiToken.daysOutOfRange", 1, MAX_DAYS);
		}
		UserAccount account = this.accounts.findByUsername(owner.username())
			.filter(UserAccount::isEnabled)
			.orElseThrow(() -> new AccountNotFoundException(owner.username()));
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = now();
		ApiToken token = this.tokens.save(new ApiToken(account.getUsername(), trimmed, Sha256.hex(secret),
				secret.substring(0, HINT_LENGTH) + "…", rolesOf(account.getRoles()), now,
				now.plus(validity, ChronoUnit.DAYS)));
		this.audit.record(owner.username(), AuditAction.API_TOKEN_CREATED, trimmed, account.getUsername());
		return new Created(token, secret);
	}

	/**
	 * The owner a token acts as, if it is one of ours and works now. On every API request, so in
	 * one query (the token, its owner and the owner's roles now) and no transaction; the time of
	 * use is written at most once a minute per token.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public Optional<TokenUser> authenticate(String secret) {
		if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
			return Optional.empty();
		}
		Instant now = now();
		Optional<Found> found = this.jdbc.sql("""
				select t.id, t.name, t.roles, t.expires_at, t.revoked_at, u.username, u.enabled,
				       (select string_agg(r.role, ',') from user_account_role r where r.user_account_id = u.id) as current
				from api_token t left join user_account u on lower(u.username) = lower(t.owner)
				where t.token_hash = ?""")
			.param(Sha256.hex(secret))
			.query((rs, row) -> new Found(rs.getLong("id"), rs.getString("name"), rs.getString("roles"),
					rs.getTimestamp("expires_at").toInstant(), rs.getTimestamp("revoked_at") != null,
					rs.getString("username"), rs.getBoolean("enabled"), roles(rs.getString("current"))))
			.optional();
		return found.filter(token -> token.works(now)).map(token -> {
			noteUse(token, now);
			return new TokenUser(token.id(), token.name(), new Actor(token.username(), token.roles()));
		});
	}

	/** What {@link #authenticate} reads of a token and its owner. */
	private record Found(long id, String name, String rolesThen, Instant expiresAt, boolean revoked, String username,
			boolean enabled, Set<Role> roles) {

		boolean works(Instant now) {
			return ApiToken.Standing.of(this.revoked, this.expiresAt, this.rolesThen, now, rolesOf(this.roles),
					this.username != null && this.enabled).works();
		}

	}

	private void noteUse(Found token, Instant now) {
		long tokenId = token.id();
		Instant noted = this.lastNoted.get(tokenId);
		if (noted != null && noted.isAfter(now.minus(USE_NOTED_EVERY))) {
			return;
		}
		if (this.lastNoted.size() > 100_000) {
			this.lastNoted.clear();
		}
		this.lastNoted.put(tokenId, now);
		// the one node whose update wins puts the use on the audit trail: at most once a minute per token
		this.transactions.executeWithoutResult(status -> {
			int won = this.jdbc
				.sql("update api_token set last_used_at = ? where id = ? and (last_used_at is null or last_used_at < ?)")
				.param(java.sql.Timestamp.from(now))
				.param(tokenId)
				.param(java.sql.Timestamp.from(now.minus(USE_NOTED_EVERY)))
				.update();
			if (won == 1) {
				this.audit.record(token.username(), AuditAction.API_TOKEN_USED, token.name(), token.username());
			}
		});
	}

	private static Set<Role> roles(String names) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		if (names != null) {
			for (String name : names.split(",")) {
				roles.add(Role.valueOf(name));
			}
		}
		return roles;
	}

	/** The person's own tokens, newest first. */
	@Transactional(readOnly = true)
	public List<Listed> mine(Actor owner) {
		return listed(this.tokens.findByOwner(owner.username()));
	}

	/** Every token, for the administrator. */
	@Transactional(readOnly = true)
	public List<Listed> all() {
		return listed(this.tokens.findAllByOrderByCreatedAtDescIdDesc());
	}

	/** Revokes a token: its owner may, and the administrator; for anyone else it does not exist. */
	public void revoke(long id, Actor actor) {
		ApiToken token = this.tokens.findById(id)
			.filter(found -> found.getOwner().equalsIgnoreCase(actor.username()) || actor.has(Role.ADMIN))
			.orElseThrow(() -> new AccountNotFoundException("api-token " + id));
		if (token.getRevokedAt() == null) {
			token.revoke(actor.username(), now());
			this.audit.record(actor.username(), AuditAction.API_TOKEN_REVOKED, token.getName(), token.getOwner());
		}
	}

	private List<Listed> listed(List<ApiToken> list) {
		Set<String> owners = list.stream().map(ApiToken::getOwner).collect(Collectors.toSet());
		Map<String, UserAccount> byName = this.accounts.findByUsernameIn(owners)
			.stream()
			.collect(Collectors.toMap(UserAccount::getUsername, Function.identity()));
		Instant now = now();
		return list.stream().map(token -> {
			UserAccount owner = byName.get(token.getOwner());
			return new Listed(token, token.standing(now, (owner == null) ? "" : rolesOf(owner.getRoles()),
					owner != null && owner.isEnabled()));
		}).toList();
	}

	static String rolesOf(Collection<Role> roles) {
		return (roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles)).stream()
			.map(Role::name)
			.collect(Collectors.joining(","));
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
