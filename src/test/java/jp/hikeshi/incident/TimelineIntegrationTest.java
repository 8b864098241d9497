package jp.hikeshi.incident;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.incident.ChecklistItem.Status;
import jp.hikeshi.incident.TimelineVerification.Problem;
import jp.hikeshi.prevention.Measure;
import jp.hikeshi.prevention.PreventionService;
import jp.hikeshi.prevention.RootCause;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestDatabaseConfiguration.DatabaseOwner;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The timeline as stored: append-only in the database, and a hash chain that shows tampering. */
@IntegrationTest
class TimelineIntegrationTest {

	/** A fixed moment in the past, as the pages would send it: minutes, no fractions. */
	private static final Instant DISCOVERED = Instant.parse("2025-03-03T01:30:00Z");

	private static final Instant OCCURRED = DISCOVERED.minus(6, ChronoUnit.HOURS);

	@Autowired
	IncidentService incidents;

	@Autowired
	TestUsers users;

	@Autowired
	jp.hikeshi.reporting.ReportingService reporting;

	@Autowired
	PreventionService prevention;

	@Autowired
	JdbcTemplate jdbc;

	/** The triggers refuse even the owner, who is not the application (ApplicationRoleTest). */
	@Autowired
	DatabaseOwner owner;

	private Actor reporter;

	private Actor lead;

	private Actor executive;

	private Actor responder;

	@BeforeEach
	void createPeople() {
		this.reporter = actor(this.users.create(Role.REPORTER));
		this.lead = actor(this.users.create(Role.SECURITY_LEAD));
		this.executive = actor(this.users.create(Role.EXECUTIVE));
		this.responder = actor(this.users.create(Role.RESPONDER));
	}

	@Test
	void theDatabaseRefusesToUpdateAnEntry() {
		long id = reported();
		Map<String, Object> before = entry(id, 1);

		assertThatThrownBy(() -> this.owner.jdbc().update(
				"update incident_timeline_entry set note = 'rewritten' where incident_id = ? and sequence = 1", id))
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("append-only");

		assertThat(entry(id, 1)).isEqualTo(before);
		assertThat(verify(id).intact()).isTrue();
	}

	@Test
	void theDatabaseRefusesToDeleteAnEntry() {
		long id = reported();
		int count = entries(id);

		assertThatThrownBy(() -> this.owner.jdbc().update("delete from incident_timeline_entry where incident_id = ?", id))
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("append-only");

		assertThat(entries(id)).isEqualTo(count).isPositive();
		assertThat(verify(id).intact()).isTrue();
	}

	@Test
	void theDatabaseRefusesToTruncateTheTimeline() {
		long id = reported();
		int count = entries(id);

		assertThatThrownBy(() -> this.owner.jdbc().execute("truncate incident_timeline_entry"))
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			// the seals' foreign key refuses it first now; a truncate with cascade meets their trigger
			.hasMessageMatching("(?s).*(append-only|foreign key).*");
		assertThatThrownBy(() -> this.owner.jdbc().execute("truncate incident_timeline_entry cascade"))
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("append-only");

		assertThat(entries(id)).isEqualTo(count);
	}

	@Test
	void anAlteredEntryIsReportedAtItsSequence() {
		long id = incidentWithSomeHistory();
		assertThat(verify(id).intact()).isTrue();

		asSuperuserWithoutTheTrigger(() -> this.owner.jdbc().update(
				"update incident_timeline_entry set note = '書き換えられた理由' where incident_id = ? and sequence = 3", id));

		TimelineVerification verification = verify(id);
		assertThat(verification.intact()).isFalse();
		assertThat(verification.problems()).containsExactly(new Problem(3, "timeline.verify.altered"));
		assertTriggerBackInPlace(id);
	}

	@Test
	void aRemovedLastEntryIsReported() {
		long id = incidentWithSomeHistory();
		int length = entries(id);

		// with the foreign key of its seal off too (Tampering): the seal stays behind, orphaned
		Tampering.asSuperuser(this.owner.jdbc(), database -> database.update(
				"delete from incident_timeline_entry where incident_id = ? and sequence = ?", id, length));

		TimelineVerification verification = verify(id);
		assertThat(verification.intact()).isFalse();
		assertThat(verification.entries()).isEqualTo(length - 1);
		assertThat(verification.problems()).containsExactly(new Problem(length, "timeline.verify.headMismatch"));
		assertTriggerBackInPlace(id);
	}

	@Test
	void aRemovedEntryInTheMiddleIsReported() {
		long id = incidentWithSomeHistory();
		int length = entries(id);

		Tampering.asSuperuser(this.owner.jdbc(), database -> database
			.update("delete from incident_timeline_entry where incident_id = ? and sequence = 2", id));

		TimelineVerification verification = verify(id);
		assertThat(verification.intact()).isFalse();
		assertThat(verification.problems()).containsExactly(new Problem(2, "timeline.verify.missing"),
				new Problem(3, "timeline.verify.brokenLink"), new Problem(length, "timeline.verify.headMismatch"));
	}

