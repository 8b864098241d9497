package jp.hikeshi.reporting;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.incident.Category;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.incident.IncidentState;
import jp.hikeshi.incident.LeakKind;
import jp.hikeshi.incident.RequiredItems;
import jp.hikeshi.incident.Severity;
import jp.hikeshi.incident.TimelineEntry;
import jp.hikeshi.incident.TransitionRefused;
import jp.hikeshi.incident.ChecklistItem;
import jp.hikeshi.incident.DisclosureStatus;
import jp.hikeshi.incident.Assignee;
import jp.hikeshi.shared.BusinessRuleViolation;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The reports owed, worked out on PostgreSQL as facts change, and the guards they put on step 2. */
@IntegrationTest
class ReportingServiceTest {

	private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

	@Autowired
	ReportingService reporting;

	@Autowired
	IncidentService incidents;

	@Autowired
	TestUsers users;

	Actor lead;

	Actor executive;

	long id;

	@BeforeEach
	void anEscalatedLeak() {
		this.lead = new Actor(this.users.create(Role.SECURITY_LEAD).getUsername(), Set.of(Role.SECURITY_LEAD));
		this.executive = new Actor(this.users.create(Role.EXECUTIVE).getUsername(), Set.of(Role.EXECUTIVE));
		Actor staff = new Actor(this.users.create(Role.REPORTER).getUsername(), Set.of(Role.REPORTER));
		this.id = this.incidents.report(new Incident.Report("顧客情報の漏えい", "通販サイトの顧客データが流出した可能性", null, "通販サイト",
				null, null, null), staff).getId();
		this.incidents.take(this.id, version(), this.lead);
		this.incidents.escalate(this.id, version(), this.lead, Category.INFORMATION_LEAK, LeakKind.UNAUTHORISED_ACCESS,
				Severity.HIGH, null);
	}

	@Test
	void escalationOpensTheCaseWithWhatTheCategoryTells() {
		ReportingCase reportingCase = this.reporting.caseFor(this.id, this.lead);
		assertThat(types(reportingCase)).containsExactlyInAnyOrder(DutyType.IPA, DutyType.POLICE);
	}

	@Test
	void a1200CustomerCardLeakOwesThePpcReportsAndChangesAreOnTheTimeline() {
		updateFacts(new Facts(Answer.YES, 1_200, false, true, false, true, true, true, false, false, false));
		ReportingCase reportingCase = this.reporting.caseFor(this.id, this.lead);
		assertThat(types(reportingCase)).contains(DutyType.PPC_PRELIMINARY, DutyType.PPC_FINAL, DutyType.PERSON_NOTICE);
		Duty preliminary = duty(reportingCase, DutyType.PPC_PRELIMINARY);
		assertThat(preliminary.getReasons()).containsExactly("duty.reason.financial", "duty.reason.improperPurpose",
				"duty.reason.overThousand");

		Incident incident = this.incidents.find(this.id, this.lead);
		List<DueDuty> due = this.reporting.dutiesOf(reportingCase, incident);
		LocalDate discovered = LocalDate.ofInstant(incident.getDiscoveredAt(), TOKYO);
		assertThat(due).filteredOn(d -> d.duty().getType() == DutyType.PPC_PRELIMINARY)
			.singleElement()
			.satisfies(d -> assertThat(d.deadline()).isEqualTo(discovered.plusDays(6).atStartOfDay(TOKYO).toInstant()));
		assertThat(due).filteredOn(d -> d.duty().getType() == DutyType.PPC_FINAL)
			.singleElement()
			.satisfies(d -> assertThat(d.deadline()).isEqualTo(discovered.plusDays(61).atStartOfDay(TOKYO).toInstant()));

		List<TimelineEntry> changes = this.incidents.findForPage(this.id, this.lead)
			.getTimeline()
			.stream()
			.filter(entry -> entry.getKind() == TimelineEntry.Kind.DUTIES_RECALCULATED)
			.toList();
		assertThat(changes).singleElement().satisfies(entry -> {
			assertThat(entry.getBefore()).isEqualTo("IPA, POLICE");
			assertThat(entry.getAfter()).contains("PPC_FINAL", "PPC_PRELIMINARY", "PERSON_NOTICE");
		});
		assertThat(this.incidents.findForPage(this.id, this.lead).verifyTimeline().intact()).isTrue();
	}

