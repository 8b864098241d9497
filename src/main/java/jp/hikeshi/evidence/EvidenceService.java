package jp.hikeshi.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

import javax.sql.DataSource;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentNotFoundException;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.shared.ApplicationSecret;
import jp.hikeshi.shared.BusinessRuleViolation;

import org.postgresql.PGConnection;
import org.postgresql.largeobject.LargeObject;
import org.postgresql.largeobject.LargeObjectManager;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * Evidence with a chain of custody. Content is streamed into and out of PostgreSQL large
 * objects in chunks, never held whole in memory; its SHA-256 is computed on arrival and checked
 * again at every download and verification, and each access is a custody entry.
 *
 * <p>Plain JDBC, not JPA, on purpose: the content is a large object written and read through
 * the driver's streaming API on the transaction's own connection, which JPA has no notion of
 * (a {@code byte[]} or {@code Blob} attribute would load or buffer the whole file); and the rest
 * is an append-only custody log plus a row whose few changes (hold, deletion) are single
 * guarded updates, where an entity and its dirty checking would add nothing.
 */
@Service
@Transactional
public class EvidenceService {

	private static final int CHUNK = 64 * 1024;

	private static final int HEAD = 512;

	static final String SEAL_PURPOSE = "evidence-v1";

	/** The longest reason a "download anyway" takes: the custody entry's detail column. */
	public static final int MAX_REASON = 1000;

	private final ApplicationEventPublisher events;

	private final JdbcTemplate jdbc;

	private final DataSource dataSource;

	private final IncidentService incidents;

	private final Clock clock;

	private final long maxBytes;

	private final ApplicationSecret.Seal seal;

	EvidenceService(JdbcTemplate jdbc, DataSource dataSource, IncidentService incidents, Clock clock,
			@Value("${hikeshi.evidence.max-size:100MB}") DataSize maxSize,
			ApplicationEventPublisher events, ApplicationSecret secret) {
		this.seal = secret.seal(SEAL_PURPOSE);
		this.events = events;
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.incidents = incidents;
		this.clock = clock;
		this.maxBytes = maxSize.toBytes();
	}

	public long maxBytes() {
		return this.maxBytes;
	}