	@Test
	void aWholeResponseWalksThroughEveryStepAndItsChainVerifies() {
		Incident reported = this.incidents.report(new Incident.Report("顧客名簿の持ち出し", "退職予定者が顧客名簿をUSBメモリに複製していた",
				DISCOVERED, "顧客管理システム", StillHappening.NO, null, null), this.reporter);
		long id = reported.getId();
		assertThat(reported.getReference()).matches("INC-\\d{4}-\\d{5}");

		this.incidents.take(id, version(id), this.lead);
		this.incidents.escalate(id, version(id), this.lead, Category.INFORMATION_LEAK, LeakKind.INSIDER, Severity.HIGH,
				"個人情報を含む");
		this.incidents.formTeam(id, version(id), this.executive, this.responder.username(),
				List.of(new Assignee(this.lead.username(), "証拠保全")));
		this.incidents.startContainment(id, version(id), this.lead);

		Incident containment = page(id);
		assertThat(containment.getState()).isEqualTo(IncidentState.CONTAINMENT);
		assertThat(containment.getChecklist()).extracting(ChecklistItem::getItem)
			.containsExactly(ChecklistPoint.ISOLATE_NETWORK, ChecklistPoint.ISOLATE_DATA_AND_DEVICES,
					ChecklistPoint.STOP_SYSTEM_OR_SERVICE, ChecklistPoint.PRESERVE_RECORDS,
					ChecklistPoint.ASSESS_AFFECTED_DATA, ChecklistPoint.IDENTIFY_LEAKED_DATA,
					ChecklistPoint.ASSESS_PERSONAL_DATA_DUTY, ChecklistPoint.SUSPEND_ACCOUNTS_AND_PRESERVE_LOGS,
					ChecklistPoint.POLICE_FOR_CRIMINAL_LEAK);
		assertThat(containment.getChecklist()).extracting(ChecklistItem::getId).doesNotContainNull();
		decideAll(id, true);

		this.incidents.finishContainment(id, version(id), this.lead);
		this.incidents.updateRecord(id, version(id), this.responder,
				new RequiredItems("なし", "顧客名簿 約1,200件の持ち出し", "退職予定者による持ち出し", "顧客管理システムは稼働中",
						"社内サーバ上のWebアプリ、USB制御なし", "総務部 03-0000-0000", DisclosureStatus.PLANNED),
				OCCURRED, DISCOVERED);
		// step 2's reports owed (here the police report for an insider) are filed first
		for (jp.hikeshi.reporting.Duty duty : this.reporting.caseFor(id, this.lead).applicableDuties()) {
			this.reporting.file(id, this.reporting.caseFor(id, this.lead).getVersion(), this.lead, duty.getId(),
					new jp.hikeshi.reporting.ReportingCase.Filing(java.time.LocalDate.ofInstant(DISCOVERED, java.time.ZoneId.of("Asia/Tokyo")), "REF-1", null,
							jp.hikeshi.reporting.Duty.NoticeOutcome.ALL_NOTIFIED, null));
		}
		this.incidents.startRecovery(id, version(id), this.lead);
		decideAll(id, false);
		this.incidents.confirmRecovery(id, version(id), this.lead, "USBメモリの回収と端末の点検を完了", true);
		this.incidents.startPrevention(id, version(id), this.lead);
		// the prevention plan, which the closing asks for
		this.prevention.recordRootCauses(id, this.responder, new PreventionService.RootCauses(
				java.util.Set.of(RootCause.INSIDER), "USBメモリの利用が制限されていなかった", 0));
		this.prevention.addMeasure(id, this.responder, new PreventionService.NewMeasure(Measure.Kind.RULES,
				"USBメモリの利用を禁止し、持ち出しを記録する", this.responder.username(),
				java.time.LocalDate.ofInstant(DISCOVERED, java.time.ZoneId.of("Asia/Tokyo")).plusMonths(1)));
		this.incidents.approveClosing(id, version(id), this.executive);
		this.incidents.close(id, version(id), this.lead);

		Incident closed = page(id);
		assertThat(closed.getState()).isEqualTo(IncidentState.CLOSED);
		// the dashboard reads the ends of containment and recovery from the incident itself
		assertThat(closed.getContainedAt()).isNotNull().isBefore(closed.getRecoveredAt());
		assertThat(closed.getRecoveredAt()).isBeforeOrEqualTo(closed.getClosedAt());
		assertThat(closed.getClosedAt()).isNotNull();
		assertThat(closed.getClosingApprovedBy()).isEqualTo(this.executive.username());
		assertThat(closed.getOccurredAt()).isEqualTo(OCCURRED);
		assertThat(closed.getDiscoveredAt()).isEqualTo(DISCOVERED);
		assertThat(closed.getChecklist()).allMatch(ChecklistItem::isResolved);
		assertThat(closed.unmetGuards(Transition.CLOSE)).isEmpty();
		assertThat(closed.completeness()).isEqualTo(100);
		assertThat(closed.getTimeline()).filteredOn(entry -> entry.getKind() == TimelineEntry.Kind.STATE_CHANGED)
			.extracting(TimelineEntry::getToState)
			.containsExactly(IncidentState.TRIAGE, IncidentState.ESCALATED, IncidentState.TEAM_FORMED,
					IncidentState.CONTAINMENT, IncidentState.DISCLOSURE, IncidentState.RECOVERY,
					IncidentState.PREVENTION, IncidentState.CLOSED);

		TimelineVerification verification = verify(id);
		assertThat(verification.problems()).isEmpty();
		assertThat(verification.intact()).isTrue();
		assertThat(verification.entries()).isEqualTo(entries(id)).isEqualTo(closed.getTimelineLength());

		// As stored: contiguous sequences, each entry chained to the one before, the head remembered.
		List<Map<String, Object>> rows = this.jdbc.queryForList(
				"select sequence, previous_hash, hash from incident_timeline_entry where incident_id = ? order by sequence",
				id);
		assertThat(rows).extracting(row -> row.get("sequence"))
			.containsExactlyElementsOf(IntStream.rangeClosed(1, rows.size()).boxed().toList());
		assertThat(rows.get(0).get("previous_hash")).isEqualTo("");
		for (int i = 1; i < rows.size(); i++) {
			assertThat(rows.get(i).get("previous_hash")).isEqualTo(rows.get(i - 1).get("hash"));
		}
		assertThat(this.jdbc.queryForMap("select timeline_length, timeline_head from incident where id = ?", id))
			.containsEntry("timeline_length", rows.size())
			.containsEntry("timeline_head", rows.get(rows.size() - 1).get("hash"));
	}

