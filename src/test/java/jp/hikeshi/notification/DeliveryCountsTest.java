package jp.hikeshi.notification;

import java.util.UUID;

import jp.hikeshi.test.GenericPlan;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestDatabaseConfiguration.DatabaseOwner;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the notification settings page says of delivery: the last 30 days' mails and chat messages
 * by state, read from an index of them, neither the person's in-app notifications nor older ones.
 */
@IntegrationTest
class DeliveryCountsTest {

	@Autowired
	NotificationLog log;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	DatabaseOwner owner;

	@Test
	void theCountsAreTheLastThirtyDaysMailsAndChatMessagesByState() {
		NotificationLog.Counts before = this.log.counts();

		notifications("EMAIL", "SENT", null, 0, 3);
		notifications("CHAT", "FAILED", "WEBHOOK_SERVER_ERROR", 1, 1);
		notifications("EMAIL", "NOT_SENT", "NO_MAIL_SERVER", 0, 2);
		notifications("EMAIL", "PENDING", null, 29, 1);
		notifications("IN_APP", "SENT", null, 0, 5);
		notifications("EMAIL", "SENT", null, 31, 4);
		notifications("EMAIL", "FAILED", "TIMEOUT", 40, 2);

		NotificationLog.Counts after = this.log.counts();
		assertThat(after.sent() - before.sent()).isEqualTo(3);
		assertThat(after.failed() - before.failed()).isEqualTo(1);
		assertThat(after.notSent() - before.notSent()).isEqualTo(2);
		assertThat(after.pending() - before.pending()).isEqualTo(1);
		assertThat(after.days()).isEqualTo(30);
	}

	@Test
	void theCountsAndTheDaysFailuresReadTheIndexesOfRecentDeliveries() {
		String counts = this.transactions.execute(status -> GenericPlan.of(this.jdbc, NotificationLog.COUNTS, true));
		// index-only once the table's pages are all-visible, through a bitmap before: never the whole outbox
		assertThat(counts).containsPattern("(using|on) notification_delivery_recent").doesNotContain("Seq Scan");
		String failures = this.transactions
			.execute(status -> GenericPlan.of(this.jdbc, NotificationLog.RECENT_FAILURE, true));
		// the failures alone, or the day's deliveries that were not sent: never the whole outbox
		assertThat(failures).containsPattern("(using|on) notification_delivery_(failures|recent)")
			.doesNotContain("Seq Scan");
	}

	private void notifications(String channel, String state, String failure, int daysAgo, int count) {
		boolean chat = channel.equals("CHAT");
		this.owner.jdbc().update("""
				insert into notification (rule, occurrence, channel, recipient, webhook_id, params, state, failure,
				                          next_attempt_at, created_at)
				select 'NEW_REPORT', 'counts-test:' || ? || ':' || g, ?, ?, ?, '{}', ?, ?, now(),
				       now() - make_interval(days => ?) + interval '1 minute'
				from generate_series(1, ?) g""", UUID.randomUUID().toString(), channel, chat ? null : "counts-reader",
				chat ? -1L : null, state, failure, daysAgo, count);
	}

}
