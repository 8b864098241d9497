package jp.hikeshi.reporting;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.incident.Category;
import jp.hikeshi.incident.HistoryEvent;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.incident.LeakKind;
import jp.hikeshi.incident.Severity;
import jp.hikeshi.incident.TimelineEntry;
import jp.hikeshi.incident.TimelineEntry.Kind;
import jp.hikeshi.shared.BusinessRuleViolation;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Everything done in step 2 reaches the incident's timeline: each action publishes its event
 * once, the line holds raw values (enum names, ISO dates, numbers), and an action refused
 * publishes nothing and writes no line.
 */
@IntegrationTest
@RecordApplicationEvents
@EnableScenarios
class ReportingHistoryTest {

	private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

	private static final String NOT_IMPROPER = "社内の設定ミスによる公開で、不正の目的はない";

	@Autowired
	ReportingService reporting;

	@Autowired
	IncidentService incidents;

	@Autowired
	TestUsers users;

	@Autowired
	ApplicationEvents events;

	Actor lead;

	Actor executive;

	long id;

	LocalDate discovered;

	/**
	 * Escalated as a leak by unauthorised access: the category suggests an improper purpose and
	 * a crime; the leak is not assessed yet, so the PPC's reports and the notice are 要判断.
	 */
	@BeforeEach
	void anEscalatedLeakByUnauthorisedAccess() {
		this.lead = new Actor(this.users.create(Role.SECURITY_LEAD).getUsername(), Set.of(Role.SECURITY_LEAD));
		this.executive = new Actor(this.users.create(Role.EXECUTIVE).getUsername(), Set.of(Role.EXECUTIVE));
		Actor staff = new Actor(this.users.create(Role.REPORTER).getUsername(), Set.of(Role.REPORTER));
		Incident incident = this.incidents.report(new Incident.Report("会員情報の漏えい", "会員サイトへの不正アクセス", null,
				"会員サイト", null, null, null), staff);
		this.id = incident.getId();
		this.incidents.take(this.id, 0, this.lead);
		this.incidents.escalate(this.id, this.incidents.find(this.id, this.lead).getVersion(), this.lead,
				Category.INFORMATION_LEAK, LeakKind.UNAUTHORISED_ACCESS, Severity.HIGH, null);
		this.discovered = LocalDate.ofInstant(incident.getDiscoveredAt(), TOKYO);
		// the category already tells: unauthorised access, a crime, possibly an improper purpose
		ReportingCase opened = this.reporting.caseFor(this.id, this.lead);
		assertThat(opened.getFacts()).isEqualTo(facts(LeakStatus.UNASSESSED, null, true, null));
		assertThat(opened.applicableDuties()).filteredOn(Duty::isProvisional)
			.extracting(Duty::getType, Duty::getReasons)
			.containsExactly(tuple(DutyType.PPC_PRELIMINARY, List.of("duty.reason.leakUnassessed")),
					tuple(DutyType.PPC_FINAL, List.of("duty.reason.leakUnassessed", "duty.reason.final60")),
					tuple(DutyType.PERSON_NOTICE, List.of("duty.reason.leakUnassessed", "duty.reason.personNotice")));
		this.events.clear();
	}