	@Test
	void whenAFactChangesTheDutiesAreWorkedOutAgain() {
		updateFacts(new Facts(Answer.UNKNOWN, null, false, false, false, false, true, false, false, false, false));
		assertThat(types(this.reporting.caseFor(this.id, this.lead))).containsExactly(DutyType.IPA);
		// "unknown" becomes "yes", and the count passes 1,000
		updateFacts(new Facts(Answer.YES, 1_001, false, false, false, false, true, false, false, false, false));
		assertThat(types(this.reporting.caseFor(this.id, this.lead))).contains(DutyType.PPC_PRELIMINARY);
		// back under the threshold: the PPC duties lapse but are kept
		updateFacts(new Facts(Answer.YES, 1_000, false, false, false, false, true, false, false, false, false));
		ReportingCase reportingCase = this.reporting.caseFor(this.id, this.lead);
		assertThat(types(reportingCase)).containsExactly(DutyType.IPA);
		assertThat(reportingCase.lapsedDuties()).extracting(Duty::getType).contains(DutyType.PPC_PRELIMINARY);
	}

	@Test
	void contradictoryFactsAreRefusedAndChangeNothing() {
		long before = caseVersion();
		assertThatThrownBy(() -> updateFacts(new Facts(Answer.NO, 30, false, false, false, false, false, false, false,
				false, false))).isInstanceOf(BusinessRuleViolation.class)
			.hasMessage("facts.countWithoutPersonalData")
			.satisfies(ex -> assertThat(((BusinessRuleViolation) ex).field()).isEqualTo("peopleCount"));
		assertThatThrownBy(() -> updateFacts(new Facts(Answer.YES, -1, false, false, false, false, false, false, false,
				false, false))).hasMessage("facts.peopleCountAbsurd")
			.satisfies(ex -> assertThat(((BusinessRuleViolation) ex).arguments()).containsExactly(0, Facts.MAX_PEOPLE));
		assertThatThrownBy(() -> updateFacts(new Facts(Answer.UNKNOWN, null, false, false, false, false, false, false,
				false, true, false))).hasMessage("facts.clientInformedWithoutClient")
			.satisfies(ex -> assertThat(((BusinessRuleViolation) ex).field()).isEqualTo("clientInformed"));
		assertThat(caseVersion()).isEqualTo(before);
	}

	@Test
	void filingsAreCheckedAndWaiversNeedAReason() {
		updateFacts(new Facts(Answer.YES, 1_200, false, true, false, false, false, false, false, false, false));
		long preliminary = duty(this.reporting.caseFor(this.id, this.lead), DutyType.PPC_PRELIMINARY).getId();
		LocalDate discovered = LocalDate.ofInstant(this.incidents.find(this.id, this.lead).getDiscoveredAt(), TOKYO);
		assertThatThrownBy(() -> this.reporting.file(this.id, caseVersion(), this.lead, preliminary,
				discovered.minusDays(1), "A-1")).hasMessage("duty.filedBeforeDiscovery");
		assertThatThrownBy(() -> this.reporting.file(this.id, caseVersion(), this.lead, preliminary,
				LocalDate.now(TOKYO).plusDays(1), "A-1")).hasMessage("duty.filedInFuture");
		assertThatThrownBy(() -> this.reporting.file(this.id, caseVersion(), this.lead, preliminary, discovered,
				"X".repeat(101))).hasMessage("duty.referenceTooLong");
		assertThatThrownBy(() -> this.reporting.waive(this.id, caseVersion(), this.lead, preliminary, " "))
			.hasMessage("duty.waiverReasonRequired");
		assertThatThrownBy(() -> this.reporting.file(this.id, caseVersion(), this.executive, preliminary, discovered,
				"A-1")).hasMessage("duty.leadOnly");
		assertThat(duty(this.reporting.caseFor(this.id, this.lead), DutyType.PPC_PRELIMINARY).getState())
			.isEqualTo(Duty.State.TO_DO);

		this.reporting.file(this.id, caseVersion(), this.lead, preliminary, discovered, "PPC-2026-0001");
		Duty filed = duty(this.reporting.caseFor(this.id, this.lead), DutyType.PPC_PRELIMINARY);
		assertThat(filed.getState()).isEqualTo(Duty.State.FILED);
		assertThat(filed.getFilingReference()).isEqualTo("PPC-2026-0001");
	}

