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
 * The bell's count, asked on every page, reads a reader's unread notifications from the index that
 * holds only unread ones, whoever the reader is: behind thousands of other people's read
 * notifications, PostgreSQL had chosen to read the table from its start (V59).
 */
@IntegrationTest
class BellCountTest {

	@Autowired
	Inbox inbox;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	DatabaseOwner owner;

	@Test
	void countsFromTheUnreadIndexUpToTheBellsBound() {
		String other = "other-" + UUID.randomUUID();
		String reader = "reader-" + UUID.randomUUID();
		String quiet = "quiet-" + UUID.randomUUID();
		// someone else's read notifications first in the table, then the reader's unread ones
		notifications(other, 3000, true);
		notifications(reader, 150, false);
		notifications(quiet, 20, true);
		this.owner.jdbc().execute("analyze notification");

		String plan = this.transactions.execute(status -> GenericPlan.of(this.jdbc, Inbox.UNREAD, false));
		assertThat(plan).contains("notification_unread_newest").doesNotContain("Seq Scan");

		assertThat(this.inbox.unread(reader)).isEqualTo(new Inbox.Unread(Inbox.BELL_SHOWS_UP_TO, true));
		assertThat(this.inbox.unread(quiet)).isEqualTo(new Inbox.Unread(0, false));
		notifications(quiet, 3, false);
		assertThat(this.inbox.unread(quiet)).isEqualTo(new Inbox.Unread(3, false));
	}

	private void notifications(String recipient, int count, boolean read) {
		this.owner.jdbc().update("""
				insert into notification (rule, occurrence, channel, recipient, params, state, next_attempt_at,
				                          created_at, sent_at, read_at)
				select 'TRIAGE_WAITING', 'bell-test:' || ? || ':' || g, 'IN_APP', ?, '{}', 'SENT', now(), now(), now(),
				       case when ? then now() end
				from generate_series(1, ?) g""", recipient + (read ? ":read" : ":unread") + UUID.randomUUID(),
				recipient, read, count);
	}

}