	/** A leak found to have occurred: a line per changed fact, then the duties firm and no longer 要判断. */
	@Test
	void eachChangedFactIsALineWithItsRawValuesAndTheDutiesWorkedOutAgainAnother() {
		int before = timelineLength();
		Facts occurred = new Facts(LeakStatus.OCCURRED, null, true, null, true, true, false, false, false, false, false,
				false, null, GdprRisk.UNASSESSED, GdprExemption.NONE, "VPN機器の脆弱性", CausedBy.THIRD_PARTY);
		this.reporting.updateFacts(this.id, caseVersion(), this.lead, occurred, "フィッシングメールの送付");

		assertThat(this.events.stream(ReportingEvents.FactChanged.class))
			.extracting(ReportingEvents.FactChanged::fact, ReportingEvents.FactChanged::before,
					ReportingEvents.FactChanged::after)
			.containsExactly(tuple(Fact.LEAK, LeakStatus.UNASSESSED, LeakStatus.OCCURRED),
					tuple(Fact.CAUSE, null, "VPN機器の脆弱性"),
					tuple(Fact.CAUSED_BY, CausedBy.UNKNOWN, CausedBy.THIRD_PARTY),
					tuple(Fact.SECONDARY_DAMAGE, null, "フィッシングメールの送付"));
		assertThat(this.events.stream(ReportingEvents.DutiesRecalculated.class)).singleElement()
			.satisfies(event -> assertThat(event.after()).contains(DutyType.PPC_PRELIMINARY, DutyType.PPC_FINAL,
					DutyType.PERSON_NOTICE));
		assertThat(this.events.stream(ReportingEvents.DutiesProvisional.class)).singleElement()
			.satisfies(event -> assertThat(event.after()).containsExactlyInAnyOrder(DutyType.MYNUMBER_PRELIMINARY,
					DutyType.MYNUMBER_FINAL));
		assertThat(linesSince(before)).extracting(TimelineEntry::getKind, TimelineEntry::getField,
				TimelineEntry::getBefore, TimelineEntry::getAfter, TimelineEntry::getActor)
			.containsExactly(tuple(Kind.FACT_LEAK_CHANGED, "LEAK", "UNASSESSED", "OCCURRED", this.lead.username()),
					tuple(Kind.FACT_TEXT_CHANGED, "CAUSE", null, "VPN機器の脆弱性", this.lead.username()),
					tuple(Kind.FACT_CAUSED_BY_CHANGED, "CAUSED_BY", "UNKNOWN", "THIRD_PARTY", this.lead.username()),
					tuple(Kind.FACT_TEXT_CHANGED, "SECONDARY_DAMAGE", null, "フィッシングメールの送付",
							this.lead.username()),
					tuple(Kind.DUTIES_RECALCULATED, null, "IPA, POLICE",
							"IPA, PERSON_NOTICE, POLICE, PPC_FINAL, PPC_PRELIMINARY", this.lead.username()),
					// nothing listed yet: マイナンバー may be among it
					tuple(Kind.DUTIES_PROVISIONAL, null, "PERSON_NOTICE, PPC_FINAL, PPC_PRELIMINARY",
							"MYNUMBER_FINAL, MYNUMBER_PRELIMINARY", this.lead.username()));

		// the same facts again: nothing changed, nothing written
		this.events.clear();
		int unchanged = timelineLength();
		this.reporting.updateFacts(this.id, caseVersion(), this.lead, occurred, "フィッシングメールの送付");
		assertThat(this.events.stream(HistoryEvent.class)).isEmpty();
		assertThat(timelineLength()).isEqualTo(unchanged);
		assertThat(this.incidents.verifyTimeline(this.id, this.lead).intact()).isTrue();
	}

	/** A おそれ ruled out: the reason is on the timeline, and the 要判断 duties lapse without a firm duty changing. */
	@Test
	void aLeakRuledOutIsALineWithItsReason() {
		int before = timelineLength();
		this.reporting.updateFacts(this.id, caseVersion(), this.lead,
				facts(LeakStatus.RULED_OUT, "通信ログで外部への送信がないことを確認した", true, null), null);

		assertThat(this.events.stream(ReportingEvents.DutiesRecalculated.class)).as("IPA and the police stay")
			.isEmpty();
		assertThat(linesSince(before)).extracting(TimelineEntry::getKind, TimelineEntry::getField,
				TimelineEntry::getBefore, TimelineEntry::getAfter)
			.containsExactly(tuple(Kind.FACT_LEAK_CHANGED, "LEAK", "UNASSESSED", "RULED_OUT"),
					tuple(Kind.FACT_TEXT_CHANGED, "LEAK_RULED_OUT_REASON", null, "通信ログで外部への送信がないことを確認した"),
					tuple(Kind.DUTIES_PROVISIONAL, null, "PERSON_NOTICE, PPC_FINAL, PPC_PRELIMINARY", ""));
		assertThat(this.reporting.caseFor(this.id, this.lead).lapsedDuties()).extracting(Duty::getType)
			.containsExactlyInAnyOrder(DutyType.PPC_PRELIMINARY, DutyType.PPC_FINAL, DutyType.PERSON_NOTICE);
	}

