package jp.hikeshi.prevention;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.incident.Category;
import jp.hikeshi.incident.ChecklistItem;
import jp.hikeshi.incident.DisclosureStatus;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.incident.IncidentState;
import jp.hikeshi.incident.RequiredItems;
import jp.hikeshi.incident.Severity;
import jp.hikeshi.incident.StillHappening;
import jp.hikeshi.incident.Transition;
import jp.hikeshi.incident.TransitionRefused;
import jp.hikeshi.incident.Unmet;
import jp.hikeshi.prevention.PreventionService.NewMeasure;
import jp.hikeshi.prevention.PreventionService.RootCauses;
import jp.hikeshi.reporting.Duty;
import jp.hikeshi.reporting.ReportingService;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The closing asks for the prevention plan, and only for it: the root cause chosen or explained
 * and at least one measure. The incident no longer holds free text of its own for either.
 */
@IntegrationTest
class PreventionGuardTest {

	private static final Instant DISCOVERED = Instant.parse("2025-06-02T00:30:00Z");

	private static final LocalDate DUE = LocalDate.ofInstant(DISCOVERED, ZoneId.of("Asia/Tokyo")).plusMonths(3);

	@Autowired
	IncidentService incidents;

	@Autowired
	PreventionService prevention;

	@Autowired
	ReportingService reporting;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcTemplate jdbc;

	Actor lead;

	Actor executive;

	Actor responder;

	@BeforeEach
	void people() {
		this.lead = actor(this.users.create(Role.SECURITY_LEAD));
		this.executive = actor(this.users.create(Role.EXECUTIVE));
		this.responder = actor(this.users.create(Role.RESPONDER));
	}

	@Test
	void theIncidentKeepsNoFreeTextForTheRootCauseOrTheMeasures() {
		assertThat(this.jdbc.queryForList("""
				select column_name from information_schema.columns
				where table_schema = current_schema() and table_name = 'incident'""", String.class))
			.isNotEmpty()
			.doesNotContain("root_cause", "prevention_measures");
		assertThat(this.jdbc.queryForList("""
				select column_name from information_schema.columns
				where table_schema = current_schema() and table_name = 'prevention_plan'""", String.class))
			.contains("incident_id", "root_cause_note", "version");
	}

	@Test
	void theApprovalAndTheClosingAskForThePlanAndAFilledInPlanLetsThemThrough() {
		long id = inPrevention();
		assertThat(codes(id, Transition.APPROVE_CLOSING))
			.containsExactly("incident.guard.rootCauseMissing", "incident.guard.preventionMissing");
		assertThat(codes(id, Transition.CLOSE)).contains("incident.guard.rootCauseMissing",
				"incident.guard.preventionMissing", "incident.guard.closingNotApproved");
		assertThat(codes(id, Transition.START_PREVENTION)).isEmpty();

		// the executive's approval is refused, and says which page to use
		assertThatThrownBy(() -> this.incidents.approveClosing(id, version(id), this.executive))
			.isInstanceOfSatisfying(TransitionRefused.class, refused -> assertThat(refused.unmet())
				.extracting(Unmet::code)
				.containsExactly("incident.guard.rootCauseMissing", "incident.guard.preventionMissing"));
		assertThat(this.incidents.find(id, this.lead).getClosingApprovedAt()).isNull();

		// the plan, filled in on its page, is what the guard reads
		this.prevention.recordRootCauses(id, this.responder,
				new RootCauses(EnumSet.of(RootCause.UNPATCHED_SOFTWARE), null, 0));
		assertThat(codes(id, Transition.APPROVE_CLOSING))
			.containsExactly("incident.guard.preventionMissing");
		this.prevention.addMeasure(id, this.responder,
				new NewMeasure(Measure.Kind.TECHNICAL, "VPN機器の月次更新", this.responder.username(), DUE));
		assertThat(codes(id, Transition.APPROVE_CLOSING)).isEmpty();

		this.incidents.approveClosing(id, version(id), this.executive);
		this.incidents.close(id, version(id), this.lead);
		assertThat(this.incidents.find(id, this.lead).getState()).isEqualTo(IncidentState.CLOSED);
	}

