package jp.hikeshi.reporting;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
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
		assertThat(this.reporting.caseFor(this.id, this.lead).getFacts())
			.isEqualTo(new Facts(Answer.UNKNOWN, null, false, false, false, true, true, true, false, false, false));
		this.events.clear();
	}

	@Test
	void eachChangedFactIsALineWithItsRawValuesAndTheDutiesWorkedOutAgainAnother() {
		int before = timelineLength();
		this.reporting.updateFacts(this.id, caseVersion(), this.lead,
				new Facts(Answer.YES, 1_200, false, true, false, true, true, true, false, false, false), "氏名、カード番号",
				" ");

		assertThat(this.events.stream(ReportingEvents.FactChanged.class))
			.extracting(ReportingEvents.FactChanged::fact, ReportingEvents.FactChanged::before,
					ReportingEvents.FactChanged::after)
			.containsExactly(tuple(Fact.PERSONAL_DATA, Answer.UNKNOWN, Answer.YES), tuple(Fact.PEOPLE_COUNT, null, 1_200),
					tuple(Fact.FINANCIAL_DATA, false, true), tuple(Fact.DATA_ITEMS, null, "氏名、カード番号"));
		assertThat(this.events.stream(ReportingEvents.DutiesRecalculated.class)).singleElement()
			.satisfies(event -> assertThat(event.after()).contains(DutyType.PPC_PRELIMINARY, DutyType.PPC_FINAL));
		assertThat(linesSince(before)).extracting(TimelineEntry::getKind, TimelineEntry::getField,
				TimelineEntry::getBefore, TimelineEntry::getAfter, TimelineEntry::getActor)
			.containsExactly(tuple(Kind.FACT_CHANGED, "PERSONAL_DATA", "UNKNOWN", "YES", this.lead.username()),
					tuple(Kind.FACT_COUNT_CHANGED, "PEOPLE_COUNT", null, "1200", this.lead.username()),
					tuple(Kind.FACT_FLAG_CHANGED, "FINANCIAL_DATA", "false", "true", this.lead.username()),
					tuple(Kind.FACT_TEXT_CHANGED, "DATA_ITEMS", null, "氏名、カード番号", this.lead.username()),
					tuple(Kind.DUTIES_RECALCULATED, null, "IPA, POLICE",
							"IPA, PERSON_NOTICE, POLICE, PPC_FINAL, PPC_PRELIMINARY", this.lead.username()));

		// the same facts again: nothing changed, nothing written
		this.events.clear();
		int unchanged = timelineLength();
		this.reporting.updateFacts(this.id, caseVersion(), this.lead,
				new Facts(Answer.YES, 1_200, false, true, false, true, true, true, false, false, false), "氏名、カード番号",
				null);
		assertThat(this.events.stream(HistoryEvent.class)).isEmpty();
		assertThat(timelineLength()).isEqualTo(unchanged);
		assertThat(this.incidents.verifyTimeline(this.id, this.lead).intact()).isTrue();
	}

	@Test
	void filingWaivingNotYetDueAndReopeningAreLines() {
		owesThePpcReports();
		int before = timelineLength();

		this.reporting.file(this.id, caseVersion(), this.lead, duty(DutyType.PPC_PRELIMINARY), this.discovered,
				"PPC-2026-0001");
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

		scenario.stimulate(() -> this.reporting.file(this.id, caseVersion(), this.lead, preliminary, this.discovered,
				"PPC-2026-0042"))
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
		this.reporting.draftAnnouncement(this.id, caseVersion(), this.lead, Announcement.Kind.FIRST, "【第一報】お知らせ");
		long announcement = this.reporting.caseFor(this.id, this.lead).getAnnouncements().get(0).getId();
		long preliminary = duty(DutyType.PPC_PRELIMINARY);
		long stale = caseVersion() - 1;
		this.events.clear();
		int before = timelineLength();

		refused(() -> this.reporting.updateFacts(this.id, caseVersion(), this.lead,
				new Facts(Answer.NO, 30, false, false, false, false, false, false, false, false, false), null, null),
				"facts.countWithoutPersonalData");
		refused(() -> this.reporting.file(this.id, caseVersion(), this.lead, preliminary,
				LocalDate.now(TOKYO).plusDays(1), "A-1"), "duty.filedInFuture");
		refused(() -> this.reporting.file(this.id, caseVersion(), this.executive, preliminary, this.discovered, "A-1"),
				"duty.leadOnly");
		refused(() -> this.reporting.waive(this.id, caseVersion(), this.lead, preliminary, " "),
				"duty.waiverReasonRequired");
		refused(() -> this.reporting.markNotYetDue(this.id, caseVersion(), this.lead, preliminary),
				"duty.notYetDueOnlyForFinal");
		refused(() -> this.reporting.reopen(this.id, caseVersion(), this.lead, preliminary), "duty.notDecided");
		refused(() -> this.reporting.draftAnnouncement(this.id, caseVersion(), this.lead, Announcement.Kind.FINAL, " "),
				"announcement.draftRequired");
		refused(() -> this.reporting.approveAnnouncement(this.id, caseVersion(), this.lead, announcement),
				"announcement.executiveOnly");
		refused(() -> this.reporting.publishAnnouncement(this.id, caseVersion(), this.lead, announcement,
				this.discovered), "announcement.notApproved");
		refused(() -> this.reporting.updateInquiryDesk(this.id, caseVersion(), this.lead, null, null, -1),
				"inquiryDesk.negative");
		assertThatThrownBy(() -> this.reporting.file(this.id, stale, this.lead, preliminary, this.discovered, "A-1"))
			.isInstanceOf(ObjectOptimisticLockingFailureException.class);

		assertThat(this.events.stream(HistoryEvent.class)).isEmpty();
		assertThat(timelineLength()).isEqualTo(before);
	}

	@Test
	void aSecondClickOnTheSamePageIsRefusedAsChangedMeanwhile() {
		owesThePpcReports();
		long version = caseVersion();
		this.reporting.file(this.id, version, this.lead, duty(DutyType.PPC_PRELIMINARY), this.discovered, "A-1");
		this.events.clear();

		assertThatThrownBy(() -> this.reporting.file(this.id, version, this.lead, duty(DutyType.PPC_PRELIMINARY),
				this.discovered, "A-1"))
			.isInstanceOf(ObjectOptimisticLockingFailureException.class);
		assertThat(this.events.stream(HistoryEvent.class)).isEmpty();
	}

	@Test
	void everyFactAndEveryKindOfStepTwoReadsInBothLanguages() throws IOException {
		for (String bundle : List.of("messages.properties", "messages_ja.properties")) {
			Properties messages = load(bundle);
			Stream.of(Fact.values())
				.forEach(fact -> assertThat(messages.getProperty("Fact." + fact.name())).as(bundle + " Fact." + fact)
					.isNotBlank());
			Stream.of(Fact.values())
				.map(Fact::kind)
				.distinct()
				.forEach(kind -> assertThat(messages.getProperty("timeline." + kind.name())).as(bundle + " " + kind)
					.isNotBlank());
		}
	}

	private void owesThePpcReports() {
		this.reporting.updateFacts(this.id, caseVersion(), this.lead,
				new Facts(Answer.YES, 1_200, false, true, false, true, true, true, false, false, false), null, null);
		this.events.clear();
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