	/**
	 * A data set added, changed past 1,000 people and removed: a line each, with its description
	 * and the most people it may concern, the threshold passed, and the duties each time they move.
	 */
	@Test
	void aDataSetAddedChangedAndRemovedIsALineEachWithTheThresholdAndTheDuties() {
		this.reporting.updateFacts(this.id, caseVersion(), this.lead,
				facts(LeakStatus.OCCURRED, null, false, NOT_IMPROPER), null);
		this.events.clear();
		int before = timelineLength();

		this.reporting.addDataSet(this.id, caseVersion(), this.lead, customers(" 顧客名簿 ", 800, 900));
		assertThat(this.events.stream(ReportingEvents.DataSetAdded.class)).singleElement()
			.isEqualTo(new ReportingEvents.DataSetAdded(this.id, this.lead.username(), "顧客名簿", 900));
		long dataSet = this.reporting.caseFor(this.id, this.lead).getDataSets().get(0).getId();
		this.reporting.changeDataSet(this.id, caseVersion(), this.lead, dataSet, customers("顧客名簿", 800, 1_001));
		assertThat(this.events.stream(ReportingEvents.ThresholdPassed.class)).singleElement()
			.isEqualTo(new ReportingEvents.ThresholdPassed(this.id, this.lead.username(),
					ReportingCase.Threshold.PPC_THOUSAND, 1_001));
		this.reporting.removeDataSet(this.id, caseVersion(), this.lead, dataSet);
		assertThat(this.events.stream(ReportingEvents.DataSetRemoved.class)).singleElement()
			.isEqualTo(new ReportingEvents.DataSetRemoved(this.id, this.lead.username(), "顧客名簿"));

		String firm = "IPA, POLICE";
		String owed = "IPA, PERSON_NOTICE, POLICE, PPC_FINAL, PPC_PRELIMINARY";
		// with nothing listed, マイナンバー may be among what leaked: the 番号法 reports are to be decided too
		String toDecide = "MYNUMBER_FINAL, MYNUMBER_PRELIMINARY, PERSON_NOTICE, PPC_FINAL, PPC_PRELIMINARY";
		assertThat(linesSince(before)).extracting(TimelineEntry::getKind, TimelineEntry::getField,
				TimelineEntry::getBefore, TimelineEntry::getAfter, TimelineEntry::getActor)
			.containsExactly(
					// 900 people, nothing sensitive, no improper purpose: nothing to report to the PPC
					tuple(Kind.DATA_SET_ADDED, "顧客名簿", null, "900", this.lead.username()),
					tuple(Kind.DUTIES_PROVISIONAL, null, toDecide, "", this.lead.username()),
					// 1,001: the count's ground applies from now
					tuple(Kind.DATA_SET_CHANGED, "顧客名簿", null, "1001", this.lead.username()),
					tuple(Kind.THRESHOLD_PASSED, "PPC_THOUSAND", null, "1001", this.lead.username()),
					tuple(Kind.DUTIES_RECALCULATED, null, firm, owed, this.lead.username()),
					// nothing listed any more: what leaked is not known, the duties are 要判断 again
					tuple(Kind.DATA_SET_REMOVED, "顧客名簿", null, null, this.lead.username()),
					tuple(Kind.DUTIES_RECALCULATED, null, owed, firm, this.lead.username()),
					tuple(Kind.DUTIES_PROVISIONAL, null, "", toDecide, this.lead.username()));
		assertThat(this.incidents.verifyTimeline(this.id, this.lead).intact()).isTrue();
	}

	@Test
	void filingWaivingNotYetDueAndReopeningAreLines() {
		owesThePpcReports();
		int before = timelineLength();

		this.reporting.file(this.id, caseVersion(), this.lead, duty(DutyType.PPC_PRELIMINARY),
				filing(this.discovered, "PPC-2026-0001"));
		assertThat(this.events.stream(ReportingEvents.DutyFiled.class)).singleElement()
			.isEqualTo(new ReportingEvents.DutyFiled(this.id, this.lead.username(), DutyType.PPC_PRELIMINARY,
					this.discovered, "PPC-2026-0001"));
		this.reporting.waive(this.id, caseVersion(), this.lead, duty(DutyType.PERSON_NOTICE), "連絡先が不明なため公表で代替する");
		assertThat(this.events.stream(ReportingEvents.DutyWaived.class)).singleElement()
			.extracting(ReportingEvents.DutyWaived::reason)
			.isEqualTo("連絡先が不明なため公表で代替する");
		this.reporting.markNotYetDue(this.id, caseVersion(), this.lead, duty(DutyType.PPC_FINAL));
		assertThat(this.events.stream(ReportingEvents.DutyMarkedNotYetDue.class)).singleElement()
			.extracting(ReportingEvents.DutyMarkedNotYetDue::duty)
			.isEqualTo(DutyType.PPC_FINAL);
		this.reporting.reopen(this.id, caseVersion(), this.lead, duty(DutyType.PPC_FINAL));
		assertThat(this.events.stream(ReportingEvents.DutyReopened.class)).singleElement()
			.extracting(ReportingEvents.DutyReopened::duty)
			.isEqualTo(DutyType.PPC_FINAL);

		assertThat(linesSince(before)).extracting(TimelineEntry::getKind, TimelineEntry::getField,
				TimelineEntry::getAfter, TimelineEntry::getNote)
			.containsExactly(tuple(Kind.DUTY_FILED, "PPC_PRELIMINARY", this.discovered.toString(), "PPC-2026-0001"),
					tuple(Kind.DUTY_WAIVED, "PERSON_NOTICE", null, "連絡先が不明なため公表で代替する"),
					tuple(Kind.DUTY_NOT_YET_DUE, "PPC_FINAL", null, null),
					tuple(Kind.DUTY_REOPENED, "PPC_FINAL", null, null));
	}

