package jp.hikeshi.incident;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.evidence.EvidenceService;
import jp.hikeshi.evidence.NewEvidence;
import jp.hikeshi.prevention.Measure;
import jp.hikeshi.prevention.PreventionService;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #9's regression: while the security lead has the incident page open, a responder uploads
 * evidence, someone adds a prevention measure and a note. All of it is history: the lead's next
 * move, made on the version they saw, still succeeds, and the timeline holds every line.
 */
@IntegrationTest
class HistoryDoesNotConflictTest {

	@Autowired
	IncidentService incidents;

	@Autowired
	EvidenceService evidence;

	@Autowired
	PreventionService prevention;

	@Autowired
	TestUsers users;

	@Test
	void evidenceAMeasureAndANoteAddedMeanwhileLeaveTheLeadsPageCurrent() {
		Actor lead = actor(Role.SECURITY_LEAD, Role.EXECUTIVE);
		Actor responder = actor(Role.RESPONDER);
		long id = this.incidents.report(new Incident.Report(null, "共有フォルダのファイルが暗号化された", null, "NAS", null,
				null, null), actor(Role.REPORTER)).getId();
		this.incidents.take(id, version(id, lead), lead);
		this.incidents.escalate(id, version(id, lead), lead, Category.VIRUS_RANSOMWARE, null, Severity.HIGH, null);
		this.incidents.formTeam(id, version(id, lead), lead, lead.username(),
				List.of(new Assignee(responder.username(), "ログの保全")));
		long seen = version(id, lead);
		int before = this.incidents.findForPage(id, lead).getTimelineLength();

		this.evidence.collect(id, responder, new NewEvidence("nas.log", "NAS管理画面", "暗号化直前のアクセスログ"),
				new ByteArrayInputStream("2026-11-28 09:12:01 smb write burst\n".getBytes(StandardCharsets.UTF_8)));
		this.prevention.addMeasure(id, lead, new PreventionService.NewMeasure(Measure.Kind.TECHNICAL, "NASのスナップショットを有効にする",
				responder.username(), LocalDate.now(ZoneId.of("Asia/Tokyo")).plusMonths(1)));
		this.incidents.addNote(id, responder, "ベンダーに連絡済み");

		assertThat(version(id, lead)).as("history does not move the version").isEqualTo(seen);
		this.incidents.startContainment(id, seen, lead);

		Incident after = this.incidents.findForPage(id, lead);
		assertThat(after.getState()).isEqualTo(IncidentState.CONTAINMENT);
		assertThat(after.getTimeline().subList(before, after.getTimelineLength()))
			.extracting(TimelineEntry::getKind)
			.containsExactly(TimelineEntry.Kind.EVIDENCE_COLLECTED, TimelineEntry.Kind.MEASURE_ADDED,
					TimelineEntry.Kind.NOTE, TimelineEntry.Kind.STATE_CHANGED);
		assertThat(this.incidents.verifyTimeline(id, lead).problems()).isEmpty();
	}

	private Actor actor(Role first, Role... more) {
		String username = this.users.create(first, more).getUsername();
		return new Actor(username, java.util.EnumSet.of(first, more));
	}

	private long version(long id, Actor actor) {
		return this.incidents.find(id, actor).getVersion();
	}

}
