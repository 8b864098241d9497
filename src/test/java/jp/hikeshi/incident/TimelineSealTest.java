package jp.hikeshi.incident;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.incident.TimelineEntry.Change;
import jp.hikeshi.incident.TimelineEntry.Kind;
import jp.hikeshi.incident.TimelineVerification.Problem;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestDatabaseConfiguration.DatabaseOwner;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The forgeries of the security probe (#16), made as someone with the database's credentials
 * but without the installation's key: each verified as intact before the seals, each named now.
 */
@IntegrationTest
class TimelineSealTest {

	private static final Instant DISCOVERED = Instant.parse("2025-03-03T01:30:00Z");

	@Autowired
	IncidentService incidents;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcTemplate jdbc;

	/** The schema's owner: the application's own role may not switch triggers off. */
	@Autowired
	DatabaseOwner owner;

	@Autowired
	TimelineSealBackfill backfill;

	@Autowired
	MockMvc mvc;

	private Actor lead;

	private UserAccount leadAccount;

	@BeforeEach
	void createPeople() {
		this.leadAccount = this.users.create(Role.SECURITY_LEAD);
		this.lead = new Actor(this.leadAccount.getUsername(), this.leadAccount.getRoles());
	}

	@Test
	void aForgedClosingApprovalInsertedWithTheHeadMovedIsNamed() {
		long id = incidentWithSomeHistory();
		Incident incident = this.incidents.findForPage(id, this.lead);
		int next = incident.getTimeline().size() + 1;
		String previous = last(incident).getHash();
		// a perfectly chained entry, as the application would have written it
		TimelineEntry forged = new TimelineEntry(incident, incident.getReference(), next, previous,
				Instant.now().truncatedTo(ChronoUnit.MICROS), this.lead.username(), Kind.CLOSING_APPROVED, Change.NONE,
				null, false);

		this.jdbc.update("""
				insert into incident_timeline_entry (incident_id, sequence, occurred_at, actor, kind, previous_hash, hash,
				                                     shared_with_reporter)
				values (?, ?, ?, ?, 'CLOSING_APPROVED', ?, ?, false)""", id, next,
				java.sql.Timestamp.from(forged.getOccurredAt()), forged.getActor(), previous, forged.getHash());
		this.jdbc.update("update incident set timeline_length = ?, timeline_head = ?, closing_approved_by = ? where id = ?",
				next, forged.getHash(), this.lead.username(), id);

		assertThat(verify(id).problems()).contains(new Problem(next, "timeline.verify.unsealed"),
				new Problem(next, "timeline.verify.headForged"));
	}

	@Test
	void anEntryDeletedAndTheChainRelinkedIsNamed() {
		long id = incidentWithSomeHistory();
		Incident incident = this.incidents.findForPage(id, this.lead);
		List<TimelineEntry> entries = sorted(incident);
		int length = entries.size();

		Tampering.asSuperuser(this.owner.jdbc(), database -> {
			database.update("delete from incident_timeline_entry where incident_id = ? and sequence = 2", id);
			// every later entry renumbered and rehashed, so that the chain holds again
			String previous = entries.get(0).getHash();
			for (TimelineEntry entry : entries.subList(2, length)) {
				int sequence = entry.getSequence() - 1;
				ReflectionTestUtils.setField(entry, "sequence", sequence);
				ReflectionTestUtils.setField(entry, "previousHash", previous);
				String hash = entry.computeHash(incident.getReference());
				database.update("update incident_timeline_entry set sequence = ?, previous_hash = ?, hash = ? where id = ?",
						sequence, previous, hash, entry.getId());
				previous = hash;
			}
			database.update("update incident set timeline_length = ?, timeline_head = ? where id = ?", length - 1,
					previous, id);
		});

		TimelineVerification verification = verify(id);
		assertThat(verification.problems()).contains(new Problem(2, "timeline.verify.forged"),
				new Problem(length - 1, "timeline.verify.forged"), new Problem(length - 1, "timeline.verify.headForged"));
		assertThat(verification.problems()).noneMatch(problem -> problem.code().equals("timeline.verify.brokenLink"));
	}

	@Test
	void aStateSetBehindTheApplicationsBackDisagreesWithTheHistory() throws Exception {
		long id = incidentWithSomeHistory();
		assertThat(verify(id).intact()).isTrue();

		this.jdbc.update("update incident set state = 'CLOSED' where id = ?", id);

		TimelineVerification verification = verify(id);
		assertThat(verification.problems()).hasSize(1);
		Problem problem = verification.problems().get(0);
		assertThat(problem.code()).isEqualTo("timeline.verify.stateDisagrees");
		assertThat(problem.labels()).containsExactly("IncidentState.CLOSED", "IncidentState.ESCALATED");
		// and the page says it, in words
		this.mvc.perform(get("/incidents/{id}/timeline/verify", id).with(this.users.signedIn(this.lead.username()))
			.locale(java.util.Locale.JAPANESE))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("インシデントの状態は「完了」ですが")));
	}

	@Test
	void aResponsiblePersonAndAClosingApprovalSetBehindTheApplicationsBackDisagree() {
		long id = incidentWithSomeHistory();

		this.jdbc.update("update incident set responsible = ?, closing_approved_by = ? where id = ?",
				this.lead.username(), this.lead.username(), id);

		assertThat(verify(id).problems()).extracting(Problem::code)
			.containsExactly("timeline.verify.responsibleDisagrees", "timeline.verify.approvalDisagrees");
	}

	@Test
	void theStartRecordsTheBackfillDoneAndLaterStartsDoNotReadTheTimelineAgain() {
		// the context's start ran it in its own thread: once it found nothing left, it said so
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(this.backfill::done);
		long id = incidentWithSomeHistory();
		Tampering.asSuperuser(this.owner.jdbc(), database -> database.update("""
				delete from incident_timeline_seal
				where entry_id in (select id from incident_timeline_entry where incident_id = ?)""", id));

		// a later start looks no more: no entry written since V39 is unsealed (this one was unsealed by hand)
		this.backfill.onStart();
		assertThat(this.jdbc.queryForObject("""
				select count(*) from incident_timeline_entry e
				where e.incident_id = ? and not exists (select 1 from incident_timeline_seal s where s.entry_id = e.id)""",
				Integer.class, id)).isPositive();

		assertThat(this.backfill.sealWhatIsUnsealed()).isPositive();
		assertThat(verify(id).problems()).isEmpty();
	}

	@Test
	void entriesWrittenBeforeTheSealsAreSealedOnceAtStartAndSaySo() {
		long id = incidentWithSomeHistory();
		int length = sorted(this.incidents.findForPage(id, this.lead)).size();
		// as the incident stood before V39: no seals
		Tampering.asSuperuser(this.owner.jdbc(), database -> {
			database.update("""
					delete from incident_timeline_seal
					where entry_id in (select id from incident_timeline_entry where incident_id = ?)""", id);
			database.update("update incident set timeline_seal = null where id = ?", id);
		});
		assertThat(verify(id).problems()).contains(new Problem(1, "timeline.verify.unsealed"));

		assertThat(this.backfill.sealWhatIsUnsealed()).isGreaterThanOrEqualTo(length + 1);

		TimelineVerification verification = verify(id);
		assertThat(verification.problems()).isEmpty();
		assertThat(verification.sealedAtUpgrade().upTo()).isEqualTo(length);
		assertThat(this.backfill.sealWhatIsUnsealed()).isZero();
		// what comes after is sealed as it is written, and the check still says where the upgrade was
		this.incidents.addNote(id, this.lead, "封印後の記録");
		assertThat(verify(id).problems()).isEmpty();
		assertThat(verify(id).sealedAtUpgrade().upTo()).isEqualTo(length);
	}

	private long incidentWithSomeHistory() {
		long id = this.incidents.report(new Incident.Report(null, "不審な添付ファイルを開いた", DISCOVERED, "営業PC-07",
				StillHappening.UNKNOWN, null, null), this.lead).getId();
		this.incidents.take(id, version(id), this.lead);
		this.incidents.addNote(id, this.lead, "送信元に確認中");
		this.incidents.escalate(id, version(id), this.lead, Category.VIRUS_RANSOMWARE, null, Severity.MEDIUM, null);
		this.incidents.addNote(id, this.lead, "経営者に電話で報告済み");
		return id;
	}

	private long version(long id) {
		return this.incidents.find(id, this.lead).getVersion();
	}

	private TimelineVerification verify(long id) {
		return this.incidents.verifyTimeline(id, this.lead);
	}

	private static List<TimelineEntry> sorted(Incident incident) {
		return incident.getTimeline().stream().sorted(Comparator.comparingInt(TimelineEntry::getSequence)).toList();
	}

	private static TimelineEntry last(Incident incident) {
		List<TimelineEntry> entries = sorted(incident);
		return entries.get(entries.size() - 1);
	}

}
