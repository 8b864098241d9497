package jp.hikeshi.drill;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.dashboard.DashboardService;
import jp.hikeshi.dashboard.Metrics;
import jp.hikeshi.incident.Assignee;
import jp.hikeshi.incident.Category;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentSearch;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.incident.IncidentState;
import jp.hikeshi.incident.Severity;
import jp.hikeshi.incident.StillHappening;
import jp.hikeshi.incident.TimelineEntry;
import jp.hikeshi.incident.TransitionRefused;
import jp.hikeshi.notification.IntegrationEvent;
import jp.hikeshi.notification.IntegrationWebhooks;
import jp.hikeshi.prevention.Measure;
import jp.hikeshi.prevention.PreventionService;
import jp.hikeshi.reporting.DueDuty;
import jp.hikeshi.reporting.DutyType;
import jp.hikeshi.reporting.ReportingCase;
import jp.hikeshi.reporting.ReportingService;
import jp.hikeshi.shared.BusinessRuleViolation;
import jp.hikeshi.shared.Readiness;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Drills (机上演習): a drill runs the real workflow on an incident marked 訓練 for good; it is
 * never counted, owed, filed or told outside its participants; its debrief shows what it found.
 */
@IntegrationTest
class DrillTest {

	/** The shipped ransomware scenario (V31): expects PPC_PRELIMINARY, IPA and POLICE. */
	private static final long RANSOMWARE = 1;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	DrillService drills;

	@Autowired
	Scenarios scenarios;

	@Autowired
	IncidentService incidents;

	@Autowired
	ReportingService reporting;

	@Autowired
	PreventionService prevention;

	@Autowired
	DashboardService dashboard;

	@Autowired
	IntegrationWebhooks integrations;

	@Autowired
	List<Readiness> readiness;

	@Autowired
	JdbcTemplate jdbc;

	Actor lead;

	Actor otherLead;

	Actor executive;

	Actor responder;

	@BeforeEach
	void people() {
		this.lead = actor(this.users.create(Role.SECURITY_LEAD));
		this.otherLead = actor(this.users.create(Role.SECURITY_LEAD));
		this.executive = actor(this.users.create(Role.EXECUTIVE));
		this.responder = actor(this.users.create(Role.RESPONDER));
	}

	@AfterEach
	void noEndpointsLeft() {
		this.integrations.list().forEach(endpoint -> this.integrations.delete(endpoint.id(), "test"));
	}

