package jp.hikeshi.investigation;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.incident.TimelineEntry;
import jp.hikeshi.incident.TimelineEntry.Kind;
import jp.hikeshi.investigation.Investigation.FiveW1H;
import jp.hikeshi.investigation.Investigation.Item;
import jp.hikeshi.investigation.Investigation.Remediation;
import jp.hikeshi.investigation.InvestigationCommands.AskForHelp;
import jp.hikeshi.investigation.InvestigationCommands.RecordRemediation;
import jp.hikeshi.investigation.InvestigationCommands.ReportToExecutive;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the investigation records reaches the incident's timeline: each fact published once, as
 * its type, with the raw values the entry keeps (the 5W1H items that changed, the kind of
 * repair, its owner, the days), in the same transaction; nothing when nothing changed. The whole
 * application runs, for the reason {@code EvidenceHistoryTest} gives.
 */
@IntegrationTest
@RecordApplicationEvents
@EnableScenarios
class InvestigationHistoryTest {

	private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));

	@Autowired
	InvestigationService investigation;

	@Autowired
	IncidentService incidents;

	@Autowired
	TestUsers users;

	@Autowired
	ApplicationEvents events;

	Actor lead;

	UserAccount owner;

	long incident;

	@BeforeEach
	void anIncident() {
		this.lead = new Actor(this.users.create(Role.SECURITY_LEAD).getUsername(), Set.of(Role.SECURITY_LEAD));
		this.owner = this.users.create(Role.RESPONDER);
		this.incident = this.incidents.report(new Incident.Report(null, "VPN経由の不正アクセス", null, null, null, null, null),
				new Actor(this.users.create(Role.REPORTER).getUsername(), Set.of(Role.REPORTER))).getId();
	}

	@Test
	void fiveW1HNamesTheItemsThatChangedAndSavingTheSameAgainAddsNothing() {
		FiveW1H facts = new FiveW1H("11/20 深夜から", null, null, "顧客名簿の閲覧", null, null, null, TODAY.minusDays(9));
		this.investigation.updateFacts(this.incident, version(), this.lead, facts);
		this.investigation.updateFacts(this.incident, version(), this.lead, facts);

		assertThat(this.events.stream(InvestigationEvents.FactsUpdated.class))
			.containsExactly(new InvestigationEvents.FactsUpdated(this.incident, this.lead.username(),
					EnumSet.of(Item.WHEN, Item.WHAT, Item.STARTED_ON)));
		assertThat(entries(Kind.INVESTIGATION_UPDATED)).singleElement().satisfies(entry -> {
			assertThat(entry.getActor()).isEqualTo(this.lead.username());
			assertThat(entry.getAfter()).isEqualTo("STARTED_ON, WHAT, WHEN");
		});

		this.investigation.updateFacts(this.incident, version(), this.lead,
				new FiveW1H("11/20 深夜から", "不明な第三者", null, "顧客名簿の閲覧", null, null, null, TODAY.minusDays(9)));
		assertThat(this.events.stream(InvestigationEvents.FactsUpdated.class)).last()
			.isEqualTo(new InvestigationEvents.FactsUpdated(this.incident, this.lead.username(), EnumSet.of(Item.WHO)));
		assertThat(entries(Kind.INVESTIGATION_UPDATED)).extracting(TimelineEntry::getAfter)
			.containsExactly("STARTED_ON, WHAT, WHEN", "WHO");
	}

	@Test
	void aRepairIsRecordedWithItsKindAndOwnerAndCompletedOnce() {
		this.investigation.addRemediation(this.incident, this.lead, new RecordRemediation(Remediation.Kind.PATCH,
				" VPN機器のファームウェア更新 ", this.owner.getUsername(), null));
		long id = this.investigation.of(this.incident, this.lead).remediations().get(0).id();

		assertThat(this.events.stream(InvestigationEvents.RemediationRecorded.class))
			.containsExactly(new InvestigationEvents.RemediationRecorded(this.incident, this.lead.username(), id,
					Remediation.Kind.PATCH, "VPN機器のファームウェア更新", this.owner.getUsername()));
		assertThat(entries(Kind.REMEDIATION_RECORDED)).singleElement().satisfies(entry -> {
			assertThat(entry.getField()).isEqualTo("PATCH");
			assertThat(entry.getBefore()).isEqualTo(this.owner.getUsername());
			assertThat(entry.getNote()).isEqualTo("VPN機器のファームウェア更新");
		});

		this.investigation.completeRemediation(this.incident, id, this.lead, TODAY);
		assertThatThrownBy(() -> this.investigation.completeRemediation(this.incident, id, this.lead, TODAY))
			.hasMessage("remediation.alreadyDone");

		assertThat(this.events.stream(InvestigationEvents.RemediationCompleted.class))
			.containsExactly(new InvestigationEvents.RemediationCompleted(this.incident, this.lead.username(), id,
					Remediation.Kind.PATCH, "VPN機器のファームウェア更新", TODAY));
		assertThat(entries(Kind.REMEDIATION_COMPLETED)).singleElement().satisfies(entry -> {
			assertThat(entry.getField()).isEqualTo("PATCH");
			assertThat(entry.getAfter()).isEqualTo(TODAY.toString());
			assertThat(entry.getNote()).isEqualTo("VPN機器のファームウェア更新");
		});
	}

	@Test
	void helpAskedFromOutsideNamesWhoWasAskedAndWhen() {
		this.investigation.addOutsideHelp(this.incident, this.lead,
				new AskForHelp("IPA 情報セキュリティ安心相談窓口", TODAY, "ログの見方について相談", null));
		assertThatThrownBy(() -> this.investigation.addOutsideHelp(this.incident, this.lead,
				new AskForHelp("保守ベンダー", TODAY.plusDays(1), "調査依頼", null)))
			.hasMessage("investigation.dateInvalid");

		assertThat(this.events.stream(InvestigationEvents.OutsideHelpAsked.class))
			.containsExactly(new InvestigationEvents.OutsideHelpAsked(this.incident, this.lead.username(),
					"IPA 情報セキュリティ安心相談窓口", TODAY, "ログの見方について相談"));
		assertThat(entries(Kind.OUTSIDE_HELP_ASKED)).singleElement().satisfies(entry -> {
			assertThat(entry.getField()).isEqualTo("IPA 情報セキュリティ安心相談窓口");
			assertThat(entry.getAfter()).isEqualTo(TODAY.toString());
			assertThat(entry.getNote()).isEqualTo("ログの見方について相談");
		});
	}

	@Test
	void aReportToTheExecutiveKeepsItsDayAndSummary() {
		this.investigation.addExecutiveReport(this.incident, this.lead,
				new ReportToExecutive(TODAY, "被害範囲は経理部のみと判明"));

		assertThat(this.events.stream(InvestigationEvents.ExecutiveReported.class))
			.containsExactly(new InvestigationEvents.ExecutiveReported(this.incident, this.lead.username(),
					TODAY, "被害範囲は経理部のみと判明"));
		assertThat(entries(Kind.EXECUTIVE_REPORTED)).singleElement().satisfies(entry -> {
			assertThat(entry.getAfter()).isEqualTo(TODAY.toString());
			assertThat(entry.getNote()).isEqualTo("被害範囲は経理部のみと判明");
		});
	}

	@Test
	void aScenarioSeesTheExecutiveReportArriveAndItsLineOnTheTimeline(Scenario scenario) {
		scenario.stimulate(() -> this.investigation.addExecutiveReport(this.incident, this.lead,
				new ReportToExecutive(TODAY, "封じ込めは完了、原因は調査中")))
			.andWaitForEventOfType(InvestigationEvents.ExecutiveReported.class)
			.matching(event -> event.incidentId() == this.incident && TODAY.equals(event.reportedOn())
					&& "封じ込めは完了、原因は調査中".equals(event.summary()))
			.toArriveAndVerify(event -> {
				assertThat(event.actor()).isEqualTo(this.lead.username());
				assertThat(entries(Kind.EXECUTIVE_REPORTED)).singleElement().satisfies(entry -> {
					assertThat(entry.getKind()).isEqualTo(Kind.EXECUTIVE_REPORTED);
					assertThat(entry.getActor()).isEqualTo(this.lead.username());
					assertThat(entry.getAfter()).isEqualTo(TODAY.toString());
					assertThat(entry.getNote()).isEqualTo("封じ込めは完了、原因は調査中");
				});
			});
	}

	private long version() {
		return this.incidents.find(this.incident, this.lead).getVersion();
	}

	private List<TimelineEntry> entries(Kind kind) {
		return this.incidents.findForPage(this.incident, this.lead)
			.getTimeline()
			.stream()
			.filter(entry -> entry.getKind() == kind)
			.toList();
	}

}
