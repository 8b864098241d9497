package jp.hikeshi.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.calendar.LegalDeadlines;
import jp.hikeshi.incident.Assignee;
import jp.hikeshi.incident.Category;
import jp.hikeshi.incident.ChecklistItem;
import jp.hikeshi.incident.DisclosureStatus;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.incident.IncidentState;
import jp.hikeshi.incident.LeakKind;
import jp.hikeshi.incident.RequiredItems;
import jp.hikeshi.incident.Severity;
import jp.hikeshi.incident.TimelineEntry;
import jp.hikeshi.incident.TransitionRefused;
import jp.hikeshi.shared.BusinessRuleViolation;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The reports owed, worked out on PostgreSQL as facts change — from a feared leak to a known
 * one, a count passing a threshold on a later day, a leak ruled out — with the timeline lines
 * each change writes and the guards the duties put on step 2.
 */
@IntegrationTest
class ReportingServiceTest {

	/** Ten days before now: the count passes 1,000 on a later day than 発覚. */
	private static final Instant DISCOVERED = Instant.now().minus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);

	@Autowired
	ReportingService reporting;

	@Autowired
	IncidentService incidents;

	@Autowired
	LegalDeadlines calendar;

	@Autowired
	TestUsers users;

	Actor lead;

	Actor executive;

	long id;

	@BeforeEach
	void anEscalatedUnauthorisedAccess() {
		this.lead = new Actor(this.users.create(Role.SECURITY_LEAD).getUsername(), Set.of(Role.SECURITY_LEAD));
		this.executive = new Actor(this.users.create(Role.EXECUTIVE).getUsername(), Set.of(Role.EXECUTIVE));
		Actor staff = new Actor(this.users.create(Role.REPORTER).getUsername(), Set.of(Role.REPORTER));
		this.id = this.incidents.report(new Incident.Report("顧客情報の漏えい", "通販サイトの顧客データが流出した可能性", DISCOVERED,
				"通販サイト", null, null, null), staff).getId();
		this.incidents.take(this.id, version(), this.lead);
		this.incidents.escalate(this.id, version(), this.lead, Category.INFORMATION_LEAK, LeakKind.UNAUTHORISED_ACCESS,
				Severity.HIGH, null);
	}

	@Test
	void escalationListsThePersonalDataDutiesAsToBeDecidedWithTheirClocksRunning() {
		ReportingCase reportingCase = this.reporting.caseFor(this.id, this.lead);
		assertThat(reportingCase.getFacts().improperPurpose()).as("the category suggests it").isTrue();
		assertThat(reportingCase.getRuleSet()).isEqualTo(RuleSet.APPI_2022.id());
		assertThat(types(reportingCase)).containsExactlyInAnyOrder(DutyType.PPC_PRELIMINARY, DutyType.PPC_FINAL,
				DutyType.PERSON_NOTICE, DutyType.IPA, DutyType.POLICE);
		assertThat(duty(reportingCase, DutyType.PPC_FINAL).isProvisional()).isTrue();
		assertThat(duty(reportingCase, DutyType.IPA).isProvisional()).isFalse();

		DueDuty preliminary = due(DutyType.PPC_PRELIMINARY);
		LocalDate dayOne = LocalDate.ofInstant(DISCOVERED, LegalDeadlines.JAPAN);
		assertThat(preliminary.deadline().targetDay()).isEqualTo(dayOne.plusDays(2));
		assertThat(preliminary.deadline().lastDay()).isEqualTo(dayOne.plusDays(4));
		assertThat(preliminary.urgency()).isEqualTo(Deadline.Urgency.OVERDUE);
		assertThat(preliminary.daysLeft()).isEqualTo(-6);
		assertThat(due(DutyType.PPC_FINAL).deadline().lastDay())
			.as("60 days: an improper purpose is possible").isEqualTo(this.calendar.dayRolledForward(DISCOVERED, 60));
		assertThat(due(DutyType.POLICE).urgency()).isEqualTo(Deadline.Urgency.PROMPTLY);
		assertThat(due(DutyType.IPA).urgency()).isEqualTo(Deadline.Urgency.NO_DEADLINE);
	}

	@Test
	void aFearedLeakBecomesAKnownOneAndTheTimelineSaysWhatChanged() {
		updateFacts(facts(LeakStatus.FEARED, null));
		ReportingCase feared = this.reporting.caseFor(this.id, this.lead);
		assertThat(duty(feared, DutyType.PPC_PRELIMINARY).isProvisional()).as("feared with an improper purpose")
			.isFalse();
		assertThat(duty(feared, DutyType.PPC_PRELIMINARY).getReasons()).containsExactly("duty.reason.feared",
				"duty.reason.improperPurpose");

		updateFacts(facts(LeakStatus.OCCURRED, null));
		assertThat(duty(this.reporting.caseFor(this.id, this.lead), DutyType.PPC_PRELIMINARY).getReasons())
			.containsExactly("duty.reason.improperPurpose");

		List<TimelineEntry> lines = timeline();
		assertThat(lines).filteredOn(e -> e.getKind() == TimelineEntry.Kind.FACT_LEAK_CHANGED)
			.extracting(TimelineEntry::getBefore, TimelineEntry::getAfter)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("UNASSESSED", "FEARED"),
					org.assertj.core.groups.Tuple.tuple("FEARED", "OCCURRED"));
		// the escalation wrote the first two: from nothing to what applies and what is to be decided
		assertThat(lines).filteredOn(e -> e.getKind() == TimelineEntry.Kind.DUTIES_PROVISIONAL)
			.extracting(TimelineEntry::getBefore, TimelineEntry::getAfter)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("", "PERSON_NOTICE, PPC_FINAL, PPC_PRELIMINARY"),
					// nothing listed yet: マイナンバー may be among what leaked
					org.assertj.core.groups.Tuple.tuple("PERSON_NOTICE, PPC_FINAL, PPC_PRELIMINARY",
							"MYNUMBER_FINAL, MYNUMBER_PRELIMINARY"));
		assertThat(lines).filteredOn(e -> e.getKind() == TimelineEntry.Kind.DUTIES_RECALCULATED)
			.extracting(TimelineEntry::getBefore, TimelineEntry::getAfter)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("", "IPA, POLICE"), org.assertj.core.groups.Tuple
				.tuple("IPA, POLICE", "IPA, PERSON_NOTICE, POLICE, PPC_FINAL, PPC_PRELIMINARY"));
		assertThat(this.incidents.findForPage(this.id, this.lead).verifyTimeline().intact()).isTrue();
	}

	@Test
	void aCountThatPassesOneThousandOnALaterDayStartsTheClockThatDay() {
		updateFacts(untickedImproperPurpose(LeakStatus.OCCURRED));
		addDataSet(set("顧客名簿", 800, 900));
		ReportingCase under = this.reporting.caseFor(this.id, this.lead);
		assertThat(under.applicableDuties()).extracting(Duty::getType).doesNotContain(DutyType.PPC_PRELIMINARY);

		Instant before = Instant.now();
		changeDataSet(under.getDataSets().get(0).getId(), set("顧客名簿", 800, 1_001));
		ReportingCase over = this.reporting.caseFor(this.id, this.lead);
		assertThat(over.getOverThousandSince()).isAfterOrEqualTo(before.truncatedTo(ChronoUnit.SECONDS));
		Duty preliminary = duty(over, DutyType.PPC_PRELIMINARY);
		assertThat(preliminary.getReasons()).containsExactly("duty.reason.overThousand");
		assertThat(preliminary.getClockFrom()).isEqualTo(over.getOverThousandSince());
		assertThat(due(DutyType.PPC_FINAL).deadline().lastDay())
			.isEqualTo(this.calendar.dayRolledForward(over.getOverThousandSince(), 30));
		assertThat(timeline()).filteredOn(e -> e.getKind() == TimelineEntry.Kind.THRESHOLD_PASSED)
			.singleElement()
			.satisfies(e -> {
				assertThat(e.getField()).isEqualTo("PPC_THOUSAND");
				assertThat(e.getAfter()).isEqualTo("1001");
			});
	}

	@Test
	void correctedCategoriesWorkTheDutiesOutAgain() {
		updateFacts(facts(LeakStatus.RULED_OUT, "ログで外部送信なしを確認"));
		this.incidents.changeCategories(this.id, version(), this.lead, Category.INFORMATION_LEAK,
				Set.of(Category.FRAUDULENT_TRANSFER, Category.STOLEN_DEVICE), LeakKind.UNAUTHORISED_ACCESS);
		assertThat(duty(this.reporting.caseFor(this.id, this.lead), DutyType.POLICE).getReasons())
			.contains("duty.reason.fraudulentTransfer", "duty.reason.theft");
		assertThat(this.incidents.findForPage(this.id, this.lead).verifyTimeline().intact()).isTrue();
	}

	@Test
	void aCountFirstRecordedOverOneThousandRunsFromDiscovery() {
		updateFacts(untickedImproperPurpose(LeakStatus.OCCURRED));
		addDataSet(set("会員名簿", null, 5_000));
		ReportingCase reportingCase = this.reporting.caseFor(this.id, this.lead);
		assertThat(reportingCase.getOverThousandSince()).isEqualTo(DISCOVERED);
		assertThat(duty(reportingCase, DutyType.PPC_PRELIMINARY).getClockFrom()).isEqualTo(DISCOVERED);
		assertThat(timeline()).noneMatch(e -> e.getKind() == TimelineEntry.Kind.THRESHOLD_PASSED);
	}

	@Test
	void aCorrectedDiscoveryMovesEveryDeadline() {
		updateFacts(facts(LeakStatus.OCCURRED, null));
		Instant earlier = DISCOVERED.minus(3, ChronoUnit.DAYS);
		Incident incident = this.incidents.find(this.id, this.lead);
		this.incidents.updateRecord(this.id, version(), this.lead, incident.getRecord(), null, earlier);
		assertThat(duty(this.reporting.caseFor(this.id, this.lead), DutyType.PPC_PRELIMINARY).getClockFrom())
			.isEqualTo(earlier);
		assertThat(due(DutyType.PPC_FINAL).deadline().lastDay()).isEqualTo(this.calendar.dayRolledForward(earlier, 60));
	}

	@Test
	void filingTheClientNoticeFreesTheClientsDataFromTheCompanysOwnReports() {
		updateFacts(facts(LeakStatus.OCCURRED, null));
		addDataSet(new DataSet.Details("委託元の顧客名簿", null, null, DataSet.Owner.CLIENT, false, true, false, 10, 10,
				false, null, null, false, false));
		ReportingCase before = this.reporting.caseFor(this.id, this.lead);
		assertThat(types(before)).contains(DutyType.CLIENT, DutyType.PPC_PRELIMINARY);
		file(duty(before, DutyType.CLIENT).getId(), filing(LocalDate.now(this.reporting.zone())));
		ReportingCase after = this.reporting.caseFor(this.id, this.lead);
		assertThat(after.getFacts().clientInformed()).isTrue();
		assertThat(types(after)).contains(DutyType.CLIENT).doesNotContain(DutyType.PPC_PRELIMINARY);
	}

	@Test
	void aLeakRuledOutWithAReasonLiftsThePersonalDataDuties() {
		assertThatThrownBy(() -> updateFacts(facts(LeakStatus.RULED_OUT, null)))
			.isInstanceOfSatisfying(BusinessRuleViolation.class,
					v -> assertThat(v.field()).isEqualTo("leakRuledOutReason"));
		updateFacts(facts(LeakStatus.RULED_OUT, "通信ログで外部への送信がないことを確認した"));
		ReportingCase ruledOut = this.reporting.caseFor(this.id, this.lead);
		assertThat(types(ruledOut)).containsExactlyInAnyOrder(DutyType.IPA, DutyType.POLICE);
		assertThat(ruledOut.lapsedDuties()).extracting(Duty::getType)
			.contains(DutyType.PPC_PRELIMINARY, DutyType.PPC_FINAL, DutyType.PERSON_NOTICE);
		assertThat(timeline()).filteredOn(e -> e.getKind() == TimelineEntry.Kind.FACT_TEXT_CHANGED)
			.anySatisfy(e -> {
				assertThat(e.getField()).isEqualTo("LEAK_RULED_OUT_REASON");
				assertThat(e.getAfter()).isEqualTo("通信ログで外部への送信がないことを確認した");
			});
	}

	@Test
	void badInputIsRefusedOnItsFieldAndChangesNothing() {
		long before = caseVersion();
		assertThatThrownBy(() -> updateFacts(untickedImproperPurpose(LeakStatus.OCCURRED).withoutReason()))
			.isInstanceOfSatisfying(BusinessRuleViolation.class,
					v -> assertThat(v.field()).isEqualTo("improperPurposeReason"));
		assertThatThrownBy(() -> addDataSet(set("顧客名簿", 10, 9))).isInstanceOfSatisfying(BusinessRuleViolation.class,
				v -> assertThat(v.field()).isEqualTo("maximumCount"));
		assertThatThrownBy(() -> addDataSet(new DataSet.Details("カード情報", null, null, DataSet.Owner.CUSTOMERS, false,
				true, false, 5, 5, true, "AES", DataSet.KeyState.SAFE, true, false)))
			.isInstanceOfSatisfying(BusinessRuleViolation.class, v -> assertThat(v.field()).isEqualTo("encrypted"));
		assertThat(caseVersion()).isEqualTo(before);
		assertThat(this.reporting.caseFor(this.id, this.lead).getDataSets()).isEmpty();
	}

	@Test
	void filingsAreCheckedAndTheNoticeNamesItsAlternativeMeasure() {
		updateFacts(facts(LeakStatus.OCCURRED, null));
		ReportingCase reportingCase = this.reporting.caseFor(this.id, this.lead);
		long preliminary = duty(reportingCase, DutyType.PPC_PRELIMINARY).getId();
		long notice = duty(reportingCase, DutyType.PERSON_NOTICE).getId();
		LocalDate discovered = LocalDate.ofInstant(DISCOVERED, this.reporting.zone());
		assertThatThrownBy(() -> file(preliminary, filing(discovered.minusDays(1))))
			.hasMessage("duty.filedBeforeDiscovery");
		assertThatThrownBy(() -> file(preliminary, filing(LocalDate.now(this.reporting.zone()).plusDays(1))))
			.hasMessage("duty.filedInFuture");
		assertThatThrownBy(() -> this.reporting.file(this.id, caseVersion(), this.executive, preliminary,
				filing(discovered))).hasMessage("duty.leadOnly");
		assertThatThrownBy(() -> file(notice, filing(discovered))).hasMessage("duty.noticeOutcomeRequired");
		assertThatThrownBy(() -> file(notice, new ReportingCase.Filing(discovered, null, null,
				Duty.NoticeOutcome.ALTERNATIVE_ONLY, Duty.AlternativeMeasure.INQUIRY_DESK)))
			.hasMessage("duty.alternativeNotInPlace.INQUIRY_DESK");
		assertThat(duty(this.reporting.caseFor(this.id, this.lead), DutyType.PERSON_NOTICE).getState())
			.isEqualTo(Duty.State.TO_DO);

		this.reporting.updateInquiryDesk(this.id, caseVersion(), this.lead, discovered, "0120-000-000", 0);
		file(notice, new ReportingCase.Filing(discovered, null, null, Duty.NoticeOutcome.PARTLY_WITH_ALTERNATIVE,
				Duty.AlternativeMeasure.INQUIRY_DESK));
		Duty filed = duty(this.reporting.caseFor(this.id, this.lead), DutyType.PERSON_NOTICE);
		assertThat(filed.getState()).isEqualTo(Duty.State.FILED);
		assertThat(filed.getAlternativeMeasure()).isEqualTo(Duty.AlternativeMeasure.INQUIRY_DESK);
	}

	@Test
	void leavingStepTwoNeedsEveryDutyDecidedAndClosingNeedsThemFiledOrWaived() {
		updateFacts(facts(LeakStatus.OCCURRED, null));
		addDataSet(set("顧客名簿", 10, 10));
		walkToDisclosure();
		assertThatThrownBy(() -> this.incidents.startRecovery(this.id, version(), this.lead))
			.isInstanceOf(TransitionRefused.class)
			.satisfies(ex -> assertThat(((TransitionRefused) ex).unmet()).anySatisfy(unmet -> {
				assertThat(unmet.code()).isEqualTo("duty.guard.undecided");
				assertThat(unmet.items()).hasSize(5);
			}));

		ReportingCase reportingCase = this.reporting.caseFor(this.id, this.lead);
		LocalDate today = LocalDate.now(this.reporting.zone());
		file(duty(reportingCase, DutyType.PPC_PRELIMINARY).getId(), filing(today));
		this.reporting.markNotYetDue(this.id, caseVersion(), this.lead, duty(reportingCase, DutyType.PPC_FINAL).getId());
		this.reporting.waive(this.id, caseVersion(), this.lead, duty(reportingCase, DutyType.PERSON_NOTICE).getId(),
				"連絡先が不明なため、公表と問い合わせ窓口で代替する");
		file(duty(reportingCase, DutyType.IPA).getId(), filing(today));
		file(duty(reportingCase, DutyType.POLICE).getId(), filing(today));
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

	/** Facts as the category suggests them (improper purpose, crime), with the leak as given. */
	private static Facts facts(LeakStatus leak, String ruledOutReason) {
		return new Facts(leak, ruledOutReason, true, null, true, true, false, false, false, false, false, false, null,
				null, null, null, null);
	}

	private static FactsWithReason untickedImproperPurpose(LeakStatus leak) {
		return new FactsWithReason(leak);
	}

	/** The improper purpose unticked, with the reason the category requires — or without it. */
	private record FactsWithReason(LeakStatus leak) {

		Facts withoutReason() {
			return new Facts(this.leak, null, false, null, true, false, false, false, false, false, false, false,
					null, null, null, null, null);
		}

	}

	private void updateFacts(FactsWithReason facts) {
		updateFacts(new Facts(facts.leak(), null, false, "社内の設定ミスによる公開で、不正の目的はない", true, false, false, false, false,
				false, false, false, null, null, null, null, null));
	}

	private static DataSet.Details set(String name, Integer confirmed, Integer maximum) {
		return new DataSet.Details(name, "氏名、住所", "顧客管理サーバ", DataSet.Owner.CUSTOMERS, false, false, false,
				confirmed, maximum, false, null, null, false, false);
	}

	private static ReportingCase.Filing filing(LocalDate on) {
		return new ReportingCase.Filing(on, null, null, null, null);
	}

	private void file(long dutyId, ReportingCase.Filing filing) {
		this.reporting.file(this.id, caseVersion(), this.lead, dutyId, filing);
	}

	private void updateFacts(Facts facts) {
		this.reporting.updateFacts(this.id, caseVersion(), this.lead, facts, null, null);
	}

	private void addDataSet(DataSet.Details details) {
		this.reporting.addDataSet(this.id, caseVersion(), this.lead, details);
	}

	private void changeDataSet(long dataSetId, DataSet.Details details) {
		this.reporting.changeDataSet(this.id, caseVersion(), this.lead, dataSetId, details);
	}

	private DueDuty due(DutyType type) {
		Incident incident = this.incidents.find(this.id, this.lead);
		return this.reporting.dutiesOf(this.reporting.caseFor(this.id, this.lead), incident)
			.stream()
			.filter(d -> d.duty().getType() == type)
			.findFirst()
			.orElseThrow();
	}

	private List<TimelineEntry> timeline() {
		return this.incidents.findForPage(this.id, this.lead).getTimeline();
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
