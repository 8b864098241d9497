package jp.hikeshi.notification;

import java.time.Clock;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jp.hikeshi.audit.AuditAction;
import jp.hikeshi.audit.AuditLog;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The company's and each person's notification choices, kept in PostgreSQL. */
@Service
public class NotificationSettings {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	private final String defaultSender;

	private final String defaultBaseUrl;

	private static final java.time.Duration FRESH = java.time.Duration.ofSeconds(10);

	private volatile Cached cached;

	NotificationSettings(JdbcClient jdbc, AuditLog audit, Clock clock,
			@Value("${hikeshi.notifications.sender:hikeshi@localhost}") String defaultSender,
			@Value("${hikeshi.public-base-url:http://localhost:8080}") String defaultBaseUrl) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
		this.defaultSender = defaultSender;
		this.defaultBaseUrl = defaultBaseUrl;
	}

	/**
	 * The company's choices as the sending path reads them: kept for a few seconds, since every
	 * report and every mail asks. A save on this node is seen at once, on another within that time.
	 */
	CompanySettings cachedCompany() {
		Cached cached = this.cached;
		java.time.Instant now = this.clock.instant();
		if (cached != null && now.isBefore(cached.until())) {
			return cached.settings();
		}
		CompanySettings loaded = company();
		this.cached = new Cached(loaded, now.plus(FRESH));
		return loaded;
	}

	private record Cached(CompanySettings settings, java.time.Instant until) {
	}

	/** The company's choices as stored now: for the settings page and its saving. */
	@Transactional(readOnly = true)
	public CompanySettings company() {
		Map<Rule, CompanySettings.Channels> rules = new EnumMap<>(Rule.class);
		this.jdbc.sql("select rule, email, chat from notification_rule").query((rs, n) -> {
			rules.put(Rule.valueOf(rs.getString("rule")),
					new CompanySettings.Channels(rs.getBoolean("email"), rs.getBoolean("chat")));
			return null;
		}).list();
		return this.jdbc
			.sql("select sender, public_base_url, triage_timeout_minutes, digest_hour, version from notification_settings")
			.query((rs, n) -> new CompanySettings(rs.getString("sender"), rs.getString("public_base_url"),
					rs.getInt("triage_timeout_minutes"), rs.getInt("digest_hour"), rules, rs.getLong("version")))
			.single();
	}

	/** The From address of mails: the administrator's, else the configured default. */
	public String sender() {
		return sender(company());
	}

	String sender(CompanySettings company) {
		String chosen = company.sender();
		return (chosen == null || chosen.isBlank()) ? this.defaultSender : chosen;
	}

	/** Where links in mails and chat point: the administrator's, else the configured default, without a trailing slash. */
	public String publicBaseUrl() {
		return publicBaseUrl(company());
	}

	String publicBaseUrl(CompanySettings company) {
		String chosen = company.publicBaseUrl();
		String url = (chosen == null || chosen.isBlank()) ? this.defaultBaseUrl : chosen;
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	/** The administrator saves the company's choices; refused when someone else saved meanwhile. */
	@Transactional
	public void saveCompany(CompanySettings settings, String actor) {
		int updated = this.jdbc.sql("""
				update notification_settings set sender = ?, public_base_url = ?, triage_timeout_minutes = ?,
				       digest_hour = ?, version = version + 1
				where id = 1 and version = ?""")
			.params(blankToNull(settings.sender()), blankToNull(settings.publicBaseUrl()),
					settings.triageTimeoutMinutes(), settings.digestHour(), settings.version())
			.update();
		if (updated == 0) {
			throw new ObjectOptimisticLockingFailureException("notification_settings", 1);
		}
		this.cached = null;
		this.jdbc.sql("delete from notification_rule").update();
		settings.rules()
			.forEach((rule, channels) -> this.jdbc.sql("insert into notification_rule (rule, email, chat) values (?, ?, ?)")
				.params(rule.name(), channels.email(), channels.chat())
				.update());
		this.audit.record(actor, AuditAction.NOTIFICATION_SETTINGS_CHANGED, sender(), null);
	}

	/** A person's choices: their language, the digest, the rules they want no mail for. */
	public PersonalSettings personal(String username) {
		return personal(List.of(username)).get(username);
	}

	/**
	 * Several people's choices at once, for one notification to many: one statement however many
	 * people, and outside a transaction none is begun for it (the dispatcher asks before each mail).
	 */
	public Map<String, PersonalSettings> personal(Collection<String> usernames) {
		Map<String, PersonalSettings> all = new HashMap<>();
		this.jdbc.sql("""
				select asked.username, person.language, coalesce(person.digest, false) as digest,
				       array(select o.rule::text from notification_opt_out o where o.username = asked.username) as off
				from unnest(cast(? as text[])) as asked(username)
				left join notification_person person on person.username = asked.username""")
			.param(usernames.toArray(String[]::new))
			.query(rs -> {
				String language = rs.getString("language");
				Set<Rule> off = EnumSet.noneOf(Rule.class);
				for (String rule : (String[]) rs.getArray("off").getArray()) {
					off.add(Rule.valueOf(rule));
				}
				all.put(rs.getString("username"),
						new PersonalSettings((language != null) ? Locale.forLanguageTag(language) : Locale.JAPANESE,
								rs.getBoolean("digest"), off));
			});
		return all;
	}

	/** Who asked for the daily digest. */
	@Transactional(readOnly = true)
	public List<String> digestReaders() {
		return this.jdbc.sql("select username from notification_person where digest order by username")
			.query(String.class)
			.list();
	}

	@Transactional
	public void savePersonal(String username, PersonalSettings settings) {
		this.jdbc.sql("""
				insert into notification_person (username, language, digest, updated_at) values (?, ?, ?, ?)
				on conflict (username) do update set language = excluded.language, digest = excluded.digest,
				       updated_at = excluded.updated_at""")
			.params(username, settings.language().getLanguage(), settings.digest(),
					java.sql.Timestamp.from(this.clock.instant()))
			.update();
		this.jdbc.sql("delete from notification_opt_out where username = ?").param(username).update();
		settings.emailOff()
			.forEach(rule -> this.jdbc.sql("insert into notification_opt_out (username, rule) values (?, ?)")
				.params(username, rule.name())
				.update());
	}

	/** The language a person reads Hikeshi in, remembered when they switch it, for their mails. */
	@Transactional
	public void rememberLanguage(String username, Locale language) {
		this.jdbc.sql("""
				insert into notification_person (username, language, digest, updated_at) values (?, ?, false, ?)
				on conflict (username) do update set language = excluded.language, updated_at = excluded.updated_at
				where notification_person.language <> excluded.language""")
			.params(username, language.getLanguage(), java.sql.Timestamp.from(this.clock.instant()))
			.update();
	}

	/** Whether a typed value is one plain e-mail address: no second address, no line break. */
	public static boolean isSingleAddress(String value) {
		return MailChannel.isSingleAddress(value);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
