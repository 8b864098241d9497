package jp.hikeshi.evidence;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.incident.TimelineEntry;
import jp.hikeshi.shared.BusinessRuleViolation;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Evidence on PostgreSQL: hash on arrival, chain of custody, verification, hold and deletion. */
@IntegrationTest
class EvidenceServiceTest {

	private static final byte[] LOG = "2026-11-28 09:12:01 login failed for admin from 203.0.113.7\n".getBytes(StandardCharsets.UTF_8);

	@Autowired
	EvidenceService evidence;

	@Autowired
	IncidentService incidents;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcTemplate jdbc;

	Actor lead;

	long incident;

	@BeforeEach
	void anIncident() {
		this.lead = new Actor(this.users.create(Role.SECURITY_LEAD).getUsername(), Set.of(Role.SECURITY_LEAD));
		this.incident = this.incidents.report(new Incident.Report(null, "不正ログイン", null, null, null, null, null),
				new Actor(this.users.create(Role.REPORTER).getUsername(), Set.of(Role.REPORTER))).getId();
	}

	@Test
	void aFileIsKeptWithItsHashAndComesBackVerified() throws Exception {
		Evidence kept = collect("../../etc/auth.log", LOG);
		assertThat(kept.sha256()).isEqualTo(sha256(LOG));
		assertThat(kept.fileName()).isEqualTo("auth.log");
		assertThat(kept.contentType()).isEqualTo("text/plain");
		assertThat(kept.sizeBytes()).isEqualTo(LOG.length);

		ByteArrayOutputStream out = new ByteArrayOutputStream();
		AtomicReference<Boolean> headers = new AtomicReference<>(false);
		this.evidence.download(this.incident, kept.id(), this.lead, () -> headers.set(true), () -> out);
		assertThat(headers.get()).isTrue();
		assertThat(out.toByteArray()).isEqualTo(LOG);
		assertThat(this.evidence.custody(this.incident, kept.id(), this.lead)).extracting(CustodyEntry::action)
			.containsExactly(CustodyEntry.Action.COLLECTED, CustodyEntry.Action.DOWNLOADED);
		assertThat(this.incidents.findForPage(this.incident, this.lead).getTimeline())
			.filteredOn(entry -> entry.getKind() == TimelineEntry.Kind.EVIDENCE_COLLECTED)
			.singleElement()
			.satisfies(entry -> {
				assertThat(entry.getField()).isEqualTo("auth.log");
				assertThat(entry.getAfter()).isEqualTo(kept.sha256());
			});
	}

	@Test
	void emptyDuplicateAndMislabelledFilesAreRefusedAndNothingIsKept() {
		collect("auth.log", LOG);
		long before = count();
		assertThatThrownBy(() -> collect("empty.log", new byte[0])).isInstanceOf(BusinessRuleViolation.class)
			.hasMessage("evidence.empty");
		assertThatThrownBy(() -> collect("copy.log", LOG)).isInstanceOfSatisfying(BusinessRuleViolation.class,
				duplicate -> {
					assertThat(duplicate.code()).isEqualTo("evidence.duplicate");
					assertThat(duplicate.field()).isEqualTo("file");
					assertThat(duplicate.arguments()).as("names the evidence that holds it").containsExactly("auth.log");
				});
		assertThatThrownBy(() -> collect("screenshot.png", "not a picture".getBytes(StandardCharsets.UTF_8)))
			.hasMessage("evidence.typeMismatch");
		assertThatThrownBy(() -> this.evidence.collect(this.incident, this.lead, new NewEvidence("where.log", " ", null),
				new ByteArrayInputStream("from nowhere".getBytes(StandardCharsets.UTF_8))))
			.hasMessage("evidence.collectedFromRequired");
		assertThat(count()).isEqualTo(before);
		assertThat(this.jdbc.queryForObject("select count(*) from pg_largeobject_metadata", Long.class))
			.isEqualTo(this.jdbc.queryForObject("select count(*) from evidence where content_oid is not null", Long.class));
	}