	@Test
	void anAnnouncementIsALineWhenDraftedApprovedAndPublished() {
		int before = timelineLength();
		this.reporting.draftAnnouncement(this.id, caseVersion(), this.lead, Announcement.Kind.FIRST,
				"\n【第一報】会員情報の漏えいについて\n\n当社の会員サイトにおいて…");
		long announcement = this.reporting.caseFor(this.id, this.lead).getAnnouncements().get(0).getId();
		this.reporting.approveAnnouncement(this.id, caseVersion(), this.executive, announcement);
		this.reporting.publishAnnouncement(this.id, caseVersion(), this.lead, announcement, this.discovered);

		String title = "【第一報】会員情報の漏えいについて";
		assertThat(this.events.stream(ReportingEvents.AnnouncementDrafted.class)).singleElement()
			.isEqualTo(new ReportingEvents.AnnouncementDrafted(this.id, this.lead.username(), Announcement.Kind.FIRST,
					title));
		assertThat(this.events.stream(ReportingEvents.AnnouncementApproved.class)).singleElement()
			.isEqualTo(new ReportingEvents.AnnouncementApproved(this.id, this.executive.username(),
					Announcement.Kind.FIRST, title));
		assertThat(this.events.stream(ReportingEvents.AnnouncementPublished.class)).singleElement()
			.isEqualTo(new ReportingEvents.AnnouncementPublished(this.id, this.lead.username(),
					Announcement.Kind.FIRST, title, this.discovered));
		assertThat(linesSince(before)).extracting(TimelineEntry::getKind, TimelineEntry::getField,
				TimelineEntry::getBefore, TimelineEntry::getAfter, TimelineEntry::getActor)
			.containsExactly(tuple(Kind.ANNOUNCEMENT_DRAFTED, "FIRST", null, title, this.lead.username()),
					tuple(Kind.ANNOUNCEMENT_APPROVED, "FIRST", null, title, this.executive.username()),
					tuple(Kind.ANNOUNCEMENT_PUBLISHED, "FIRST", this.discovered.toString(), title,
							this.lead.username()));
	}

	@Test
	void theInquiryDeskIsALineWhenItChanges() {
		int before = timelineLength();
		this.reporting.updateInquiryDesk(this.id, caseVersion(), this.lead, this.discovered, "0120-000-000（平日9〜17時）",
				12);
		assertThat(this.events.stream(ReportingEvents.InquiryDeskChanged.class)).singleElement()
			.isEqualTo(new ReportingEvents.InquiryDeskChanged(this.id, this.lead.username(), this.discovered,
					"0120-000-000（平日9〜17時）", 12));
		assertThat(linesSince(before)).extracting(TimelineEntry::getKind, TimelineEntry::getField,
				TimelineEntry::getBefore, TimelineEntry::getAfter)
			.containsExactly(tuple(Kind.INQUIRY_DESK_CHANGED, "12", this.discovered.toString(),
					"0120-000-000（平日9〜17時）"));

		this.events.clear();
		this.reporting.updateInquiryDesk(this.id, caseVersion(), this.lead, this.discovered, "0120-000-000（平日9〜17時）",
				12);
		assertThat(this.events.stream(HistoryEvent.class)).isEmpty();
		assertThat(timelineLength()).isEqualTo(before + 1);
	}

