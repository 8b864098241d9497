package jp.hikeshi.browser;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.incident.Category;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.incident.LeakKind;
import jp.hikeshi.incident.Severity;
import jp.hikeshi.reporting.DataSet;
import jp.hikeshi.reporting.LeakStatus;
import jp.hikeshi.reporting.Facts;
import jp.hikeshi.reporting.ReportingService;
import jp.hikeshi.test.CompletedSetup;
import jp.hikeshi.test.TestDatabaseConfiguration;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/** The executive sees an overdue report on the dashboard and follows it to the incident. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import({ TestDatabaseConfiguration.class, CompletedSetup.class })
class DashboardJourneyTest {

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	@Autowired
	IncidentService incidents;

	@Autowired
	ReportingService reporting;

	@Test
	void anOverdueReportLeadsToItsIncident() {
		UserAccount executive = this.users.create(Role.EXECUTIVE);
		Actor lead = new Actor(this.users.create(Role.SECURITY_LEAD).getUsername(), Set.of(Role.SECURITY_LEAD));
		// noticed ten days ago: the PPC's preliminary report (5 days) is overdue
		Incident incident = this.incidents.report(new Incident.Report("会員情報の流出", "会員DBへの不正アクセス",
				Instant.now().minus(10, ChronoUnit.DAYS), "会員サイト", null, null, null),
				new Actor(this.users.create(Role.REPORTER).getUsername(), Set.of(Role.REPORTER)));
		this.incidents.take(incident.getId(), 0, lead);
		this.incidents.escalate(incident.getId(), this.incidents.find(incident.getId(), lead).getVersion(), lead,
				Category.INFORMATION_LEAK, LeakKind.UNAUTHORISED_ACCESS, Severity.HIGH, null);
		this.reporting.updateFacts(incident.getId(), this.reporting.caseFor(incident.getId(), lead).getVersion(), lead,
				new Facts(LeakStatus.OCCURRED, null, true, null, true, true, false, false, false, false, false, false,
						null, null, null, null, null), null, null);
		this.reporting.addDataSet(incident.getId(), this.reporting.caseFor(incident.getId(), lead).getVersion(), lead,
				new DataSet.Details("会員名簿", "氏名、メール", null, DataSet.Owner.CUSTOMERS, false, false, false, null, 5_000,
						false, null, null, false, false));

		try (Browser browser = Browser.open(this.port, "ja")) {
			browser.signIn(executive.getUsername(), CompletedSetup.PASSWORD).click("ダッシュボード");
			assertThat(browser.heading()).isEqualTo("ダッシュボード");
			assertThat(browser.text()).contains("件の報告が期限を過ぎています", "期限超過", "個人情報保護委員会への速報");
			browser.click(incident.getReference() + " " + incident.getTitle());
			assertThat(browser.heading()).contains(incident.getReference(), "会員情報の流出");
			assertThat(browser.text()).contains("期限超過", "日過ぎています");
		}
	}

}