	@Test
	void leavingStepTwoNeedsEveryDutyDecidedAndClosingNeedsThemFiledOrWaived() {
		updateFacts(new Facts(Answer.YES, 1_200, false, true, false, false, true, false, false, false, false));
		walkToDisclosure();
		assertThatThrownBy(() -> this.incidents.startRecovery(this.id, version(), this.lead))
			.isInstanceOf(TransitionRefused.class)
			.satisfies(ex -> assertThat(((TransitionRefused) ex).unmet()).anySatisfy(unmet -> {
				assertThat(unmet.code()).isEqualTo("duty.guard.undecided");
				assertThat(unmet.items()).hasSize(4);
			}));

		ReportingCase reportingCase = this.reporting.caseFor(this.id, this.lead);
		LocalDate today = LocalDate.now(TOKYO);
		this.reporting.file(this.id, caseVersion(), this.lead, duty(reportingCase, DutyType.PPC_PRELIMINARY).getId(),
				today, "PPC-1");
		this.reporting.markNotYetDue(this.id, caseVersion(), this.lead, duty(reportingCase, DutyType.PPC_FINAL).getId());
		this.reporting.waive(this.id, caseVersion(), this.lead, duty(reportingCase, DutyType.PERSON_NOTICE).getId(),
				"連絡先が不明なため、公表と問い合わせ窓口で代替する");
		this.reporting.file(this.id, caseVersion(), this.lead, duty(reportingCase, DutyType.IPA).getId(), today, null);
		assertThatThrownBy(() -> this.reporting.markNotYetDue(this.id, caseVersion(), this.lead,
				duty(reportingCase, DutyType.IPA).getId())).hasMessage("duty.notYetDueOnlyForFinal");

		this.incidents.startRecovery(this.id, version(), this.lead);
		assertThat(this.incidents.find(this.id, this.lead).getState()).isEqualTo(IncidentState.RECOVERY);
		assertThat(this.incidents.unmetGuards(this.incidents.find(this.id, this.lead), jp.hikeshi.incident.Transition.CLOSE))
			.anySatisfy(unmet -> {
				assertThat(unmet.code()).isEqualTo("duty.guard.unsettled");
				assertThat(unmet.items()).asString().isEqualTo("[PPC_FINAL]");
			});
	}

	private void walkToDisclosure() {
		this.incidents.formTeam(this.id, version(), this.executive, this.lead.username(),
				List.of(new Assignee(this.lead.username(), "指揮")));
		this.incidents.startContainment(this.id, version(), this.lead);
		for (ChecklistItem item : this.incidents.findForPage(this.id, this.lead).getChecklist()) {
			if (item.getGroup().isInitial()) {
				this.incidents.decideChecklistItem(this.id, version(), this.lead, item.getId(), ChecklistItem.Status.DONE,
						null);
			}
		}
		this.incidents.finishContainment(this.id, version(), this.lead);
		Incident incident = this.incidents.find(this.id, this.lead);
		this.incidents.updateRecord(this.id, version(), this.lead, new RequiredItems(null, "流出", null, null, null,
				"総務部", DisclosureStatus.PLANNED), null, incident.getDiscoveredAt());
	}

	private void updateFacts(Facts facts) {
		this.reporting.updateFacts(this.id, caseVersion(), this.lead, facts, "氏名、カード番号", null);
	}

	private long caseVersion() {
		return this.reporting.caseFor(this.id, this.lead).getVersion();
	}

	private long version() {
		return this.incidents.find(this.id, this.lead).getVersion();
	}

	private static List<DutyType> types(ReportingCase reportingCase) {
		return reportingCase.applicableDuties().stream().map(Duty::getType).toList();
	}

	private static Duty duty(ReportingCase reportingCase, DutyType type) {
		return reportingCase.applicableDuties().stream().filter(d -> d.getType() == type).findFirst().orElseThrow();
	}

}