	@Test
	void aScenarioSeesTheFiledDutyArriveAndItsLineOnTheTimeline(Scenario scenario) {
		owesThePpcReports();
		long preliminary = duty(DutyType.PPC_PRELIMINARY);
		int before = timelineLength();

		scenario.stimulate(() -> this.reporting.file(this.id, caseVersion(), this.lead, preliminary,
				filing(this.discovered, "PPC-2026-0042")))
			.andWaitForEventOfType(ReportingEvents.DutyFiled.class)
			.matching(event -> event.incidentId() == this.id && event.duty() == DutyType.PPC_PRELIMINARY
					&& "PPC-2026-0042".equals(event.reference()))
			.toArriveAndVerify(event -> {
				assertThat(event).isEqualTo(new ReportingEvents.DutyFiled(this.id, this.lead.username(),
						DutyType.PPC_PRELIMINARY, this.discovered, "PPC-2026-0042"));
				assertThat(linesSince(before)).extracting(TimelineEntry::getKind, TimelineEntry::getActor,
						TimelineEntry::getField, TimelineEntry::getAfter, TimelineEntry::getNote)
					.containsExactly(tuple(Kind.DUTY_FILED, this.lead.username(), "PPC_PRELIMINARY",
							this.discovered.toString(), "PPC-2026-0042"));
			});
	}

