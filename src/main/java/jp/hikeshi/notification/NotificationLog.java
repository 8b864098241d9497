package jp.hikeshi.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jp.hikeshi.audit.AuditAction;
import jp.hikeshi.audit.AuditLog;
import jp.hikeshi.shared.BusinessRuleViolation;
import jp.hikeshi.shared.web.Paging;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The administrator's view of the outbox: what went out, what did not and why, and resending. */
@Component
public class NotificationLog {

	public static final int PAGE_SIZE = 50;

	/** The counts cover this many days: all of them would grow with every report ever made. */
	public static final int COUNTED_DAYS = 30;

	static final String COUNTS = """
			select count(*) filter (where state = 'PENDING') as pending, count(*) filter (where state = 'SENT') as sent,
			       count(*) filter (where state = 'FAILED') as failed, count(*) filter (where state = 'NOT_SENT') as not_sent
			from notification where channel in ('EMAIL', 'CHAT') and created_at > ?""";

	static final String RECENT_FAILURE = """
			select failure from notification where channel in ('EMAIL', 'CHAT') and state in ('FAILED', 'PENDING', 'NOT_SENT')
			  and failure is not null and created_at > ?
			group by failure order by count(*) desc limit 1""";

	private final JdbcClient jdbc;

	private final Dispatcher dispatcher;

	private final AuditLog audit;

	private final Clock clock;

	NotificationLog(JdbcClient jdbc, Dispatcher dispatcher, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.dispatcher = dispatcher;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * One mail or chat message (in-app rows are each person's own, and deliveries to integration
	 * endpoints have a log of their own: neither is listed here).
	 */
	public record Entry(long id, Rule rule, Channel channel, String recipient, String webhookName, String reference,
			DeliveryState state, Failure failure, int attempts, Instant createdAt, Instant sentAt) {

		public boolean mayBeResent() {
			return this.state == DeliveryState.FAILED || this.state == DeliveryState.NOT_SENT;
		}

	}

	/** The last {@value #COUNTED_DAYS} days' mails and chat messages by state. */
	public record Counts(long pending, long sent, long failed, long notSent) {

		public int days() {
			return COUNTED_DAYS;
		}

	}

	@Transactional(readOnly = true)
	public List<Entry> page(DeliveryState state, int page) {
		return this.jdbc.sql("""
				select n.id, n.rule, n.channel, n.recipient, w.name as webhook_name, n.reference, n.state, n.failure,
				       n.attempts, n.created_at, n.sent_at
				from notification n left join chat_webhook w on w.id = n.webhook_id
				where n.channel in ('EMAIL', 'CHAT') and (cast(? as varchar) is null or n.state = ?)
				order by n.created_at desc, n.id desc limit ? offset ?""")
			.params((state == null) ? null : state.name(), (state == null) ? null : state.name(), PAGE_SIZE + 1,
					Paging.page(page) * PAGE_SIZE)
			.query((rs, n) -> new Entry(rs.getLong("id"), Rule.valueOf(rs.getString("rule")),
					Channel.valueOf(rs.getString("channel")), rs.getString("recipient"), rs.getString("webhook_name"),
					rs.getString("reference"), DeliveryState.valueOf(rs.getString("state")),
					(rs.getString("failure") == null) ? null : Failure.valueOf(rs.getString("failure")),
					rs.getInt("attempts"), rs.getTimestamp("created_at").toInstant(),
					(rs.getTimestamp("sent_at") == null) ? null : rs.getTimestamp("sent_at").toInstant()))
			.list();
	}

	/** The last {@value #COUNTED_DAYS} days' mails and chat messages by state (V60's index, read alone). */
	@Transactional(readOnly = true)
	public Counts counts() {
		return this.jdbc.sql(COUNTS)
			.param(Timestamp.from(this.clock.instant().minus(Duration.ofDays(COUNTED_DAYS))))
			.query((rs, n) -> new Counts(rs.getLong("pending"), rs.getLong("sent"), rs.getLong("failed"),
					rs.getLong("not_sent")))
			.single();
	}

	/** The most frequent reason of the last day's failures, for the settings page; {@code null} when none failed. */
	@Transactional(readOnly = true)
	public Failure recentFailure() {
		return this.jdbc.sql(RECENT_FAILURE)
			.param(Timestamp.from(this.clock.instant().minusSeconds(86_400)))
			.query((rs, n) -> Failure.valueOf(rs.getString(1)))
			.optional()
			.orElse(null);
	}

	/**
	 * Sends a failed or unsent notification again, now. A sent one is never resent: nobody
	 * gets the same message twice.
	 */
	@Transactional
	public void resend(long id, String actor) {
		Timestamp now = Timestamp.from(this.clock.instant());
		int updated = this.jdbc.sql("""
				update notification set state = 'PENDING', failure = null, attempts = 0, next_attempt_at = ?
				where id = ? and channel in ('EMAIL', 'CHAT') and state in ('FAILED', 'NOT_SENT')""")
			.params(now, id)
			.update();
		if (updated == 0) {
			throw new BusinessRuleViolation("notification.log.notResendable");
		}
		String reference = this.jdbc.sql("select coalesce(reference, '') from notification where id = ?")
			.param(id)
			.query(String.class)
			.single();
		this.audit.record(actor, AuditAction.NOTIFICATION_RESENT, reference.isEmpty() ? "—" : reference, null);
		this.dispatcher.wakeAfterCommit();
	}

}