	@Test
	void anExplanationWithoutACauseFromTheListRecordsTheRootCause() {
		long id = inPrevention();
		this.prevention.recordRootCauses(id, this.lead, new RootCauses(Set.of(), "委託先のVPN機器が古いままだった", 0));
		this.prevention.addMeasure(id, this.lead,
				new NewMeasure(Measure.Kind.RULES, "委託契約に更新の義務を入れる", this.lead.username(), DUE));

		assertThat(codes(id, Transition.APPROVE_CLOSING)).isEmpty();
		this.incidents.approveClosing(id, version(id), this.executive);
		assertThat(this.incidents.find(id, this.lead).getClosingApprovedBy()).isEqualTo(this.executive.username());
	}

	/** What the incident page shows as still needed for this move. */
	private List<String> codes(long id, Transition transition) {
		return this.incidents.unmetGuards(this.incidents.findForPage(id, this.lead), transition)
			.stream()
			.map(Unmet::code)
			.toList();
	}

	/** An incident walked through every step up to prevention, with nothing of the plan yet. */
	private long inPrevention() {
		Actor reporter = actor(this.users.create(Role.REPORTER));
		long id = this.incidents.report(new Incident.Report("VPN機器への不正アクセス", "VPN機器のログに見覚えのない接続があった",
				DISCOVERED, "VPN機器", StillHappening.NO, null, null), reporter).getId();
		this.incidents.take(id, version(id), this.lead);
		this.incidents.escalate(id, version(id), this.lead, Category.OTHER, null, Severity.MEDIUM, null);
		this.incidents.formTeam(id, version(id), this.executive, this.responder.username(), List.of());
		this.incidents.startContainment(id, version(id), this.lead);
		decideAll(id, true);
		this.incidents.finishContainment(id, version(id), this.lead);
		this.incidents.updateRecord(id, version(id), this.responder,
				new RequiredItems("なし", "VPN機器経由の不正な接続", "VPN機器の脆弱性", "VPN機器を更新済み", "VPN機器1台、社内LAN",
						"情報システム部 内線100", DisclosureStatus.NOT_REQUIRED),
				DISCOVERED.minus(1, ChronoUnit.DAYS), DISCOVERED);
		for (Duty duty : this.reporting.caseFor(id, this.lead).applicableDuties()) {
			this.reporting.file(id, this.reporting.caseFor(id, this.lead).getVersion(), this.lead, duty.getId(),
					new jp.hikeshi.reporting.ReportingCase.Filing(LocalDate.ofInstant(DISCOVERED, ZoneId.of("Asia/Tokyo")), "REF-1", null,
							jp.hikeshi.reporting.Duty.NoticeOutcome.ALL_NOTIFIED, null));
		}
		this.incidents.startRecovery(id, version(id), this.lead);
		decideAll(id, false);
		this.incidents.confirmRecovery(id, version(id), this.lead, "VPN機器を更新し、ログに不審な接続なし", true);
		this.incidents.startPrevention(id, version(id), this.lead);
		assertThat(this.incidents.find(id, this.lead).getState()).isEqualTo(IncidentState.PREVENTION);
		return id;
	}

	private void decideAll(long id, boolean initial) {
		for (ChecklistItem item : this.incidents.findForPage(id, this.lead).getChecklist()) {
			if (item.getGroup().isInitial() == initial && !item.isResolved()) {
				this.incidents.decideChecklistItem(id, version(id), this.responder, item.getId(),
						ChecklistItem.Status.DONE, null);
			}
		}
	}

	private long version(long id) {
		return this.incidents.find(id, this.lead).getVersion();
	}

	private static Actor actor(UserAccount account) {
		return new Actor(account.getUsername(), account.getRoles());
	}

}
