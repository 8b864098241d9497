package jp.hikeshi.api;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Supplier;

import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentState;
import jp.hikeshi.shared.BusinessRuleViolation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code Idempotency-Key}: a report retried with the key it was first sent with returns the
 * first result instead of opening a second incident. The key is claimed in the same transaction
 * as the report ({@code INSERT … ON CONFLICT DO NOTHING}): a second request with the same key
 * waits for the first to commit, then reads what it made; if the first failed, nothing was
 * claimed and the second makes the report itself. Keys count for {@link #KEPT}; older ones are
 * ignored, and removed when their owner sends again.
 */
@Component
class Idempotency {

	static final String HEADER = "Idempotency-Key";

	static final String REPLAYED = "Idempotent-Replayed";

	static final int MAX_KEY = 200;

	static final Duration KEPT = Duration.ofHours(24);

	private final JdbcClient jdbc;

	private final Clock clock;

	Idempotency(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** What the first request with a key made: the incident, the state the first answer named. */
	record Outcome(long incidentId, String reference, IncidentState state, boolean replayed) {
	}

	/** Whether a header value may be a key: 1 to {@value #MAX_KEY} printable ASCII characters. */
	static boolean isValidKey(String key) {
		return key != null && !key.isEmpty() && key.length() <= MAX_KEY
				&& key.chars().allMatch(c -> c >= 0x20 && c <= 0x7e);
	}

	/**
	 * Reports once per key: the first request runs {@code report}; a retry with the same body
	 * gets what the first made; the same key with another body is refused
	 * ({@code api.idempotency.mismatch}).
	 */
	@Transactional
	Outcome once(String owner, String key, String requestHash, Supplier<Incident> report) {
		if (claim(owner, key, requestHash)) {
			Incident incident = report.get();
			this.jdbc.sql("update api_idempotency set incident_id = ?, state = ? where owner = ? and idempotency_key = ?")
				.params(incident.getId(), incident.getState().name(), owner, key)
				.update();
			return new Outcome(incident.getId(), incident.getReference(), incident.getState(), false);
		}
		// another request holds the key, and has committed: its result is the answer
		Claimed first = this.jdbc
			.sql("""
					select k.request_hash, k.incident_id, i.reference, k.state
					from api_idempotency k left join incident i on i.id = k.incident_id
					where k.owner = ? and k.idempotency_key = ?""")
			.params(owner, key)
			.query((row, n) -> new Claimed(row.getString(1), row.getObject(2, Long.class), row.getString(3),
					row.getString(4)))
			.optional()
			.orElseThrow(() -> new IllegalStateException("an idempotency key vanished while it was read"));
		if (!first.requestHash().equals(requestHash)) {
			throw new BusinessRuleViolation("api.idempotency.mismatch");
		}
		return new Outcome(Optional.ofNullable(first.incidentId()).orElseThrow(), first.reference(),
				IncidentState.valueOf(first.state()), true);
	}

	/** What the first request with a key added to the register. */
	record SystemOutcome(long systemId, boolean replayed) {
	}

	/**
	 * Adds a system once per key, as {@link #once} reports once: a retry with the same body gets the
	 * system the first request added; the same key with another body is refused.
	 */
	@Transactional
	SystemOutcome onceForSystem(String owner, String key, String requestHash, Supplier<Long> add) {
		if (claim(owner, key, requestHash)) {
			long id = add.get();
			this.jdbc.sql("update api_idempotency set system_id = ? where owner = ? and idempotency_key = ?")
				.params(id, owner, key)
				.update();
			return new SystemOutcome(id, false);
		}
		record First(String requestHash, Long systemId) {
		}
		First first = this.jdbc
			.sql("select request_hash, system_id from api_idempotency where owner = ? and idempotency_key = ?")
			.params(owner, key)
			.query((row, n) -> new First(row.getString(1), row.getObject(2, Long.class)))
			.optional()
			.orElseThrow(() -> new IllegalStateException("an idempotency key vanished while it was read"));
		if (!first.requestHash().equals(requestHash) || first.systemId() == null) {
			throw new BusinessRuleViolation("api.idempotency.mismatch");
		}
		return new SystemOutcome(first.systemId(), true);
	}

	/**
	 * Claims the key for this request, the owner's keys that no longer count going first (this
	 * one included): {@code false} when another request holds it and has committed.
	 */
	private boolean claim(String owner, String key, String requestHash) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		this.jdbc.sql("delete from api_idempotency where owner = ? and created_at < ?")
			.params(owner, Timestamp.from(now.minus(KEPT)))
			.update();
		return this.jdbc.sql("""
				insert into api_idempotency (owner, idempotency_key, request_hash, created_at)
				values (?, ?, ?, ?) on conflict do nothing""")
			.params(owner, key, requestHash, Timestamp.from(now))
			.update() == 1;
	}

	private record Claimed(String requestHash, Long incidentId, String reference, String state) {
	}

}
