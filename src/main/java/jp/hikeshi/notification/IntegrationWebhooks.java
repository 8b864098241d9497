package jp.hikeshi.notification;

import java.net.URI;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jp.hikeshi.audit.AuditAction;
import jp.hikeshi.audit.AuditLog;
import jp.hikeshi.shared.BusinessRuleViolation;
import jp.hikeshi.shared.PlainTextValidator;
import jp.hikeshi.shared.web.Paging;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The integrators' endpoints (#12), for the settings pages and the REST API: each has a name, an
 * https URL, the events it wants and a signing secret shown once, when it is created. Every
 * change is audited; each endpoint has a log of its deliveries.
 */
@Service
public class IntegrationWebhooks {

	public static final int PAGE_SIZE = 50;

	static final int NAME_LENGTH = 100;

	static final int URL_LENGTH = 1000;

	private static final int SECRET_BYTES = 32;

	private final JdbcClient jdbc;

	private final SecretBox secrets;

	private final EndpointAddresses addresses;

	private final IntegrationFeed feed;

	private final AuditLog audit;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	IntegrationWebhooks(JdbcClient jdbc, SecretBox secrets, EndpointAddresses addresses, IntegrationFeed feed,
			AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.secrets = secrets;
		this.addresses = addresses;
		this.feed = feed;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * An endpoint as the pages and the API show it: never its secret.
	 * @param lastDelivery the newest delivery, {@code null} before the first
	 */
	public record Endpoint(long id, String name, String url, List<IntegrationEvent> events, boolean enabled,
			String createdBy, Instant createdAt, LastDelivery lastDelivery) {
	}

	/** Where the newest delivery to an endpoint stands. */
	public record LastDelivery(IntegrationEvent event, DeliveryState state, Integer httpStatus, Failure failure,
			Instant at) {
	}

	/** A new endpoint and its secret, which is shown this once and never again. */
	public record Created(Endpoint endpoint, String secret) {
	}

	/**
	 * One event sent, or being sent, to an endpoint.
	 * @param messageId the event's {@code id} and {@code webhook-id}
	 * @param httpStatus what the endpoint last answered, {@code null} when it did not answer
	 * @param failure why the last try did not deliver it, in words ({@code Failure.*} labels)
	 * @param nextAttemptAt when it is tried again, while it is pending
	 */
	public record Delivery(long id, String messageId, IntegrationEvent event, String reference, DeliveryState state,
			int attempts, Integer httpStatus, Failure failure, Instant createdAt, Instant sentAt, Instant nextAttemptAt) {
	}

	/** A page of an endpoint's deliveries, newest first. */
	public record Deliveries(List<Delivery> entries, int page, boolean hasNext) {
	}

	@Transactional(readOnly = true)
	public List<Endpoint> list() {
		return this.jdbc.sql(ENDPOINTS + " order by e.id").query(this::endpoint).list();
	}

	/** @throws IntegrationEndpointNotFound when there is no such endpoint */
	@Transactional(readOnly = true)
	public Endpoint get(long id) {
		return this.jdbc.sql(ENDPOINTS + " where e.id = ?")
			.param(id)
			.query(this::endpoint)
			.optional()
			.orElseThrow(() -> new IntegrationEndpointNotFound(id));
	}

	/**
	 * Registers an endpoint; refused, on the field concerned, unless it has a name, an https URL
	 * on the internet and at least one event.
	 */
	@Transactional
	public Created create(String name, String url, Collection<IntegrationEvent> events, String actor) {
		String cleanName = (name == null) ? "" : name.strip();
		if (cleanName.isEmpty()) {
			throw BusinessRuleViolation.onField("name", "integration.name.required");
		}
		if (cleanName.length() > NAME_LENGTH) {
			throw BusinessRuleViolation.onField("name", "integration.name.tooLong", NAME_LENGTH);
		}
		if (!PlainTextValidator.isPlain(cleanName, false)) {
			throw BusinessRuleViolation.onField("name", "PlainText");
		}
		if (url != null && url.strip().length() > URL_LENGTH) {
			throw BusinessRuleViolation.onField("url", "integration.url.tooLong", URL_LENGTH);
		}
		URI uri = this.addresses.check(url);
		if (events == null || events.isEmpty()) {
			throw BusinessRuleViolation.onField("events", "integration.events.required");
		}
		if (events.stream().anyMatch(event -> event == null || !event.isSubscribable())) {
			throw BusinessRuleViolation.onField("events", "integration.events.invalid");
		}
		Set<IntegrationEvent> chosen = EnumSet.copyOf(events);
		byte[] bytes = new byte[SECRET_BYTES];
		this.random.nextBytes(bytes);
		String secret = HookChannel.SECRET_PREFIX + Base64.getEncoder().encodeToString(bytes);
		long id = this.jdbc.sql("""
				insert into integration_endpoint (name, url, secret_encrypted, events, created_by, created_at)
				values (?, ?, ?, ?, ?, ?) returning id""")
			.params(cleanName, uri.toString(), this.secrets.seal(secret),
					chosen.stream().map(Enum::name).toArray(String[]::new), actor, Timestamp.from(this.clock.instant()))
			.query(Long.class)
			.single();
		this.feed.forget();
		this.audit.record(actor, AuditAction.INTEGRATION_WEBHOOK_ADDED, cleanName, site(uri));
		return new Created(get(id), secret);
	}

	/** Deletes an endpoint with its deliveries: what was still waiting is not sent. */
	@Transactional
	public void delete(long id, String actor) {
		Endpoint endpoint = get(id);
		this.jdbc.sql("delete from integration_endpoint where id = ?").param(id).update();
		this.feed.forget();
		this.audit.record(actor, AuditAction.INTEGRATION_WEBHOOK_REMOVED, endpoint.name(), site(URI.create(endpoint.url())));
	}

	/** Switches an endpoint off (nothing is sent to it, what waits is given up) or on again. */
	@Transactional
	public void enable(long id, boolean enabled, String actor) {
		Endpoint endpoint = get(id);
		if (endpoint.enabled() == enabled) {
			return;
		}
		this.jdbc.sql("update integration_endpoint set enabled = ? where id = ?").params(enabled, id).update();
		this.feed.forget();
		this.audit.record(actor,
				enabled ? AuditAction.INTEGRATION_WEBHOOK_ENABLED : AuditAction.INTEGRATION_WEBHOOK_DISABLED,
				endpoint.name(), site(URI.create(endpoint.url())));
	}

	/**
	 * Queues a {@code webhook.test} event for the endpoint, sent at once after the commit and shown
	 * in its log like any other.
	 * @return the event's id
	 */
	@Transactional
	public String sendTest(long id, String actor) {
		Endpoint endpoint = get(id);
		if (!endpoint.enabled()) {
			throw new BusinessRuleViolation("integration.test.disabled");
		}
		String messageId = this.feed.test(id);
		this.audit.record(actor, AuditAction.INTEGRATION_WEBHOOK_TESTED, endpoint.name(), messageId);
		return messageId;
	}

	/** A page of the endpoint's deliveries, newest first, {@value #PAGE_SIZE} a page. */
	@Transactional(readOnly = true)
	public Deliveries deliveries(long id, int page) {
		get(id);
		int from = Paging.page(page);
		List<Delivery> rows = this.jdbc.sql("""
				select id, payload::jsonb ->> 'id' as message_id, rule, reference, state, attempts, http_status, failure,
				       created_at, sent_at, next_attempt_at
				from notification where endpoint_id = ? and channel = 'HOOK'
				order by created_at desc, id desc limit ? offset ?""")
			.params(id, PAGE_SIZE + 1, from * PAGE_SIZE)
			.query((rs, n) -> new Delivery(rs.getLong("id"), rs.getString("message_id"),
					IntegrationEvent.valueOf(rs.getString("rule")), rs.getString("reference"),
					DeliveryState.valueOf(rs.getString("state")), rs.getInt("attempts"),
					(Integer) rs.getObject("http_status", Integer.class), failure(rs.getString("failure")),
					instant(rs, "created_at"), instant(rs, "sent_at"),
					DeliveryState.PENDING.name().equals(rs.getString("state")) ? instant(rs, "next_attempt_at") : null))
			.list();
		return new Deliveries(rows.stream().limit(PAGE_SIZE).toList(), from, rows.size() > PAGE_SIZE);
	}

	private static final String ENDPOINTS = """
			select e.id, e.name, e.url, e.events, e.enabled, e.created_by, e.created_at, d.rule as last_event,
			       d.state as last_state, d.http_status as last_status, d.failure as last_failure,
			       coalesce(d.sent_at, d.created_at) as last_at
			from integration_endpoint e
			left join lateral (select rule, state, http_status, failure, sent_at, created_at from notification n
			                   where n.endpoint_id = e.id order by n.created_at desc, n.id desc limit 1) d on true""";

	private Endpoint endpoint(ResultSet rs, int row) throws SQLException {
		List<IntegrationEvent> events = Arrays.stream((String[]) rs.getArray("events").getArray())
			.map(IntegrationEvent::ofName)
			.flatMap(java.util.Optional::stream)
			.sorted()
			.toList();
		LastDelivery last = (rs.getString("last_state") == null) ? null
				: new LastDelivery(IntegrationEvent.valueOf(rs.getString("last_event")),
						DeliveryState.valueOf(rs.getString("last_state")), rs.getObject("last_status", Integer.class),
						failure(rs.getString("last_failure")), instant(rs, "last_at"));
		return new Endpoint(rs.getLong("id"), rs.getString("name"), rs.getString("url"), events, rs.getBoolean("enabled"),
				rs.getString("created_by"), instant(rs, "created_at"), last);
	}

	private static Failure failure(String name) {
		return (name == null) ? null : Failure.valueOf(name);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp at = rs.getTimestamp(column);
		return (at == null) ? null : at.toInstant();
	}

	/** The scheme, host and port: what the audit log keeps of a URL (a query may hold a token). */
	private static String site(URI uri) {
		return uri.getScheme() + "://" + uri.getHost() + ((uri.getPort() < 0) ? "" : ":" + uri.getPort());
	}

}
