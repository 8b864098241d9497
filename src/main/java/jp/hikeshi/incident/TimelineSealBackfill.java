package jp.hikeshi.incident;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Seals, once, the entries and heads written before the seals existed (V39). The key is not in
 * the database, so a migration cannot do it: the application does at start, in batches, and marks
 * each such seal as made at the upgrade, which the timeline check then says (a change made before
 * that day cannot be told from the seals). Safe on two nodes starting at once: a seal that is
 * already there is left alone.
 */
@Component
class TimelineSealBackfill {

	private static final Log log = LogFactory.getLog(TimelineSealBackfill.class);

	private static final int BATCH = 1000;

	private final JdbcTemplate jdbc;

	private final TimelineSeal seal;

	private final Clock clock;

	TimelineSealBackfill(JdbcTemplate jdbc, TimelineSeal seal, Clock clock) {
		this.jdbc = jdbc;
		this.seal = seal;
		this.clock = clock;
	}

	/** The name it is recorded under once it has found nothing left to seal (V51). */
	static final String TASK = "timeline-seal-backfill";

	/**
	 * Off the start's path, in a thread of its own, and only until it has once found nothing left:
	 * every entry written since V39 is sealed as it is written, so looking again at every start
	 * read the whole timeline (90 s before ready at ten million entries).
	 */
	@EventListener(ApplicationReadyEvent.class)
	void onStart() {
		if (done()) {
			return;
		}
		Thread thread = new Thread(() -> {
			try {
				int sealed = sealWhatIsUnsealed();
				if (sealed > 0) {
					log.info("Sealed " + sealed + " timeline entries and heads written before the timeline was sealed");
				}
				this.jdbc.update("""
						insert into completed_upgrade_task (name, completed_at) values (?, ?)
						on conflict (name) do nothing""", TASK, Timestamp.from(this.clock.instant()));
			}
			catch (RuntimeException ex) {
				log.error("The timeline's entries written before the seals could not be sealed; the next start tries again", ex);
			}
		}, "timeline-seal-backfill");
		thread.setDaemon(true);
		thread.start();
	}

	boolean done() {
		return Boolean.TRUE.equals(this.jdbc.queryForObject(
				"select exists (select 1 from completed_upgrade_task where name = ?)", Boolean.class, TASK));
	}

	/** How many entries and heads it sealed. */
	int sealWhatIsUnsealed() {
		Timestamp now = Timestamp.from(this.clock.instant());
		int sealed = 0;
		// each batch starts after the last one's highest entry: a batch read from the first entry
		// again passed over every sealed one, and at ten million entries took hours
		long after = 0;
		while (true) {
			List<Object[]> batch = this.jdbc.query("""
					select e.id, i.reference, e.sequence, e.hash from incident_timeline_entry e
					join incident i on i.id = e.incident_id
					where e.id > ? and not exists (select 1 from incident_timeline_seal s where s.entry_id = e.id)
					order by e.id limit ?""", (rs, row) -> new Object[] { rs.getLong(1),
					this.seal.entry(rs.getString(2), rs.getInt(3), rs.getString(4)), now }, after, BATCH);
			if (batch.isEmpty()) {
				break;
			}
			this.jdbc.batchUpdate("""
					insert into incident_timeline_seal (entry_id, mac, sealed_at, at_upgrade) values (?, ?, ?, true)
					on conflict (entry_id) do nothing""", batch);
			sealed += batch.size();
			after = (Long) batch.get(batch.size() - 1)[0];
		}
		List<Object[]> heads = this.jdbc.query(
				"select id, reference, timeline_length, timeline_head from incident where timeline_seal is null",
				(rs, row) -> new Object[] { this.seal.head(rs.getString(2), rs.getInt(3), rs.getString(4)),
						rs.getLong(1) });
		this.jdbc.batchUpdate("update incident set timeline_seal = ? where id = ? and timeline_seal is null", heads);
		return sealed + heads.size();
	}

}