	/**
	 * Stores a file as evidence. Refused, with nothing kept: no word on where it came from, an
	 * empty file, one over the size limit, one whose name claims a type its content contradicts,
	 * and one already kept (the refusal names the evidence that holds it).
	 */
	public Evidence collect(long incidentId, Actor actor, NewEvidence what, InputStream content) {
		this.incidents.findForTeam(incidentId, actor);
		if (what.collectedFrom() == null || what.collectedFrom().isBlank()) {
			throw BusinessRuleViolation.onField("collectedFrom", "evidence.collectedFromRequired");
		}
		String collectedFrom = what.collectedFrom().strip();
		String description = (what.description() == null || what.description().isBlank()) ? null
				: what.description().strip();
		String name = FileNames.safe(what.fileName());
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			LargeObjectManager objects = connection.unwrap(PGConnection.class).getLargeObjectAPI();
			long oid = objects.createLO(LargeObjectManager.READWRITE);
			MessageDigest sha256 = sha256();
			byte[] head = new byte[HEAD];
			int headLength = 0;
			long size = 0;
			try (LargeObject object = objects.open(oid, LargeObjectManager.WRITE);
					OutputStream out = object.getOutputStream()) {
				byte[] buffer = new byte[CHUNK];
				int read;
				while ((read = content.read(buffer)) != -1) {
					size += read;
					if (size > this.maxBytes) {
						// the transaction rolls back, and the large object with it
						throw BusinessRuleViolation.onField("file", "evidence.tooBig", this.maxBytes / (1024 * 1024));
					}
					if (headLength < HEAD) {
						int take = Math.min(HEAD - headLength, read);
						System.arraycopy(buffer, 0, head, headLength, take);
						headLength += take;
					}
					sha256.update(buffer, 0, read);
					out.write(buffer, 0, read);
				}
			}
			if (size == 0) {
				throw BusinessRuleViolation.onField("file", "evidence.empty");
			}
			String detected = FileTypes.detect(head, headLength);
			if (FileTypes.contradicts(FileTypes.claimed(name), detected)) {
				throw BusinessRuleViolation.onField("file", "evidence.typeMismatch");
			}
			String hash = HexFormat.of().formatHex(sha256.digest());
			List<String> same = this.jdbc.queryForList(
					"select file_name from evidence where incident_id = ? and sha256 = ? and deleted_at is null",
					String.class, incidentId, hash);
			if (!same.isEmpty()) {
				throw BusinessRuleViolation.onField("file", "evidence.duplicate", same.get(0));
			}
			Instant now = now();
			Long id;
			try {
				id = this.jdbc.queryForObject("""
						insert into evidence (incident_id, file_name, content_type, size_bytes, sha256, content_oid, description,
						                      collected_from, collected_by, collected_at)
						values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class, incidentId, name, detected, size,
						hash, oid, description, collectedFrom, actor.username(), Timestamp.from(now));
			}
			catch (DuplicateKeyException sameMeanwhile) {
				// the same file sent twice at once: the other upload, checked at the same moment, kept it
				throw BusinessRuleViolation.onField("file", "evidence.duplicateMeanwhile");
			}
			this.jdbc.update("update evidence set seal = ? where id = ?", seal(id, incidentId, hash, size), id);
			custody(id, actor, CustodyEntry.Action.COLLECTED, "SHA-256 " + hash, true, now);
			this.events.publishEvent(new EvidenceEvents.Collected(incidentId, actor.username(), id, name, hash));
			return find(incidentId, id, actor);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not store the evidence", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the uploaded file", ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

	/**
	 * Checks the content against its hash and the hash against its seal, in one streaming pass,
	 * before a byte is sent. Intact: {@code beforeContent} runs (the response's headers), the
	 * content is streamed and the download is a custody entry. Not intact: nothing is sent, the
	 * finding is a custody entry, and {@link EvidenceTampered} tells the caller to refuse (it may
	 * offer {@link #downloadAnyway}).
	 */
	@Transactional(noRollbackFor = EvidenceTampered.class)
	public void download(long incidentId, long evidenceId, Actor actor, Runnable beforeContent, Sink out) {
		Evidence evidence = present(incidentId, evidenceId, actor);
		if (!intact(evidence)) {
			custody(evidenceId, actor, CustodyEntry.Action.VERIFIED, null, false, now());
			throw new EvidenceTampered(incidentId, evidenceId, null, null);
		}
		custody(evidenceId, actor, CustodyEntry.Action.DOWNLOADED, null, true, now());
		beforeContent.run();
		stream(evidenceId, out);
	}

	/**
	 * Evidence whose content or seal does not match, downloaded all the same by someone who says
	 * why: a custody entry with the reason and a line on the timeline, then the content as it is.
	 */
	public void downloadAnyway(long incidentId, long evidenceId, Actor actor, String given, Runnable beforeContent,
			Sink out) {
		Evidence evidence = present(incidentId, evidenceId, actor);
		if (given == null || given.isBlank() || given.strip().length() > MAX_REASON) {
			throw new EvidenceTampered(incidentId, evidenceId, "evidence.anyway.reasonRequired", given);
		}
		String reason = given.strip();
		custody(evidenceId, actor, CustodyEntry.Action.DOWNLOADED, reason, false, now());
		this.events.publishEvent(new EvidenceEvents.DownloadedDespiteMismatch(incidentId, actor.username(), evidenceId,
				evidence.fileName(), reason));
		beforeContent.run();
		stream(evidenceId, out);
	}

	/** Where a download's content goes; opened only once the content is checked. */
	@FunctionalInterface
	public interface Sink {

		OutputStream open() throws IOException;

	}

	public boolean verify(long incidentId, long evidenceId, Actor actor) {
		Evidence evidence = present(incidentId, evidenceId, actor);
		boolean intact = intact(evidence);
		custody(evidenceId, actor, CustodyEntry.Action.VERIFIED, null, intact, now());
		return intact;
	}

	public void handOver(long incidentId, long evidenceId, Actor actor, String given) {
		Evidence evidence = present(incidentId, evidenceId, actor);
		this.incidents.findForTeam(incidentId, actor);
		if (given == null || given.isBlank()) {
			throw BusinessRuleViolation.onField("recipient", "evidence.recipientRequired");
		}
		String recipient = given.strip();
		custody(evidenceId, actor, CustodyEntry.Action.HANDED_OVER, recipient, null, now());
		this.events.publishEvent(
				new EvidenceEvents.HandedOver(incidentId, actor.username(), evidenceId, evidence.fileName(), recipient));
	}

	/** Whether this person may preserve evidence for litigation or delete it: the security lead. */
	public boolean mayHoldOrDelete(Actor actor) {
		return actor.has(Role.SECURITY_LEAD);
	}

	/** Preserved for litigation: from now on nobody can delete it. There is no undoing this. */
	public void hold(long incidentId, long evidenceId, Actor actor) {
		Evidence evidence = present(incidentId, evidenceId, actor);
		if (!mayHoldOrDelete(actor)) {
			throw new BusinessRuleViolation("evidence.leadOnly");
		}
		if (!evidence.litigationHold()) {
			this.jdbc.update("update evidence set litigation_hold = true, version = version + 1 where id = ?", evidenceId);
			custody(evidenceId, actor, CustodyEntry.Action.HOLD_SET, null, null, now());
			this.events.publishEvent(
					new EvidenceEvents.Held(incidentId, actor.username(), evidenceId, evidence.fileName()));
		}
	}

	/** Deletes the content, with a reason, leaving a tombstone row and a timeline entry. */
	public void delete(long incidentId, long evidenceId, Actor actor, String given) {
		// first whether it exists for this person (a 404 otherwise), then whether they may delete it
		Evidence evidence = present(incidentId, evidenceId, actor);
		if (!mayHoldOrDelete(actor)) {
			throw new BusinessRuleViolation("evidence.leadOnly");
		}
		if (evidence.litigationHold()) {
			throw new BusinessRuleViolation("evidence.onHold");
		}
		if (given == null || given.isBlank()) {
			throw BusinessRuleViolation.onField("reason", "evidence.reasonRequired");
		}
		String reason = given.strip();
		Instant now = now();
		this.jdbc.queryForObject("select lo_unlink(content_oid) from evidence where id = ?", Integer.class, evidenceId);
		this.jdbc.update("""
				update evidence set content_oid = null, deleted_at = ?, deleted_by = ?, deletion_reason = ?, version = version + 1
				where id = ?""", Timestamp.from(now), actor.username(), reason, evidenceId);
		custody(evidenceId, actor, CustodyEntry.Action.DELETED, reason, null, now);
		this.events.publishEvent(new EvidenceEvents.Deleted(incidentId, actor.username(), evidenceId,
				evidence.fileName(), evidence.sha256(), reason));
	}

	@Transactional(readOnly = true)
	public List<Evidence> of(long incidentId, Actor actor) {
		visible(incidentId, actor);
		return this.jdbc.query(SELECT + " where incident_id = ? order by collected_at, id", this::evidence,
				incidentId);
	}

	@Transactional(readOnly = true)
	public Evidence find(long incidentId, long evidenceId, Actor actor) {
		visible(incidentId, actor);
		return this.jdbc.query(SELECT + " where incident_id = ? and id = ?", this::evidence, incidentId,
				evidenceId).stream().findFirst().orElseThrow(() -> new IncidentNotFoundException(incidentId));
	}

	@Transactional(readOnly = true)
	public List<CustodyEntry> custody(long incidentId, long evidenceId, Actor actor) {
		find(incidentId, evidenceId, actor);
		return this.jdbc.query("""
				select occurred_at, actor, action, detail, hash_ok from evidence_custody where evidence_id = ?
				order by occurred_at, id""", (rs, row) -> new CustodyEntry(rs.getTimestamp(1).toInstant(),
				rs.getString(2), CustodyEntry.Action.valueOf(rs.getString(3)), rs.getString(4),
				(Boolean) rs.getObject(5)), evidenceId);
	}

	/** The row, its seal, and what the last check of its content found. */
	private static final String SELECT = """
			select id, incident_id, file_name, content_type, size_bytes, sha256, description, collected_from, collected_by,
			       collected_at, litigation_hold, deleted_at, deleted_by, deletion_reason, seal,
			       (select c.hash_ok from evidence_custody c where c.evidence_id = evidence.id and c.hash_ok is not null
			        order by c.occurred_at desc, c.id desc limit 1) as last_check
			from evidence""";

	private Evidence evidence(java.sql.ResultSet rs, int row) throws SQLException {
		Timestamp deleted = rs.getTimestamp(12);
		long id = rs.getLong(1);
		long incidentId = rs.getLong(2);
		String sha256 = rs.getString(6);
		long size = rs.getLong(5);
		boolean sealHolds = this.seal.holds(rs.getString(15), "evidence", id, incidentId, sha256, size);
		return new Evidence(id, incidentId, rs.getString(3), rs.getString(4), size, sha256, rs.getString(7),
				rs.getString(8), rs.getString(9), rs.getTimestamp(10).toInstant(), rs.getBoolean(11),
				deleted == null ? null : deleted.toInstant(), rs.getString(13), rs.getString(14), sealHolds,
				(Boolean) rs.getObject(16));
	}

	/** The seal of an evidence file's hash: which file, of which incident, with which hash and size. */
	String seal(long id, long incidentId, String sha256, long size) {
		return this.seal.of("evidence", id, incidentId, sha256, size);
	}

	/** One streaming pass over the content; then whether it has the hash it arrived with, sealed. */
	private boolean intact(Evidence evidence) {
		return evidence.sealHolds() && rehash(evidence.id()).equals(evidence.sha256());
	}

	private void stream(long evidenceId, Sink out) {
		readContent(evidenceId, in -> {
			try (OutputStream sink = out.open()) {
				in.transferTo(sink);
			}
			return null;
		});
	}

	private Evidence present(long incidentId, long evidenceId, Actor actor) {
		Evidence evidence = find(incidentId, evidenceId, actor);
		if (evidence.isDeleted()) {
			throw new BusinessRuleViolation("evidence.deleted");
		}
		return evidence;
	}

	private String rehash(long evidenceId) {
		return readContent(evidenceId, in -> {
			MessageDigest sha256 = sha256();
			byte[] buffer = new byte[CHUNK];
			int read;
			while ((read = in.read(buffer)) != -1) {
				sha256.update(buffer, 0, read);
			}
			return HexFormat.of().formatHex(sha256.digest());
		});
	}

	private <T> T readContent(long evidenceId, ContentReader<T> reader) {
		Long oid = this.jdbc.queryForObject("select content_oid from evidence where id = ?", Long.class, evidenceId);
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			LargeObjectManager objects = connection.unwrap(PGConnection.class).getLargeObjectAPI();
			try (LargeObject object = objects.open(oid, LargeObjectManager.READ); InputStream in = object.getInputStream()) {
				return reader.read(in);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read the evidence", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

	private void custody(long evidenceId, Actor actor, CustodyEntry.Action action, String detail, Boolean hashOk,
			Instant at) {
		this.jdbc.update("""
				insert into evidence_custody (evidence_id, occurred_at, actor, action, detail, hash_ok)
				values (?, ?, ?, ?, ?, ?)""", evidenceId, Timestamp.from(at), actor.username(), action.name(), detail,
				hashOk);
	}

	private Incident visible(long incidentId, Actor actor) {
		return this.incidents.find(incidentId, actor);
	}


	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	@FunctionalInterface
	private interface ContentReader<T> {

		T read(InputStream in) throws IOException;

	}

}