	@Test
	void alteredContentIsFoundOnVerification() {
		Evidence kept = collect("tampered.log", LOG);
		this.jdbc.queryForObject("select lo_put(content_oid, 0, '\\x58'::bytea) from evidence where id = ?", Object.class,
				kept.id());
		assertThat(this.evidence.verify(this.incident, kept.id(), this.lead)).isFalse();
		assertThat(this.evidence.custody(this.incident, kept.id(), this.lead)).last()
			.satisfies(entry -> assertThat(entry.hashOk()).isFalse());
	}

	@Test
	void preservedEvidenceCannotBeDeletedAndOtherEvidenceNeedsAReason() {
		Evidence held = collect("held.log", LOG);
		this.evidence.hold(this.incident, held.id(), this.lead);
		assertThatThrownBy(() -> this.evidence.delete(this.incident, held.id(), this.lead, "不要"))
			.hasMessage("evidence.onHold");

		Evidence other = collect("other.log", "another line\n".getBytes(StandardCharsets.UTF_8));
		assertThatThrownBy(() -> this.evidence.delete(this.incident, other.id(), this.lead, " "))
			.hasMessage("evidence.reasonRequired");
		Actor responder = new Actor("someone", Set.of(Role.EXECUTIVE));
		assertThatThrownBy(() -> this.evidence.delete(this.incident, other.id(), responder, "x"))
			.hasMessage("evidence.leadOnly");

		this.evidence.delete(this.incident, other.id(), this.lead, "誤って別PCのログを保全した");
		Evidence tombstone = this.evidence.find(this.incident, other.id(), this.lead);
		assertThat(tombstone.isDeleted()).isTrue();
		assertThat(tombstone.deletionReason()).isEqualTo("誤って別PCのログを保全した");
		assertThat(this.jdbc.queryForObject("select content_oid is null from evidence where id = ?", Boolean.class,
				other.id())).isTrue();
		assertThatThrownBy(() -> this.evidence.verify(this.incident, other.id(), this.lead)).hasMessage("evidence.deleted");
		assertThat(this.incidents.findForPage(this.incident, this.lead).getTimeline())
			.filteredOn(entry -> entry.getKind() == TimelineEntry.Kind.EVIDENCE_DELETED)
			.singleElement()
			.satisfies(entry -> {
				assertThat(entry.getField()).isEqualTo("other.log");
				assertThat(entry.getAfter()).isEqualTo(other.sha256());
				assertThat(entry.getNote()).isEqualTo("誤って別PCのログを保全した");
			});
	}

	@Test
	void theChainOfCustodyIsAppendOnly() {
		Evidence kept = collect("custody.log", LOG);
		assertThatThrownBy(() -> this.jdbc.update("update evidence_custody set actor = 'x' where evidence_id = ?",
				kept.id())).isInstanceOf(DataAccessException.class);
		assertThatThrownBy(() -> this.jdbc.update("delete from evidence_custody where evidence_id = ?", kept.id()))
			.isInstanceOf(DataAccessException.class);
	}

	@Test
	void onlyThoseWhoSeeTheIncidentSeeItsEvidence() {
		Evidence kept = collect("secret.log", LOG);
		Actor stranger = new Actor(this.users.create(Role.RESPONDER).getUsername(), Set.of(Role.RESPONDER));
		assertThatThrownBy(() -> this.evidence.find(this.incident, kept.id(), stranger))
			.isInstanceOf(jp.hikeshi.incident.IncidentNotFoundException.class);
	}

	private Evidence collect(String name, byte[] content) {
		return this.evidence.collect(this.incident, this.lead, new NewEvidence(name, "SRV-01 /var/log", null),
				new ByteArrayInputStream(content));
	}

	private long count() {
		return this.jdbc.queryForObject("select count(*) from evidence", Long.class);
	}

	static String sha256(byte[] content) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
	}

}