	@Test
	void aRefusedActionPublishesNothingAndWritesNoLine() {
		owesThePpcReports();
		this.reporting.addDataSet(this.id, caseVersion(), this.lead, customers("顧客名簿", 10, 20));
		this.reporting.draftAnnouncement(this.id, caseVersion(), this.lead, Announcement.Kind.FIRST, "【第一報】お知らせ");
		ReportingCase reportingCase = this.reporting.caseFor(this.id, this.lead);
		long announcement = reportingCase.getAnnouncements().get(0).getId();
		long dataSet = reportingCase.getDataSets().get(0).getId();
		long preliminary = duty(DutyType.PPC_PRELIMINARY);
		long notice = duty(DutyType.PERSON_NOTICE);
		long stale = caseVersion() - 1;
		this.events.clear();
		int before = timelineLength();

		// the facts
		refused(() -> this.reporting.updateFacts(this.id, caseVersion(), this.lead,
				facts(LeakStatus.RULED_OUT, " ", true, null), null), "facts.ruledOutReasonRequired");
		refused(() -> this.reporting.updateFacts(this.id, caseVersion(), this.lead,
				facts(LeakStatus.OCCURRED, null, false, null), null), "facts.improperPurposeReasonRequired");
		refused(() -> this.reporting.updateFacts(this.id, caseVersion(), this.lead,
				new Facts(LeakStatus.OCCURRED, null, true, null, true, true, false, false, true, false, false, false,
						null, null, null, null, null), null), "facts.gdprMemberStatesRequired");
		refused(() -> this.reporting.updateFacts(this.id, caseVersion(), this.executive,
				facts(LeakStatus.FEARED, null, true, null), null), "duty.leadOnly");
		// the data sets
		refused(() -> this.reporting.addDataSet(this.id, caseVersion(), this.lead, customers("顧客名簿", 1_200, 1_000)),
				"dataSet.maximumBelowConfirmed");
		refused(() -> this.reporting.addDataSet(this.id, caseVersion(), this.lead, new DataSet.Details("カード情報",
				null, null, DataSet.Owner.CUSTOMERS, false, true, false, 5, 5, true, "AES-256",
				DataSet.KeyState.SAFE, true, false)), "dataSet.encryptedButCapturedInClear");
		refused(() -> this.reporting.addDataSet(this.id, caseVersion(), this.lead, customers(" ", 1, 1)),
				"dataSet.descriptionRequired");
		refused(() -> this.reporting.addDataSet(this.id, caseVersion(), this.executive, customers("顧客名簿", 1, 1)),
				"duty.leadOnly");
		refused(() -> this.reporting.changeDataSet(this.id, caseVersion(), this.lead, dataSet,
				customers("顧客名簿", 30, 20)), "dataSet.maximumBelowConfirmed");
		refused(() -> this.reporting.changeDataSet(this.id, caseVersion(), this.lead, Long.MAX_VALUE,
				customers("顧客名簿", 1, 1)), "dataSet.unknown");
		refused(() -> this.reporting.removeDataSet(this.id, caseVersion(), this.lead, Long.MAX_VALUE),
				"dataSet.unknown");
		refused(() -> this.reporting.removeDataSet(this.id, caseVersion(), this.executive, dataSet), "duty.leadOnly");
		// the duties
		refused(() -> this.reporting.file(this.id, caseVersion(), this.lead, preliminary,
				filing(LocalDate.now(TOKYO).plusDays(1), "A-1")), "duty.filedInFuture");
		refused(() -> this.reporting.file(this.id, caseVersion(), this.lead, preliminary,
				filing(this.discovered.minusDays(1), "A-1")), "duty.filedBeforeDiscovery");
		refused(() -> this.reporting.file(this.id, caseVersion(), this.executive, preliminary,
				filing(this.discovered, "A-1")), "duty.leadOnly");
		refused(() -> this.reporting.file(this.id, caseVersion(), this.lead, notice, filing(this.discovered, null)),
				"duty.noticeOutcomeRequired");
		refused(() -> this.reporting.file(this.id, caseVersion(), this.lead, notice,
				new ReportingCase.Filing(this.discovered, null, null, Duty.NoticeOutcome.PARTLY_WITH_ALTERNATIVE,
						null)), "duty.alternativeRequired");
		refused(() -> this.reporting.file(this.id, caseVersion(), this.lead, notice,
				new ReportingCase.Filing(this.discovered, null, null, Duty.NoticeOutcome.ALTERNATIVE_ONLY,
						Duty.AlternativeMeasure.ANNOUNCEMENT)), "duty.alternativeNotInPlace.ANNOUNCEMENT");
		refused(() -> this.reporting.waive(this.id, caseVersion(), this.lead, preliminary, " "),
				"duty.waiverReasonRequired");
		refused(() -> this.reporting.markNotYetDue(this.id, caseVersion(), this.lead, preliminary),
				"duty.notYetDueOnlyForFinal");
		refused(() -> this.reporting.reopen(this.id, caseVersion(), this.lead, preliminary), "duty.notDecided");
		// the announcements and the inquiry desk
		refused(() -> this.reporting.draftAnnouncement(this.id, caseVersion(), this.lead, Announcement.Kind.FINAL, " "),
				"announcement.draftRequired");
		refused(() -> this.reporting.approveAnnouncement(this.id, caseVersion(), this.lead, announcement),
				"announcement.executiveOnly");
		refused(() -> this.reporting.publishAnnouncement(this.id, caseVersion(), this.lead, announcement,
				this.discovered), "announcement.notApproved");
		refused(() -> this.reporting.updateInquiryDesk(this.id, caseVersion(), this.lead, null, null, -1),
				"inquiryDesk.negative");
		// a page left open meanwhile
		assertThatThrownBy(() -> this.reporting.file(this.id, stale, this.lead, preliminary,
				filing(this.discovered, "A-1")))
			.isInstanceOf(ObjectOptimisticLockingFailureException.class);
		assertThatThrownBy(() -> this.reporting.addDataSet(this.id, stale, this.lead, customers("給与台帳", 1, 1)))
			.isInstanceOf(ObjectOptimisticLockingFailureException.class);
		assertThatThrownBy(() -> this.reporting.updateFacts(this.id, stale, this.lead,
				facts(LeakStatus.FEARED, null, true, null), null))
			.isInstanceOf(ObjectOptimisticLockingFailureException.class);

		assertThat(this.events.stream(HistoryEvent.class)).isEmpty();
		assertThat(timelineLength()).isEqualTo(before);
		ReportingCase after = this.reporting.caseFor(this.id, this.lead);
		assertThat(after.getFacts()).isEqualTo(reportingCase.getFacts());
		assertThat(after.getDataSets()).singleElement().satisfies(set -> {
			assertThat(set.getConfirmedCount()).isEqualTo(10);
			assertThat(set.getMaximumCount()).isEqualTo(20);
		});
		assertThat(after.applicableDuties()).allSatisfy(d -> assertThat(d.getState()).isEqualTo(Duty.State.TO_DO));
	}

