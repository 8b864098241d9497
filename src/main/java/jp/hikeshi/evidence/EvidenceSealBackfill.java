package jp.hikeshi.evidence;

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
 * Seals, once, the hashes of evidence kept before the seals existed (V40): the key is not in the
 * database, so the application does it at start, and notes when. A hash rewritten before that
 * day is sealed as it stands; the content is still checked against it at every download.
 */
@Component
class EvidenceSealBackfill {

	private static final Log log = LogFactory.getLog(EvidenceSealBackfill.class);

	private final JdbcTemplate jdbc;

	private final EvidenceService evidence;

	private final Clock clock;

	EvidenceSealBackfill(JdbcTemplate jdbc, EvidenceService evidence, Clock clock) {
		this.jdbc = jdbc;
		this.evidence = evidence;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void onStart() {
		int sealed = sealWhatIsUnsealed();
		if (sealed > 0) {
			log.info("Sealed the hashes of " + sealed + " evidence files kept before evidence was sealed");
		}
	}

	int sealWhatIsUnsealed() {
		Timestamp now = Timestamp.from(this.clock.instant());
		List<Object[]> unsealed = this.jdbc.query(
				"select id, incident_id, sha256, size_bytes from evidence where seal is null",
				(rs, row) -> new Object[] { this.evidence.seal(rs.getLong(1), rs.getLong(2), rs.getString(3),
						rs.getLong(4)), now, rs.getLong(1) });
		this.jdbc.batchUpdate("update evidence set seal = ?, sealed_at_upgrade = ? where id = ? and seal is null",
				unsealed);
		return unsealed.size();
	}

}
