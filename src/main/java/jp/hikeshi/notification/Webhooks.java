package jp.hikeshi.notification;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jp.hikeshi.audit.AuditAction;
import jp.hikeshi.audit.AuditLog;
import jp.hikeshi.shared.BusinessRuleViolation;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The company's chat webhooks: kept encrypted, shown by a hint, added and removed by the administrator. */
@Component
public class Webhooks {

	private final JdbcClient jdbc;

	private final SecretBox secrets;

	private final AuditLog audit;

	private final Clock clock;

	private final boolean allowPlainHttp;

	private final List<String> extraHosts;

	private volatile Ids cachedIds;

	/**
	 * @param extraHosts hosts accepted besides each service's own (a proxy in front of the chat
	 * service; the tests' local receiver)
	 */
	Webhooks(JdbcClient jdbc, SecretBox secrets, AuditLog audit, Clock clock,
			@Value("${hikeshi.notifications.allow-plain-http-webhooks:false}") boolean allowPlainHttp,
			@Value("${hikeshi.notifications.webhook-hosts:}") List<String> extraHosts) {
		this.jdbc = jdbc;
		this.secrets = secrets;
		this.audit = audit;
		this.clock = clock;
		this.allowPlainHttp = allowPlainHttp;
		this.extraHosts = extraHosts.stream().map(String::strip).filter(host -> !host.isEmpty()).toList();
	}

	/** A webhook as the settings page shows it: never its URL. */
	public record Webhook(long id, WebhookKind kind, String name, String hint, Locale language, String createdBy,
			Instant createdAt) {
	}

	/** Where to post, decrypted for the moment of sending; {@code url} is {@code null} when the key changed. */
	record Target(long id, WebhookKind kind, String url, Locale language) {
	}

	@Transactional(readOnly = true)
	public List<Webhook> all() {
		return this.jdbc.sql("select id, kind, name, url_hint, language, created_by, created_at from chat_webhook order by id")
			.query((rs, n) -> new Webhook(rs.getLong("id"), WebhookKind.valueOf(rs.getString("kind")), rs.getString("name"),
					rs.getString("url_hint"), Locale.forLanguageTag(rs.getString("language")), rs.getString("created_by"),
					rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	/** The webhooks to post to, kept for a few seconds: every report asks; a change on this node is seen at once. */
	List<Long> ids() {
		Ids cached = this.cachedIds;
		java.time.Instant now = this.clock.instant();
		if (cached != null && now.isBefore(cached.until())) {
			return cached.ids();
		}
		List<Long> ids = this.jdbc.sql("select id from chat_webhook order by id").query(Long.class).list();
		this.cachedIds = new Ids(List.copyOf(ids), now.plusSeconds(10));
		return ids;
	}

	private record Ids(List<Long> ids, java.time.Instant until) {
	}

	Optional<Target> target(long id) {
		return this.jdbc.sql("select id, kind, url_encrypted, language from chat_webhook where id = ?")
			.param(id)
			.query((rs, n) -> new Target(rs.getLong("id"), WebhookKind.valueOf(rs.getString("kind")),
					this.secrets.open(rs.getBytes("url_encrypted")), Locale.forLanguageTag(rs.getString("language"))))
			.optional();
	}

	/** Adds a webhook; refused unless its URL is an https address (a plain one would carry the secret in clear). */
	@Transactional
	public long add(WebhookKind kind, String name, String url, Locale language, String actor) {
		URI uri = check(kind, url);
		Long id = this.jdbc.sql("""
				insert into chat_webhook (kind, name, url_encrypted, url_hint, language, created_by, created_at)
				values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(kind.name(), name.strip(), this.secrets.seal(uri.toString()), hint(uri), language.getLanguage(), actor,
					Timestamp.from(this.clock.instant()))
			.query(Long.class)
			.single();
		this.audit.record(actor, AuditAction.WEBHOOK_ADDED, name.strip(), hint(uri));
		this.cachedIds = null;
		return id;
	}

	@Transactional
	public void remove(long id, String actor) {
		Webhook webhook = all().stream().filter(w -> w.id() == id).findFirst()
			.orElseThrow(() -> new BusinessRuleViolation("notification.webhook.gone"));
		// messages still waiting for it will not go anywhere: say so in the log
		this.jdbc.sql("update notification set state = 'FAILED', failure = 'WEBHOOK_REMOVED' where webhook_id = ? and state = 'PENDING'")
			.param(id)
			.update();
		this.jdbc.sql("delete from chat_webhook where id = ?").param(id).update();
		this.cachedIds = null;
		this.audit.record(actor, AuditAction.WEBHOOK_REMOVED, webhook.name(), webhook.hint());
	}

	/** The URL as it will be kept, or the refusal a person can act on. */
	URI check(WebhookKind kind, String url) {
		URI uri;
		try {
			uri = new URI(url.strip());
		}
		catch (URISyntaxException ex) {
			throw BusinessRuleViolation.onField("url", "notification.webhook.invalid");
		}
		String scheme = (uri.getScheme() == null) ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
			throw BusinessRuleViolation.onField("url", "notification.webhook.invalid");
		}
		if (scheme.equals("http") && !this.allowPlainHttp) {
			throw BusinessRuleViolation.onField("url", "notification.webhook.notHttps");
		}
		if (uri.getUserInfo() != null) {
			throw BusinessRuleViolation.onField("url", "notification.webhook.invalid");
		}
		if (!kind.serves(uri.getHost()) && !this.extraHosts.contains(uri.getHost())) {
			throw BusinessRuleViolation.onField("url", "notification.webhook.host",
					new DefaultMessageSourceResolvable("WebhookKind." + kind.name()));
		}
		return uri;
	}

	/** "https://hooks.slack.com/…Xy9Q": the host to recognise it, four characters to tell two apart. */
	static String hint(URI uri) {
		String whole = uri.toString();
		String tail = whole.substring(Math.max(whole.length() - 4, 0));
		return uri.getScheme() + "://" + uri.getHost() + "/…" + tail;
	}

}