	@Test
	void aSecondClickOnTheSamePageIsRefusedAsChangedMeanwhile() {
		owesThePpcReports();
		long version = caseVersion();
		this.reporting.file(this.id, version, this.lead, duty(DutyType.PPC_PRELIMINARY), filing(this.discovered, "A-1"));
		this.events.clear();

		assertThatThrownBy(() -> this.reporting.file(this.id, version, this.lead, duty(DutyType.PPC_PRELIMINARY),
				filing(this.discovered, "A-1")))
			.isInstanceOf(ObjectOptimisticLockingFailureException.class);
		assertThatThrownBy(() -> this.reporting.addDataSet(this.id, version, this.lead, customers("顧客名簿", 1, 1)))
			.isInstanceOf(ObjectOptimisticLockingFailureException.class);
		assertThat(this.events.stream(HistoryEvent.class)).isEmpty();
		assertThat(this.reporting.caseFor(this.id, this.lead).getDataSets()).isEmpty();
	}

	@Test
	void everyFactAndEveryKindOfStepTwoReadsInBothLanguages() throws IOException {
		Set<Kind> stepTwo = EnumSet.of(Kind.DUTIES_RECALCULATED, Kind.DUTIES_PROVISIONAL, Kind.THRESHOLD_PASSED,
				Kind.DATA_SET_ADDED, Kind.DATA_SET_CHANGED, Kind.DATA_SET_REMOVED);
		for (String bundle : List.of("messages.properties", "messages_ja.properties")) {
			Properties messages = load(bundle);
			Stream.of(Fact.values())
				.forEach(fact -> assertThat(messages.getProperty("Fact." + fact.name())).as(bundle + " Fact." + fact)
					.isNotBlank());
			Stream.concat(Stream.of(Fact.values()).map(Fact::kind), stepTwo.stream())
				.distinct()
				.forEach(kind -> assertThat(messages.getProperty("timeline." + kind.name())).as(bundle + " " + kind)
					.isNotBlank());
			Stream.of(ReportingCase.Threshold.values())
				.forEach(threshold -> assertThat(messages.getProperty("Threshold." + threshold.name()))
					.as(bundle + " Threshold." + threshold)
					.isNotBlank());
			Stream.of(LeakStatus.values())
				.forEach(status -> assertThat(messages.getProperty("LeakStatus." + status.name()))
					.as(bundle + " LeakStatus." + status)
					.isNotBlank());
		}
	}

	/** A leak that occurred with a possible improper purpose: the PPC's reports and the notice are owed. */
	private void owesThePpcReports() {
		this.reporting.updateFacts(this.id, caseVersion(), this.lead, facts(LeakStatus.OCCURRED, null, true, null),
				null);
		assertThat(this.reporting.caseFor(this.id, this.lead).applicableDuties())
			.filteredOn(d -> d.getType().name().startsWith("PPC_") || d.getType() == DutyType.PERSON_NOTICE)
			.noneMatch(Duty::isProvisional);
		this.events.clear();
	}

	/** Facts as the category suggests them (unauthorised access, a crime), with the leak and improper purpose as given. */
	private static Facts facts(LeakStatus leak, String ruledOutReason, boolean improperPurpose,
			String improperPurposeReason) {
		return new Facts(leak, ruledOutReason, improperPurpose, improperPurposeReason, true, true, false, false, false,
				false, false, false, null, null, null, null, null);
	}

	private static DataSet.Details customers(String description, Integer confirmed, Integer maximum) {
		return new DataSet.Details(description, "氏名、メールアドレス", "会員データベース", DataSet.Owner.CUSTOMERS, false, false,
				false, confirmed, maximum, false, null, null, false, false);
	}

	private static ReportingCase.Filing filing(LocalDate on, String reference) {
		return new ReportingCase.Filing(on, reference, null, null, null);
	}

	private void refused(Executable action, String code) {
		assertThatThrownBy(action::execute).isInstanceOf(BusinessRuleViolation.class).hasMessage(code);
	}

	private List<TimelineEntry> linesSince(int length) {
		return this.incidents.findForPage(this.id, this.lead)
			.getTimeline()
			.stream()
			.filter(entry -> entry.getSequence() > length)
			.sorted(Comparator.comparingInt(TimelineEntry::getSequence))
			.toList();
	}

	private int timelineLength() {
		return this.incidents.findForPage(this.id, this.lead).getTimeline().size();
	}

	private long caseVersion() {
		return this.reporting.caseFor(this.id, this.lead).getVersion();
	}

	private long duty(DutyType type) {
		return this.reporting.caseFor(this.id, this.lead)
			.applicableDuties()
			.stream()
			.filter(d -> d.getType() == type)
			.findFirst()
			.orElseThrow()
			.getId();
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = ReportingHistoryTest.class.getResourceAsStream("/" + name)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