	@Test
	void aDrillStartsOnAnIncidentMarkedForGoodThatListsAndQueuesLeaveOutUnlessAsked() throws Exception {
		String location = this.mvc
			.perform(post("/drills").contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.param("scenario", String.valueOf(RANSOMWARE))
				.with(this.users.signedIn(this.lead.username()))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long drillId = Long.parseLong(location.substring("/drills/".length()));
		Drill drill = this.drills.find(drillId).orElseThrow();
		Incident incident = this.incidents.findForPage(drill.incidentId(), this.lead);

		assertThat(incident.isDrill()).isTrue();
		assertThat(incident.getReportedBy()).isEqualTo(this.lead.username());
		assertThat(incident.getTimeline()).extracting(TimelineEntry::getKind)
			.containsExactly(TimelineEntry.Kind.REPORTED, TimelineEntry.Kind.DRILL_STARTED);

		// the mark is never changed: not by an edit of the incident, not by SQL
		this.incidents.take(incident.getId(), incident.getVersion(), this.lead);
		assertThat(this.incidents.findById(incident.getId()).orElseThrow().isDrill()).isTrue();
		assertThatThrownBy(() -> this.jdbc.update("update incident set drill = false where id = ?", incident.getId()))
			.isInstanceOf(DataAccessException.class);
		// a form field or query parameter named "drill" is bound to nothing
		this.mvc
			.perform(post("/incidents/" + incident.getId() + "/notes").contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.param("text", "訓練ではなく本番にしたい")
				.param("drill", "false")
				.with(this.users.signedIn(this.lead.username()))
				.with(csrf()));
		assertThat(this.jdbc.queryForObject("select drill from incident where id = ?", Boolean.class, incident.getId()))
			.isTrue();

		Incident real = this.incidents.report(new Incident.Report("本番の報告：共有フォルダが開けない", "本番の報告です", null, null,
				StillHappening.NO, null, null, null), this.responder);
		assertThat(this.incidents.triageQueue(PageRequest.of(0, 1000)).getContent()).extracting(Incident::getId)
			.contains(real.getId())
			.doesNotContain(incident.getId());
		assertThat(this.incidents.search(IncidentSearch.none(), this.lead, PageRequest.of(0, 1000)).getContent())
			.extracting(Incident::getId)
			.contains(real.getId())
			.doesNotContain(incident.getId());
		assertThat(this.incidents.search(IncidentSearch.none().includingDrills(), this.lead, PageRequest.of(0, 1000))
			.getContent()).extracting(Incident::getId).contains(real.getId(), incident.getId());

		String list = this.mvc
			.perform(get("/incidents").with(this.users.signedIn(this.lead.username())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(list).contains(real.getReference()).doesNotContain(incident.getReference());
		String withDrills = this.mvc
			.perform(get("/incidents").param("drills", "include")
				.with(this.users.signedIn(this.lead.username())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(withDrills).contains(real.getReference(), incident.getReference(), "class=\"drill-badge\"");

		String page = this.mvc
			.perform(get("/incidents/" + incident.getId()).with(this.users.signedIn(this.lead.username())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("<title>【訓練】", "class=\"drill-banner\"", "このインシデントは訓練（机上演習）です");
	}

	@Test
	void aDrillsDutiesArePracticeNeverOwedCountedOrFiledAndItTellsOnlyItsParticipants() {
		LocalDate today = this.dashboard.today(Instant.now());
		Metrics before = this.dashboard.metrics(this.executive, today.minusYears(1), today);
		this.integrations.create("受付システム", "http://127.0.0.1:9/hook",
				Set.of(IntegrationEvent.REPORT_RECEIVED, IntegrationEvent.STATE_CHANGED), "test");

		long drillId = this.drills.start(RANSOMWARE, this.lead, Locale.JAPANESE);
		long id = this.drills.find(drillId).orElseThrow().incidentId();
		this.incidents.take(id, version(id), this.lead);
		this.incidents.escalate(id, version(id), this.lead, Category.VIRUS_RANSOMWARE, null, Severity.HIGH, "訓練");
		this.incidents.formTeam(id, version(id), this.executive, this.lead.username(),
				List.of(new Assignee(this.responder.username(), "初動")));

		// the duties are worked out as for real, and shown as practice
		List<DueDuty> duties = this.reporting.view(id, this.lead).duties();
		assertThat(duties).extracting(due -> due.duty().getType()).contains(DutyType.IPA);
		// never owed: not to the dashboard, the home pages, the reminders or the API
		assertThat(this.reporting.openDuties()).extracting(DueDuty::incidentId).doesNotContain(id);
		assertThat(this.reporting.openDuties(this.executive)).extracting(DueDuty::incidentId).doesNotContain(id);
		// never filed
		long ipa = duties.stream().filter(due -> due.duty().getType() == DutyType.IPA).findFirst().orElseThrow()
			.duty().getId();
		assertThatThrownBy(() -> this.reporting.file(id, caseVersion(id), this.lead, ipa,
				new ReportingCase.Filing(today, "IPA-001", null, null, null)))
			.isInstanceOf(BusinessRuleViolation.class)
			.hasMessage("duty.drill.practiceOnly");
		assertThat(this.reporting.text(id, this.lead, jp.hikeshi.reporting.FilingTexts.Kind.IPA_VIRUS))
			.startsWith("【訓練】");

		// the executive's figures are those of real incidents only
		Metrics after = this.dashboard.metrics(this.executive, today.minusYears(1), today);
		assertThat(after.open()).isEqualTo(before.open());
		assertThat(after.openIncidents()).isEqualTo(before.openIncidents());
		assertThat(after.decisions()).isEqualTo(before.decisions());
		assertThat(after.duties().size()).isEqualTo(before.duties().size());
		assertThat(after.overTime()).isEqualTo(before.overTime());
		assertThat(after.durationsByCategory()).isEqualTo(before.durationsByCategory());

		// only the participants are told, marked as a drill; no chat, no outside tool
		List<Map<String, Object>> told = this.jdbc.queryForList(
				"select channel, recipient, params ->> 'drill' as drill from notification where incident_id = ?", id);
		Set<String> participants = Set.of(this.lead.username(), this.responder.username());
		assertThat(told).as("the responder is told of the team").isNotEmpty();
		for (Map<String, Object> row : told) {
			assertThat(row.get("channel")).isIn("IN_APP", "EMAIL");
			assertThat(participants).contains((String) row.get("recipient"));
			assertThat(row.get("drill")).isEqualTo("1");
		}
		// the same steps of a real incident tell the other lead, the executive and the endpoint: the check can fail
		Incident real = this.incidents.report(new Incident.Report("本番：ランサムウェアの画面", "本番の報告です", null, null,
				StillHappening.YES, null, null, null), this.responder);
		Set<String> realTold = new HashSet<>(this.jdbc.queryForList(
				"select coalesce(recipient, channel) from notification where incident_id = ?", String.class, real.getId()));
		assertThat(realTold).contains(this.otherLead.username(), "HOOK");
	}

	@Test
	void theDebriefShowsTheTimeOfEachStepTheGuardsThatStoppedTheTeamTheDutiesAndNotesThatBecomeMeasures() {
		// a scenario of the company's own: the client (委託元) must be told too
		long scenario = this.scenarios.save(null, null, new Scenarios.Command("委託先のランサムウェア" + this.lead.username(),
				"Ransomware at a processor " + this.lead.username(), "画面に身代金の要求が出ています", "A ransom note is on screen",
				Set.of(DutyType.IPA, DutyType.CLIENT),
				List.of(new Scenario.Inject(20, "+20分: 別のPCでもファイルが開けないと連絡", "+20 min: another PC"),
						new Scenario.Inject(10, "+10分: 電源を切ってよいかと質問", "+10 min: may I switch it off?"),
						new Scenario.Inject(40, "+40分: バックアップも暗号化", "+40 min: the backups too"),
						new Scenario.Inject(0, " ", ""))),
				"admin");
		assertThat(this.scenarios.find(scenario).orElseThrow().injects()).as("in the order of their minutes, blank left out")
			.extracting(Scenario.Inject::minute)
			.containsExactly(10, 20, 40);
		long drillId = this.drills.start(scenario, this.lead, Locale.JAPANESE);
		Drill drill = this.drills.find(drillId).orElseThrow();
		long id = drill.incidentId();

		// no inject is due at the start; thirty minutes in, the first two are
		assertThat(this.drills.dueInjects(drill)).isEmpty();
		assertThatThrownBy(() -> this.drills.readInject(drillId, 1, this.lead, Locale.JAPANESE))
			.hasMessage("drill.inject.notYetDue");
		this.jdbc.update("update drill set started_at = started_at - interval '30 minutes' where id = ?", drillId);
		drill = this.drills.find(drillId).orElseThrow();
		assertThat(this.drills.dueInjects(drill)).extracting(Drill.Inject::minute).containsExactly(10, 20);
		this.drills.readInject(drillId, 2, this.lead, Locale.JAPANESE);
		assertThat(this.incidents.findForPage(id, this.lead).getTimeline()).filteredOn(
				entry -> entry.getKind() == TimelineEntry.Kind.DRILL_INJECT)
			.singleElement()
			.satisfies(entry -> assertThat(entry.getNote()).contains("別のPCでもファイルが開けない"));

		this.incidents.take(id, version(id), this.lead);
		// a move the guards refuse is kept for the debrief, though nothing of the move is
		assertThatThrownBy(() -> this.incidents.startContainment(id, version(id), this.lead))
			.isInstanceOf(TransitionRefused.class);
		this.incidents.escalate(id, version(id), this.lead, Category.VIRUS_RANSOMWARE, null, Severity.HIGH, "訓練");

		this.drills.addNote(drillId, "NASのバックアップが同じネットワークにあった", this.lead);
		assertThatThrownBy(() -> this.drills.addNote(drillId, " ", this.lead)).hasMessage("drill.note.required");
		this.drills.end(drillId, this.lead);
		assertThatThrownBy(() -> this.drills.end(drillId, this.lead)).hasMessage("drill.ended");

		Debrief debrief = this.drills.debrief(drillId, this.executive);
		assertThat(debrief.steps()).extracting(Debrief.Step::from, Debrief.Step::to)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(IncidentState.REPORTED, IncidentState.TRIAGE),
					org.assertj.core.groups.Tuple.tuple(IncidentState.TRIAGE, IncidentState.ESCALATED));
		assertThat(debrief.steps().get(0).minutes()).as("the report waited thirty minutes to be taken")
			.isBetween(29L, 31L);
		assertThat(debrief.current().from()).isEqualTo(IncidentState.ESCALATED);
		assertThat(debrief.refusals()).isNotEmpty()
			.allSatisfy(refusal -> assertThat(refusal.transition()).hasToString("START_CONTAINMENT"));
		assertThat(debrief.matched()).containsExactly(DutyType.IPA);
		assertThat(debrief.missed()).containsExactly(DutyType.CLIENT);
		assertThat(debrief.extra()).contains(DutyType.POLICE);
		assertThat(debrief.notes()).singleElement();
		assertThat(debrief.findings()).isEqualTo(1 + debrief.refusals().size() + 1);
		assertThat(this.drills.findings(debrief.drill())).isEqualTo(debrief.findings());

		// a note becomes a real prevention measure, listed with every open measure
		long note = debrief.notes().get(0).id();
		long measure = this.drills.makeMeasure(drillId, note, Measure.Kind.TECHNICAL, this.lead.username(),
				this.prevention.today().plusMonths(1), this.lead);
		assertThat(this.prevention.openMeasures()).extracting(Measure::id).contains(measure);
		assertThatThrownBy(() -> this.drills.makeMeasure(drillId, note, Measure.Kind.TECHNICAL, this.lead.username(),
				this.prevention.today().plusMonths(1), this.lead))
			.hasMessage("drill.note.alreadyMeasure");

		// the executive's readiness line: this drill, just ended
		Readiness.Line line = readiness().check();
		assertThat(line.state()).isEqualTo(Readiness.State.READY);
		assertThat(line.href()).isEqualTo("/drills/" + drillId);
		this.jdbc.update("update drill set ended_at = ended_at - interval '13 months' where ended_at is not null");
		assertThat(readiness().check().state()).isEqualTo(Readiness.State.ATTENTION);
		this.jdbc.update("update drill set ended_at = ended_at + interval '13 months' where ended_at is not null");
	}

	private Readiness readiness() {
		return this.readiness.stream().filter(r -> r.order() == 50).findFirst().orElseThrow();
	}

	private long version(long id) {
		return this.incidents.find(id, this.lead).getVersion();
	}

	private long caseVersion(long id) {
		return this.reporting.existingCase(id).orElseThrow().getVersion();
	}

	private static Actor actor(UserAccount account) {
		return new Actor(account.getUsername(), Set.copyOf(account.getRoles()));
	}

}
