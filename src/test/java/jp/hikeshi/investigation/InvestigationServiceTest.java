package jp.hikeshi.investigation;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.investigation.Investigation.FiveW1H;
import jp.hikeshi.investigation.Investigation.Remediation;
import jp.hikeshi.investigation.InvestigationCommands.AskForHelp;
import jp.hikeshi.investigation.InvestigationCommands.RecordRemediation;
import jp.hikeshi.investigation.InvestigationCommands.ReportToExecutive;
import jp.hikeshi.shared.BusinessRuleViolation;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The investigation on PostgreSQL: 5W1H feeding the required items, repairs, outside help, reports. */
@IntegrationTest
class InvestigationServiceTest {

	private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));

	@Autowired
	InvestigationService investigation;

	@Autowired
	IncidentService incidents;

	@Autowired
	TestUsers users;

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
	void fiveW1HFillsTheRequiredItemsWithoutDuplicatingThem() {
		this.investigation.updateFacts(this.incident, version(), this.lead, new FiveW1H("11/20 深夜から", "不明な第三者",
				"経理部", "顧客名簿の閲覧", "VPN機器の既知の脆弱性を悪用", "VPN機器のファームウェアが古かった", "VPN機器と経理サーバー"));
		Incident updated = this.incidents.find(this.incident, this.lead);
		assertThat(updated.getRecord().getAssumedCause()).isEqualTo("VPN機器のファームウェアが古かった");
		assertThat(updated.getRecord().getAffectedSystemsStatus()).isEqualTo("VPN機器と経理サーバー");
		FiveW1H read = this.investigation.of(this.incident, this.lead).facts();
		assertThat(read.how()).isEqualTo("VPN機器の既知の脆弱性を悪用");
		assertThat(read.why()).isEqualTo("VPN機器のファームウェアが古かった");
		assertThat(this.incidents.findForPage(this.incident, this.lead).getTimeline())
			.anySatisfy(entry -> assertThat(entry.getField()).isEqualTo("assumedCause"));
	}

	@Test
	void repairsHelpAndReportsAreRecordedWithTheirChecks() {
		this.investigation.addRemediation(this.incident, this.lead, new RecordRemediation(Remediation.Kind.PATCH,
				"VPN機器のファームウェア更新", this.owner.getUsername(), TODAY));
		assertThatThrownBy(() -> this.investigation.addRemediation(this.incident, this.lead,
				new RecordRemediation(Remediation.Kind.SETTINGS, "設定見直し", null, null)))
			.hasMessage("remediation.ownerRequired");
		assertThatThrownBy(() -> this.investigation.addRemediation(this.incident, this.lead,
				new RecordRemediation(null, "x", this.owner.getUsername(), null)))
			.hasMessage("remediation.kindRequired");

		this.investigation.addOutsideHelp(this.incident, this.lead, new AskForHelp("IPA 情報セキュリティ安心相談窓口", TODAY,
				"ログの見方について相談", "VPNのログを90日分保全するよう助言"));
		assertThatThrownBy(() -> this.investigation.addOutsideHelp(this.incident, this.lead,
				new AskForHelp("保守ベンダー", TODAY.plusDays(1), "調査依頼", null)))
			.hasMessage("investigation.dateInvalid");
		assertThatThrownBy(() -> this.investigation.addOutsideHelp(this.incident, this.lead,
				new AskForHelp(" ", TODAY, "x", null)))
			.hasMessage("help.helperRequired");

		this.investigation.addExecutiveReport(this.incident, this.lead,
				new ReportToExecutive(TODAY, "被害範囲は経理部のみと判明"));
		Actor executive = new Actor(this.users.create(Role.EXECUTIVE).getUsername(), Set.of(Role.EXECUTIVE));
		assertThatThrownBy(() -> this.investigation.addExecutiveReport(this.incident, executive,
				new ReportToExecutive(TODAY, "x")))
			.hasMessage("executiveReport.leadOnly");

		Investigation read = this.investigation.of(this.incident, this.lead);
		assertThat(read.remediations()).singleElement().satisfies(r -> assertThat(r.doneOn()).isEqualTo(TODAY));
		assertThat(read.help()).singleElement()
			.satisfies(h -> assertThat(h.advice()).isEqualTo("VPNのログを90日分保全するよう助言"));
		assertThat(read.reports()).singleElement()
			.satisfies(r -> assertThat(r.summary()).isEqualTo("被害範囲は経理部のみと判明"));
	}

	@Test
	void aRepairInProgressIsFinishedLaterAndTheStartCannotFollowTheRecovery() {
		this.investigation.addRemediation(this.incident, this.lead,
				new RecordRemediation(Remediation.Kind.DATA_RESTORE, "バックアップから復元", this.owner.getUsername(), null));
		long id = this.investigation.of(this.incident, this.lead).remediations().get(0).id();
		assertThatThrownBy(() -> this.investigation.completeRemediation(this.incident, id, this.lead, TODAY.plusDays(2)))
			.hasMessage("investigation.dateInvalid");
		this.investigation.completeRemediation(this.incident, id, this.lead, TODAY);
		assertThat(this.investigation.of(this.incident, this.lead).remediations()).singleElement()
			.satisfies(r -> assertThat(r.doneOn()).isEqualTo(TODAY));
		assertThatThrownBy(() -> this.investigation.completeRemediation(this.incident, id, this.lead, TODAY))
			.isInstanceOfSatisfying(BusinessRuleViolation.class, refusal -> {
				assertThat(refusal.code()).isEqualTo("remediation.alreadyDone");
				// a java.util.Date, which the message formats as a day in the reader's language
				assertThat(refusal.arguments()).containsExactly(java.sql.Date.valueOf(TODAY));
			});
		assertThatThrownBy(() -> this.investigation.completeRemediation(this.incident, id + 1000, this.lead, TODAY))
			.hasMessage("remediation.unknown");

		assertThatThrownBy(() -> this.investigation.updateFacts(this.incident, version(), this.lead,
				new FiveW1H("来月", null, null, null, null, null, null, TODAY.plusDays(3))))
			.hasMessage("investigation.startedAfterRecovery");
		this.investigation.updateFacts(this.incident, version(), this.lead,
				new FiveW1H("先週から", null, null, null, null, null, null, TODAY.minusDays(7)));
		assertThat(this.investigation.of(this.incident, this.lead).facts().startedOn()).isEqualTo(TODAY.minusDays(7));
	}

	private long version() {
		return this.incidents.find(this.incident, this.lead).getVersion();
	}

}
