package jp.hikeshi.browser;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jp.hikeshi.account.AccountCommands.UpdateAccount;
import jp.hikeshi.account.AccountService;
import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.account.UserAccount.Profile;
import jp.hikeshi.incident.Category;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.incident.LeakKind;
import jp.hikeshi.incident.Severity;
import jp.hikeshi.incident.StillHappening;
import jp.hikeshi.register.Backup;
import jp.hikeshi.register.HeldData;
import jp.hikeshi.register.RegisteredSystem;
import jp.hikeshi.register.SystemChange;
import jp.hikeshi.register.SystemKind;
import jp.hikeshi.register.SystemService;
import jp.hikeshi.register.Whose;
import jp.hikeshi.reporting.DataSet;
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

/**
 * Every role's pages, in both languages, checked in the browser with axe-core's rules (WCAG 2.1
 * A and AA, and best practice): the pages each person works with, a form refused with its errors,
 * and step 2 with its duties, data sets and texts. Any violation fails, named with its page and
 * the elements concerned.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import({ TestDatabaseConfiguration.class, CompletedSetup.class })
class AccessibilityJourneyTest {

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	@Autowired
	IncidentService incidents;

	@Autowired
	ReportingService reporting;

	@Autowired
	AccountService accounts;

	@Autowired
	SystemService systems;

	@Test
	void noPageOfAnyRoleViolatesTheAccessibilityRules() {
		Axe axe = Axe.load();
		UserAccount reporter = this.users.create(Role.REPORTER);
		UserAccount lead = this.users.create(Role.SECURITY_LEAD);
		UserAccount executive = this.users.create(Role.EXECUTIVE);
		UserAccount admin = this.users.create(Role.ADMIN);
		UserAccount responder = this.users.create(Role.RESPONDER);
		// the number staff are shown after they report
		this.accounts.update(new UpdateAccount(lead.getId(), lead.getVersion(),
				new Profile("佐藤 健", "情報システム部", "lead@example.com", "03-1234-5678"), lead.getRoles()), "test");
		long id = anEscalatedLeakWithItsData(reporter, lead);
		String incident = "/incidents/" + id;
		// one report not yet taken, still happening: the lead's home lists it
		long waiting = this.incidents.report(new Incident.Report("共有フォルダのファイルが開けない", "拡張子が変わっている",
				Instant.now().minus(1, ChronoUnit.HOURS), "共有フォルダ", StillHappening.YES, null, null),
				new Actor(reporter.getUsername(), Set.of(Role.REPORTER))).getId();
		Actor executiveActor = new Actor(executive.getUsername(), Set.of(Role.EXECUTIVE));
		// a second escalated incident, its team formed with the responder: the responder's home lists it
		long assigned = anEscalatedLeakWithItsData(reporter, lead);
		this.incidents.formTeam(assigned, this.incidents.find(assigned, executiveActor).getVersion(), executiveActor,
				responder.getUsername(), List.of());

		long system = this.systems.add(new SystemChange(
				new RegisteredSystem.Details("会員サイト " + UUID.randomUUID(), SystemKind.EC_SITE, "レンタルサーバー", "営業部",
						null, true, Backup.BACKED_UP, "別拠点", null),
				List.of(new HeldData.Details("会員名簿", "氏名、カード番号", Whose.CUSTOMERS, null, 1200, false, true, false,
						false, null, null))),
				lead.getUsername());

		List<String> violations = new ArrayList<>();
		for (String language : List.of("ja", "en")) {
			try (Browser browser = Browser.open(this.port, language)) {
				browser.signIn(reporter.getUsername(), CompletedSetup.PASSWORD);
				check(browser, axe, violations, "/", "/report", "/reports", "/reports/" + waiting + "/sent",
						"/account/password", "/account/tokens", "/account/passkeys", "/preparedness/contacts",
						"/preparedness/wall-card");
				// a token refused (no name), then one made: its secret shown once; then the list with it
				browser.go("/account/tokens").type("days", "400");
				browser.submit(browser.driver().findElement(org.openqa.selenium.By.cssSelector("form.form button[type=submit]")).getText());
				checkCurrent(browser, axe, violations, "refused API token");
				browser.type("name", "監視スクリプト").type("days", "30");
				browser.submit(browser.driver().findElement(org.openqa.selenium.By.cssSelector("form.form button[type=submit]")).getText());
				checkCurrent(browser, axe, violations, "API token shown once");
				check(browser, axe, violations, "/account/tokens");
				browser.signOut();

				browser.signIn(responder.getUsername(), CompletedSetup.PASSWORD);
				check(browser, axe, violations, "/", "/incidents/assigned");
				browser.signOut();

				browser.signIn(lead.getUsername(), CompletedSetup.PASSWORD);
				check(browser, axe, violations, "/", "/triage", "/incidents", incident, incident + "/reporting",
						incident + "/reporting/data-sets/new", incident + "/reporting/texts/PPC_PRELIMINARY",
						incident + "/reporting/texts/NOTICE", "/duties", incident + "/evidence",
						incident + "/investigation", incident + "/prevention-plan", incident + "/report", incident + "/timeline",
						incident + "/report?language=en", incident + "/record/print", "/measures", "/notifications",
						"/account/notifications", "/preparedness/contacts", "/preparedness/contacts/people/" + lead.getId(),
						"/preparedness/wall-card?language=en", "/preparedness", "/drills");
				// the register (平時の備え): the list, a system with its data, a new one, the import
				check(browser, axe, violations, "/preparedness/systems", "/preparedness/systems/" + system,
						"/preparedness/systems/new", "/preparedness/systems/import");
				// a drill started: its page with the injects, the debrief so far and the notes
				browser.go("/drills").check("scenario", "2");
				browser.clickAndWait(browser.driver()
					.findElement(org.openqa.selenium.By.cssSelector("form[action='/drills'] button[type=submit]")));
				checkCurrent(browser, axe, violations, "drill page");
				// a refused form, with its messages next to the fields
				browser.go(incident + "/reporting/data-sets/new")
					.type("description", "会員名簿")
					.type("confirmedCount", "10")
					.type("maximumCount", "9");
				// waits for the refused page: checked before it arrives, axe would read the form as typed
				browser.clickAndWait(browser.driver().findElement(org.openqa.selenium.By.cssSelector("form.form button[type=submit]")));
				checkCurrent(browser, axe, violations, "refused data set");
				// 平時の備え: the response policy and its draft, the register's vendors and clients
				check(browser, axe, violations, "/preparedness/policy", "/preparedness/policy/draft", "/preparedness/vendors",
						"/preparedness/clients");
				browser.signOut();

				browser.signIn(executive.getUsername(), CompletedSetup.PASSWORD);
				check(browser, axe, violations, "/", "/executive/inbox", "/dashboard", incident + "/reporting", "/drills");
				check(browser, axe, violations, "/preparedness/policy", "/preparedness");
				browser.signOut();

				browser.signIn(admin.getUsername(), CompletedSetup.PASSWORD);
				check(browser, axe, violations, "/admin/tokens");
				check(browser, axe, violations, "/admin/users", "/admin/organisation", "/admin/contacts", "/admin/desks",
						"/admin/desks/PPC_DIAL", "/admin/holidays", "/admin/playbooks", "/admin/audit",
						"/admin/notifications", "/admin/notifications/log", "/admin/integrations", "/admin/drill-scenarios",
						"/admin/drill-scenarios/new", "/admin/drill-scenarios/1");
				// an endpoint refused beside its field, then added: its secret shown once; then its log
				browser.go("/admin/integrations")
					.type("name", "チケット管理")
					.type("url", "http://tickets.example.com/in")
					.check("events", "STATE_CHANGED");
				browser.clickAndWait(browser.driver().findElement(org.openqa.selenium.By.cssSelector("form.form button[type=submit]")));
				checkCurrent(browser, axe, violations, "refused endpoint");
				browser.type("url", "https://203.0.113.10/hikeshi");
				browser.clickAndWait(browser.driver().findElement(org.openqa.selenium.By.cssSelector("form.form button[type=submit]")));
				checkCurrent(browser, axe, violations, "new endpoint with its secret");
				browser.clickAndWait(browser.driver().findElement(org.openqa.selenium.By.cssSelector(".inline-form button.button--primary")));
				checkCurrent(browser, axe, violations, "endpoint with its log");
			}
		}
		assertThat(violations).as("accessibility violations").isEmpty();
	}

	private long anEscalatedLeakWithItsData(UserAccount reporter, UserAccount lead) {
		Actor leadActor = new Actor(lead.getUsername(), Set.of(Role.SECURITY_LEAD));
		Incident incident = this.incidents.report(new Incident.Report("営業PCが情報窃取型マルウェアに感染", "ウイルス対策ソフトが検知した",
				Instant.now().minus(1, ChronoUnit.DAYS), "営業部PC", null, null, null),
				new Actor(reporter.getUsername(), Set.of(Role.REPORTER)));
		long id = incident.getId();
		this.incidents.take(id, 0, leadActor);
		this.incidents.escalate(id, this.incidents.find(id, leadActor).getVersion(), leadActor,
				Category.INFORMATION_LEAK, LeakKind.MALWARE, Severity.CRITICAL, null);
		this.reporting.addDataSet(id, this.reporting.caseFor(id, leadActor).getVersion(), leadActor,
				new DataSet.Details("顧客名簿", "氏名、住所", "顧客管理サーバ", DataSet.Owner.CUSTOMERS, false, true, false, 800,
						1_200, false, null, null, false, false));
		return id;
	}

	private static void check(Browser browser, Axe axe, List<String> violations, String... paths) {
		for (String path : paths) {
			browser.go(path);
			checkCurrent(browser, axe, violations, path);
		}
	}

	private static void checkCurrent(Browser browser, Axe axe, List<String> violations, String page) {
		axe.violations(browser).forEach(violation -> violations.add(page + " [" + browser.path() + "] " + violation));
	}

}