	// --- helpers ---

	/** A new report: its first entry is written when the incident is created. */
	private long reported() {
		return this.incidents.report(new Incident.Report(null, "不審な添付ファイルを開いた", DISCOVERED, "営業PC-07",
				StillHappening.UNKNOWN, null, null), this.reporter)
			.getId();
	}

	/** A report with a few steps and notes after it: entries written to an incident already stored. */
	private long incidentWithSomeHistory() {
		long id = reported();
		this.incidents.take(id, version(id), this.lead);
		this.incidents.addNote(id, this.lead, "送信元に確認中");
		this.incidents.escalate(id, version(id), this.lead, Category.VIRUS_RANSOMWARE, null, Severity.MEDIUM, null);
		this.incidents.addNote(id, this.lead, "経営者に電話で報告済み");
		// the escalation opened step 2: the reports owed, and those to be decided, are two lines of it
		assertThat(entries(id)).isEqualTo(7);
		return id;
	}

	private void decideAll(long id, boolean initial) {
		List<ChecklistItem> items = page(id).getChecklist()
			.stream()
			.filter(item -> item.getGroup().isInitial() == initial)
			.toList();
		assertThat(items).isNotEmpty();
		for (ChecklistItem item : items) {
			if (item.getItem() == ChecklistPoint.STOP_SYSTEM_OR_SERVICE) {
				this.incidents.decideChecklistItem(id, version(id), this.responder, item.getId(), Status.NOT_APPLICABLE,
						"業務システムは止めずに対応できた");
			}
			else {
				this.incidents.decideChecklistItem(id, version(id), this.responder, item.getId(), Status.DONE, null);
			}
		}
	}

	private long version(long id) {
		return this.incidents.find(id, this.lead).getVersion();
	}

	private Incident page(long id) {
		return this.incidents.findForPage(id, this.lead);
	}

	private TimelineVerification verify(long id) {
		return this.incidents.verifyTimeline(id, this.lead);
	}

	private int entries(long id) {
		return this.jdbc.queryForObject("select count(*) from incident_timeline_entry where incident_id = ?",
				Integer.class, id);
	}

	private Map<String, Object> entry(long id, int sequence) {
		return this.jdbc.queryForMap("select * from incident_timeline_entry where incident_id = ? and sequence = ?", id,
				sequence);
	}

	/** What only someone with the database's superuser could do: change history behind the application. */
	private void asSuperuserWithoutTheTrigger(Runnable tampering) {
		this.owner.jdbc().execute("alter table incident_timeline_entry disable trigger incident_timeline_append_only");
		try {
			tampering.run();
		}
		finally {
			this.owner.jdbc().execute("alter table incident_timeline_entry enable trigger incident_timeline_append_only");
		}
	}

	private void assertTriggerBackInPlace(long id) {
		assertThat(this.jdbc.queryForObject(
				"select tgenabled from pg_trigger where tgname = 'incident_timeline_append_only'", String.class))
			.isEqualTo("O");
		assertThatThrownBy(() -> this.owner.jdbc().update("delete from incident_timeline_entry where incident_id = ?", id))
			.rootCause()
			.hasMessageContaining("append-only");
	}

	private static Actor actor(UserAccount account) {
		return new Actor(account.getUsername(), account.getRoles());
	}

}
