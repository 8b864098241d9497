package jp.hikeshi.browser;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Set;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.Role;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.calendar.LegalDeadlines;
import jp.hikeshi.incident.Category;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.IncidentService;
import jp.hikeshi.incident.LeakKind;
import jp.hikeshi.incident.Severity;
import jp.hikeshi.test.CompletedSetup;
import jp.hikeshi.test.TestDatabaseConfiguration;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Step 2 in a real browser: a machine with access to the customer database is infected by
 * information-stealing malware. The moment the incident is escalated, the PPC reports are
 * listed as to be decided, their deadlines running from discovery and shown as calendar days;
 * the lead records the leak as feared and the customer list with its maximum count, files the
 * preliminary report, and the final report's day shows for the lead and for the executive.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import({ TestDatabaseConfiguration.class, CompletedSetup.class })
class ReportingJourneyTest {

	private static final DateTimeFormatter LEGAL_DAY = DateTimeFormatter.ofPattern("yyyy年M月d日（E）", Locale.JAPANESE);

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	@Autowired
	IncidentService incidents;

	@Autowired
	LegalDeadlines calendar;

	@Test
	void aFearedLeakByInformationStealingMalwareOwesThePpcReportsAtOnce() {
		UserAccount lead = this.users.create(Role.SECURITY_LEAD);
		UserAccount executive = this.users.create(Role.EXECUTIVE);
		Actor leadActor = new Actor(lead.getUsername(), Set.of(Role.SECURITY_LEAD));
		Instant discovered = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
		Incident incident = this.incidents.report(new Incident.Report("営業PCが情報窃取型マルウェアに感染",
				"ウイルス対策ソフトが情報窃取型マルウェアを検知した。PCは顧客管理システムに接続できる。", discovered, "営業部PC", null, null,
				null), new Actor(this.users.create(Role.REPORTER).getUsername(), Set.of(Role.REPORTER)));
		this.incidents.take(incident.getId(), 0, leadActor);
		this.incidents.escalate(incident.getId(), this.incidents.find(incident.getId(), leadActor).getVersion(), leadActor,
				Category.INFORMATION_LEAK, LeakKind.MALWARE, Severity.CRITICAL, null);
		String finalDay = LEGAL_DAY.format(this.calendar.dayRolledForward(discovered, 60)) + "中";
		String preliminaryLimit = LEGAL_DAY.format(this.calendar.day(discovered, 5)) + "中";

		try (Browser browser = Browser.open(this.port, "ja")) {
			browser.signIn(lead.getUsername(), CompletedSetup.PASSWORD)
				.go("/incidents/" + incident.getId())
				.click("必要な報告と公表");
			// at once, before anyone has answered a question: to be decided, clocks running
			assertThat(browser.text()).contains("個人情報保護委員会への速報", "個人情報保護委員会への確報", "本人への通知", "要判断",
					"期限 " + preliminaryLimit, finalDay, "まだ判断していません",
					"判定に使ったルール：個人情報保護法（2022年4月1日施行の改正後）・番号法・GDPR", "相談・届出先");

			browser.check("leak", "FEARED").submit("事実を保存する");
			assertThat(browser.text()).contains("事実を保存し、必要な報告を判定し直しました。",
					"漏えい等が発生したおそれがあります。おそれの段階でも報告の対象です（施行規則第7条）。",
					"不正の目的（不正アクセス、内部不正、ウェブスキミングなど）による漏えい等のおそれがあります。", finalDay);

			browser.click("個人データを記録する")
				.type("description", "顧客名簿")
				.type("items", "氏名、住所、電話番号")
				.type("confirmedCount", "1500")
				.type("maximumCount", "1200")
				.submit("保存する");
			assertThat(browser.text()).contains("最大の人数は、確定している本人の数（1,500人）以上にしてください。");
			assertThat(browser.driver().findElement(By.id("description")).getAttribute("value")).isEqualTo("顧客名簿");
			browser.type("confirmedCount", "800").submit("保存する");
			assertThat(browser.text()).contains("個人データの記録を保存し、必要な報告を判定し直しました。", "顧客名簿",
					"確定 800人／最大 1,200人", "本人の数（対象となり得る最大の人数）が1,000人を超えています。");

			WebElement preliminary = browser.driver()
				.findElement(By.xpath("//div[contains(@class,'duty')][.//h3[span[normalize-space()='個人情報保護委員会への速報']]]"));
			String dutyId = preliminary.findElement(By.cssSelector("input[name=filedOn]")).getAttribute("id");
			browser.type(dutyId, LocalDate.now(LegalDeadlines.JAPAN).toString());
			browser.type(dutyId.replace("filedOn-", "ref-"), "PPC-2026-000123");
			browser.clickAndWait(preliminary.findElement(By.xpath(".//button[normalize-space()='報告済みとして記録する']")));
			assertThat(browser.text()).contains("報告を記録しました。", "受付番号：PPC-2026-000123");

			browser.go("/incidents/" + incident.getId());
			assertThat(browser.text()).contains("個人情報保護委員会への確報：" + finalDay);
			browser.go("/");
			assertThat(browser.text()).contains("報告期限");
			browser.signOut();

			browser.signIn(executive.getUsername(), CompletedSetup.PASSWORD).click("報告期限");
			WebElement row = browser.driver()
				.findElement(By.xpath("//tr[td[normalize-space()='個人情報保護委員会への確報']][td/a[normalize-space()='"
						+ incident.getReference() + "']]"));
			assertThat(row.getText()).contains("期限内", finalDay, "あと");
			assertThat(browser.text()).doesNotContain("PPC-2026-000123");
		}
	}

}
